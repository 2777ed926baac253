using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using WorldPlay.Core.Serialization;

namespace WorldPlay.Contracts;

/// <summary>Core types carry no Orleans attributes (the core has no Orleans dependency), so grains exchange them as JSON
/// with the same options the files use. Messages wrapping them are marked immutable, so calls inside a silo do not copy them.</summary>
public static class CoreTypesOnTheWire
{
    public static ISerializerBuilder AddWorldPlayCoreTypes(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(
            isSupported: type => type.Namespace?.StartsWith("WorldPlay.Core", StringComparison.Ordinal) == true,
            jsonSerializerOptions: CoreSerialization.Json);
}
