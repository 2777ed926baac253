using System.Collections.Immutable;
using System.Text.Json.Serialization;
using MessagePack;

namespace WorldPlay.Core;

/// <summary>What kind of thing an entity is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EntityKind>))]
public enum EntityKind
{
    Character,
    Place,
    Item,
    Faction,
    Concept,
}

/// <summary>Whether an entity can still act or be used.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EntityStatus>))]
public enum EntityStatus
{
    Alive,
    Dead,
    Missing,
    Destroyed,
}

/// <summary>Something with identity in a world. A character or item is at one place (<see cref="Location"/>),
/// or an item is held by a character (<see cref="Holder"/>), never both. An entity created during play has an
/// <see cref="Origin"/> (null: the designer's file) and is known only to <see cref="KnownBy"/> (null: to everyone).</summary>
[MessagePackObject]
public sealed record Entity(
    [property: Key(0)] EntityId Id,
    [property: Key(1)] EntityKind Kind,
    [property: Key(2)] string Name,
    [property: Key(3)] ImmutableArray<string> Aliases,
    [property: Key(4)] ImmutableSortedDictionary<string, string> Attributes,
    [property: Key(5)] EntityStatus Status,
    [property: Key(6)] EntityId? Location,
    [property: Key(7)] EntityId? Holder,
    [property: Key(8)] Origin? Origin = null,
    [property: Key(9)] ImmutableSortedDictionary<EntityId, Learned>? KnownBy = null)
{
    /// <summary>Who brought this entity into the world.</summary>
    [IgnoreMember, JsonIgnore]
    public Origin Provenance => Origin ?? Core.Origin.Designer;

    /// <summary>True when <paramref name="who"/> knows this entity exists: everyone knows the designer's, only witnesses and
    /// those told know a created one.</summary>
    public bool IsKnownBy(EntityId who) => KnownBy is null || KnownBy.ContainsKey(who);

    [IgnoreMember, JsonIgnore]
    public bool IsCharacter => Kind == EntityKind.Character;

    /// <summary>True when the entity answers to <paramref name="name"/> (its name or one of its aliases, any case).</summary>
    public bool AnswersTo(string name) =>
        string.Equals(Name, name, StringComparison.OrdinalIgnoreCase)
        || Aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>An attribute value, or null.</summary>
    public string? Attribute(string key) => Attributes.TryGetValue(key, out var v) ? v : null;
}
