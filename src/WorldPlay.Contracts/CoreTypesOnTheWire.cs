using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;
using Orleans.Serialization.Serializers;
using WorldPlay.Core.Serialization;

namespace WorldPlay.Contracts;

/// <summary>Core types carry no Orleans attributes (the core has no Orleans dependency), so grains exchange them as JSON
/// with the same options the files use. Calls inside a silo pass them by reference (see <see cref="ImmutableCoreValues"/>),
/// and messages wrapping them are marked immutable.</summary>
public static class CoreTypesOnTheWire
{
    public static ISerializerBuilder AddWorldPlayCoreTypes(this ISerializerBuilder builder)
    {
        // Registered before the JSON codec, which would otherwise copy each core value by writing and reading it as JSON.
        builder.Services.AddSingleton<IGeneralizedCopier, ImmutableCoreValues>();
        return builder.AddJsonSerializer(isSupported: IsCore, jsonSerializerOptions: CoreSerialization.Json);
    }

    internal static bool IsCore(Type type) => type.Namespace?.StartsWith("WorldPlay.Core", StringComparison.Ordinal) == true;
}

/// <summary>Lets Orleans pass a core value to a grain in the same silo without copying it: core values are immutable (records
/// of read-only fields holding strings, numbers and immutable collections), so a copy would only cost time. Each type is
/// checked once, by reflection, and only a type whose every field (and every subtype's, for an abstract type) is read-only
/// and of an immutable type is passed by reference; any other type is still copied through JSON.</summary>
public sealed class ImmutableCoreValues : IGeneralizedCopier
{
    private static readonly ConcurrentDictionary<Type, bool> Checked = new();

    public bool IsSupportedType(Type type) => CoreTypesOnTheWire.IsCore(type) && IsImmutable(type);

    public object? DeepCopy(object? input, CopyContext context) => input;

    /// <summary>True when instances of <paramref name="type"/> can never change after construction.</summary>
    public static bool IsImmutable(Type type) => Checked.GetOrAdd(type, t => IsImmutable(t, []));

    private static bool IsImmutable(Type type, HashSet<Type> visiting)
    {
        if (!visiting.Add(type))
        {
            return true; // a cycle: the type is decided by its other fields
        }
        var result = Decide(type, visiting);
        visiting.Remove(type);
        return result;
    }

    private static bool Decide(Type type, HashSet<Type> visiting)
    {
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTimeOffset)
            || type == typeof(DateTime) || type == typeof(TimeSpan) || type == typeof(Guid))
        {
            return true;
        }
        if (type.IsConstructedGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var immutableCollection = definition == typeof(Nullable<>) || definition == typeof(ImmutableArray<>)
                || definition == typeof(ImmutableList<>)
                || definition == typeof(ImmutableSortedDictionary<,>) || definition == typeof(ImmutableDictionary<,>)
                || definition == typeof(ImmutableHashSet<>) || definition == typeof(ImmutableSortedSet<>)
                || definition == typeof(ImmutableQueue<>)
                || definition == typeof(ImmutableStack<>);
            return immutableCollection && type.GenericTypeArguments.All(a => IsImmutable(a, visiting));
        }
        if (!CoreTypesOnTheWire.IsCore(type) || type.IsInterface || type.IsArray || type.IsPointer || type.IsByRef)
        {
            return false;
        }
        var fields = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        if (!fields.All(f => f.IsInitOnly && IsImmutable(f.FieldType, visiting)))
        {
            return false;
        }
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType)
            && !IsImmutable(baseType, visiting))
        {
            return false;
        }
        // A field of an unsealed type may hold any subtype: each subtype in the core must be immutable too.
        return type.IsSealed || type.IsValueType
            || type.Assembly.GetTypes().Where(t => t != type && type.IsAssignableFrom(t)).All(t => IsImmutable(t, visiting));
    }
}
