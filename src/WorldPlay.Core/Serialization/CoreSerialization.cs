using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using MessagePack;
using MessagePack.Resolvers;

namespace WorldPlay.Core.Serialization;

/// <summary>The one MessagePack and JSON configuration for core types, shared by files, hashes and the wire.</summary>
public static class CoreSerialization
{
    /// <summary>MessagePack with LZ4 block compression and the untrusted-data guard (no type names are read from input).</summary>
    public static readonly MessagePackSerializerOptions MessagePack = MessagePackSerializerOptions.Standard
        .WithResolver(StandardResolver.Instance)
        .WithCompression(MessagePackCompression.Lz4BlockArray)
        .WithSecurity(MessagePackSecurity.UntrustedData);

    /// <summary>MessagePack without compression, for stable hashes.</summary>
    public static readonly MessagePackSerializerOptions Canonical = MessagePackSerializerOptions.Standard
        .WithResolver(StandardResolver.Instance)
        .WithSecurity(MessagePackSecurity.UntrustedData);

    /// <summary>JSON as people and other tools read it: camelCase, enums as strings, nulls left out.</summary>
    public static readonly JsonSerializerOptions Json = CreateJson(indented: false);

    public static readonly JsonSerializerOptions IndentedJson = CreateJson(indented: true);

    /// <summary>A stable hex hash of a value's canonical MessagePack form: equal values hash equally on every machine.</summary>
    public static string Hash<T>(T value) => Convert.ToHexStringLower(SHA256.HashData(MessagePackSerializer.Serialize(value, Canonical)));

    private static JsonSerializerOptions CreateJson(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
