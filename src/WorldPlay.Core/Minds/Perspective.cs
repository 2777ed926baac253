using System.Collections.Immutable;
using MessagePack;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Core.Minds;

/// <summary>What one participant may know at one turn, and nothing more: its persona, the place, who is present,
/// its relationships and known facts, its goals, a rolling summary and the last lines it heard.
/// Assembled within a token budget; its size does not grow with the length of the session.</summary>
[MessagePackObject]
public sealed record Perspective(
    [property: Key(0)] Persona Persona,
    [property: Key(1)] string WorldName,
    [property: Key(2)] string Language,
    [property: Key(3)] int Turn,
    [property: Key(4)] long StoryMinute,
    [property: Key(5)] PlaceView Place,
    [property: Key(6)] ImmutableArray<PresentView> Present,
    [property: Key(7)] ImmutableArray<ItemView> Items,
    [property: Key(8)] ImmutableArray<RelationshipView> Relationships,
    [property: Key(9)] ImmutableArray<FactView> Facts,
    [property: Key(10)] ImmutableArray<string> Summary,
    [property: Key(11)] ImmutableArray<HeardLine> RecentLines,
    [property: Key(12)] SceneCue Cue,
    [property: Key(13)] int TokenCount,
    [property: Key(14)] int TokenBudget,
    [property: Key(15)] ImmutableArray<CreationView> Creations = default)
{
    /// <summary>The participant's own id.</summary>
    [IgnoreMember]
    public EntityId Self => Persona.Id;
}

/// <summary>The place the participant is at, and where one can walk from it.</summary>
[MessagePackObject]
public sealed record PlaceView(
    [property: Key(0)] EntityId Id,
    [property: Key(1)] string Name,
    [property: Key(2)] string Description,
    [property: Key(3)] ImmutableArray<ExitView> Exits);

[MessagePackObject]
public sealed record ExitView([property: Key(0)] EntityId To, [property: Key(1)] string Name, [property: Key(2)] int Minutes);

/// <summary>Someone present, as the participant sees them: name, pronouns and how the participant relates to them.</summary>
[MessagePackObject]
public sealed record PresentView(
    [property: Key(0)] EntityId Id,
    [property: Key(1)] string Name,
    [property: Key(2)] string Pronouns,
    [property: Key(3)] bool IsUser,
    [property: Key(4)] ImmutableArray<RelationshipView> Ties);

/// <summary>An item the participant can see or holds, with who holds it.</summary>
[MessagePackObject]
public sealed record ItemView(
    [property: Key(0)] EntityId Id,
    [property: Key(1)] string Name,
    [property: Key(2)] EntityId? Holder,
    [property: Key(3)] string? HolderName);

/// <summary>A relationship the participant knows of, in words: "Mira -sister-> Tomas (0.6)".</summary>
[MessagePackObject]
public sealed record RelationshipView(
    [property: Key(0)] EntityId From,
    [property: Key(1)] string FromName,
    [property: Key(2)] string Type,
    [property: Key(3)] EntityId To,
    [property: Key(4)] string ToName,
    [property: Key(5)] double Strength);

/// <summary>A fact the participant knows.</summary>
[MessagePackObject]
public sealed record FactView(
    [property: Key(0)] string Id,
    [property: Key(1)] EntityId Subject,
    [property: Key(2)] string SubjectName,
    [property: Key(3)] string Predicate,
    [property: Key(4)] string Value,
    [property: Key(5)] bool IsOwnSecret);

/// <summary>A line the participant heard (or said), verbatim, with the event that carried it.</summary>
[MessagePackObject]
public sealed record HeardLine(
    [property: Key(0)] long Seq,
    [property: Key(1)] int Turn,
    [property: Key(2)] EntityId Speaker,
    [property: Key(3)] string SpeakerName,
    [property: Key(4)] string Text,
    [property: Key(5)] ImmutableArray<EntityId> Addressees);

/// <summary>How the scene wants the story to move now.</summary>
public enum Pacing
{
    /// <summary>Let the moment breathe: answer, reflect, deepen.</summary>
    SlowDown,
    /// <summary>Keep the current thread going.</summary>
    Steady,
    /// <summary>Nothing has changed for a while: raise the stakes (reveal, confront, move, give).</summary>
    Escalate,
}

/// <summary>What the scene tells a participant about this turn: whether it is on stage, pacing, objectives,
/// the line it should answer, why its last proposals were refused, and how the floor passes.</summary>
[MessagePackObject]
public sealed record SceneCue(
    [property: Key(0)] string SceneId,
    [property: Key(1)] EntityId ScenePlace,
    [property: Key(2)] string ScenePlaceName,
    [property: Key(3)] bool Offstage,
    [property: Key(4)] Pacing Pacing,
    [property: Key(5)] ImmutableArray<string> Objectives,
    [property: Key(6)] HeardLine? AnswerTo,
    [property: Key(7)] ImmutableArray<string> RefusedLastTurn,
    [property: Key(8)] int Seed,
    [property: Key(9)] Alternation Alternation = Alternation.Ensemble);

/// <summary>An entity created during play that the participant knows of (was there when it was made, or was told), wherever
/// it is (<see cref="PlaceName"/>, and <see cref="HolderName"/> for a held item): who brought it into the world and when, who told
/// the participant (null: it was there or has it in front of it), and its ties in words.</summary>
[MessagePackObject]
public sealed record CreationView(
    [property: Key(0)] EntityId Id,
    [property: Key(1)] EntityKind Kind,
    [property: Key(2)] string Name,
    [property: Key(3)] string Description,
    [property: Key(4)] string? PlaceName,
    [property: Key(5)] OriginSource Source,
    [property: Key(6)] string? ByName,
    [property: Key(7)] int Turn,
    [property: Key(8)] string? ToldByName,
    [property: Key(9)] ImmutableArray<RelationshipView> Ties,
    [property: Key(10)] string? HolderName = null);
