using System.Collections.Immutable;
using System.Text.Json.Serialization;
using MessagePack;

namespace WorldPlay.Core;

/// <summary>The unchanging part of a world: language, lore, laws, the place graph and the story clock's start.</summary>
[MessagePackObject]
public sealed record WorldSetting(
    [property: Key(0)] string Id,
    [property: Key(1)] string Name,
    [property: Key(2)] string Genre,
    [property: Key(3)] string Language,
    [property: Key(4)] string Lore,
    [property: Key(5)] ImmutableArray<LawSpec> Laws,
    [property: Key(6)] ImmutableArray<PlaceLink> Paths,
    [property: Key(7)] long StartMinute)
{
    /// <summary>The places one step from <paramref name="place"/>, with the minutes each walk takes.</summary>
    public IEnumerable<PlaceLink> PathsFrom(EntityId place)
    {
        foreach (var p in Paths)
        {
            if (p.A == place)
            {
                yield return p;
            }
            else if (p.B == place)
            {
                yield return new PlaceLink(p.B, p.A, p.Minutes);
            }
        }
    }

    public bool AreConnected(EntityId a, EntityId b) => PathsFrom(a).Any(p => p.B == b);
}

/// <summary>A two-way path between places <see cref="A"/> and <see cref="B"/> that takes <see cref="Minutes"/> to walk.</summary>
[MessagePackObject]
public sealed record PlaceLink([property: Key(0)] EntityId A, [property: Key(1)] EntityId B, [property: Key(2)] int Minutes);

/// <summary>A law as declared in a world file: its kind and, for some kinds, parameters.</summary>
[MessagePackObject]
public sealed record LawSpec(
    [property: Key(0)] string Kind,
    [property: Key(1)] ImmutableArray<string> Concepts,
    [property: Key(2)] string? Description);

/// <summary>A character card: who a character is and how it speaks.</summary>
[MessagePackObject]
public sealed record Persona(
    [property: Key(0)] EntityId Id,
    [property: Key(1)] string Name,
    [property: Key(2)] string Description,
    [property: Key(3)] ImmutableArray<string> Traits,
    [property: Key(4)] string SpeechStyle,
    [property: Key(5)] ImmutableArray<string> ExampleLines,
    [property: Key(6)] ImmutableArray<string> Catchphrases,
    [property: Key(7)] ImmutableArray<string> Goals,
    [property: Key(8)] ImmutableArray<Secret> Secrets,
    [property: Key(9)] double Talkativeness);

/// <summary>Something a character knows and hides, as a fact it may reveal.</summary>
[MessagePackObject]
public sealed record Secret(
    [property: Key(0)] string FactId,
    [property: Key(1)] EntityId Subject,
    [property: Key(2)] string Predicate,
    [property: Key(3)] string Value);

/// <summary>How a scene picks who speaks next.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TurnTakingPolicy>))]
public enum TurnTakingPolicy
{
    /// <summary>A character named or spoken to answers first; otherwise pooled.</summary>
    AddressedFirst,
    /// <summary>Someone present who has not spoken since the user's last turn.</summary>
    Pooled,
    /// <summary>A draw weighted by each character's talkativeness.</summary>
    Weighted,
    /// <summary>Present characters in cast order.</summary>
    RoundRobin,
}

/// <summary>A scene as declared in a world file: where it plays, who is in it, who the user plays, and what it is for.</summary>
[MessagePackObject]
public sealed record SceneSpec(
    [property: Key(0)] string Id,
    [property: Key(1)] string Title,
    [property: Key(2)] EntityId Place,
    [property: Key(3)] ImmutableArray<EntityId> Cast,
    [property: Key(4)] EntityId? User,
    [property: Key(5)] ImmutableArray<string> Objectives,
    [property: Key(6)] TurnTakingPolicy TurnTaking,
    [property: Key(7)] string Opening);

/// <summary>A whole world as written by a designer: setting, starting entities, relationships and facts, personas and scenes.</summary>
[MessagePackObject]
public sealed record WorldDefinition(
    [property: Key(0)] WorldSetting Setting,
    [property: Key(1)] ImmutableArray<Entity> Entities,
    [property: Key(2)] ImmutableArray<Relationship> Relationships,
    [property: Key(3)] ImmutableArray<Fact> Facts,
    [property: Key(4)] ImmutableArray<Persona> Personas,
    [property: Key(5)] ImmutableArray<SceneSpec> Scenes)
{
    public Persona? PersonaOf(EntityId id) => Personas.FirstOrDefault(p => p.Id == id);
}
