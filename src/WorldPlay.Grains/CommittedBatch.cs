using System.Collections.Immutable;
using MessagePack;
using WorldPlay.Core;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Grains;

/// <summary>One record of a world's timeline stream: the events one commit added, and what it refused,
/// so that a retried commit can be answered exactly as the first time; for a scene's turn, the turn itself
/// (<see cref="Draft"/>), so the turn is stored in this one write.</summary>
[MessagePackObject]
public sealed record CommittedBatch(
    [property: Key(0)] string BatchId,
    [property: Key(1)] int Turn,
    [property: Key(2)] ImmutableArray<WorldEvent> Accepted,
    [property: Key(3)] ImmutableArray<Rejection> Rejected)
{
    /// <summary>The scene's turn this commit belongs to, or null for a commit that is not a scene's turn.</summary>
    [Key(4)]
    public TurnDraft? Draft { get; init; }

    /// <summary>For a scene's turn: who was at the scene's place after this commit.</summary>
    [Key(5)]
    public ImmutableArray<EntityId> PresentAtScene { get; init; } = [];
}

/// <summary>A world's state at one point of its timeline stream, saved every few events so activation is snapshot + tail.</summary>
[MessagePackObject]
public sealed record WorldSnapshot(
    [property: Key(0)] WorldState State,
    [property: Key(1)] long StreamVersion);
