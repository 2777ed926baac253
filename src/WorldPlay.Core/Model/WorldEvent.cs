using System.Collections.Immutable;
using MessagePack;

namespace WorldPlay.Core;

/// <summary>The unit of change and of causality: one committed change, numbered, placed in story time,
/// with the earlier events that caused it and the entities that perceived it.</summary>
[MessagePackObject]
public sealed record WorldEvent(
    [property: Key(0)] long Seq,
    [property: Key(1)] int Turn,
    [property: Key(2)] long StoryMinute,
    [property: Key(3)] EntityId Actor,
    [property: Key(4)] EntityId? Place,
    [property: Key(5)] WorldChange Change,
    [property: Key(6)] ImmutableArray<long> Causes,
    [property: Key(7)] ImmutableArray<EntityId> Witnesses)
{
    /// <summary>True when <paramref name="who"/> perceived this event.</summary>
    public bool WitnessedBy(EntityId who) => Witnesses.Contains(who);
}

/// <summary>A change someone wants to make, before the world judges it. <see cref="Causes"/> are earlier event numbers.</summary>
[MessagePackObject]
public sealed record Proposal(
    [property: Key(0)] EntityId Actor,
    [property: Key(1)] WorldChange Change,
    [property: Key(2)] ImmutableArray<long> Causes)
{
    public static Proposal Of(EntityId actor, WorldChange change, params long[] causes) =>
        new(actor, change, [.. causes]);
}

/// <summary>A proposal the world refused, with the law that refused it and a reason a person can read.</summary>
[MessagePackObject]
public sealed record Rejection(
    [property: Key(0)] Proposal Proposal,
    [property: Key(1)] string Law,
    [property: Key(2)] string Reason);
