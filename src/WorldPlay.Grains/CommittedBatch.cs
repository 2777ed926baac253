using System.Collections.Immutable;
using MessagePack;
using WorldPlay.Core;

namespace WorldPlay.Grains;

/// <summary>One record of a world's timeline stream: the events one commit added, and what it refused,
/// so that a retried commit can be answered exactly as the first time.</summary>
[MessagePackObject]
public sealed record CommittedBatch(
    [property: Key(0)] string BatchId,
    [property: Key(1)] int Turn,
    [property: Key(2)] ImmutableArray<WorldEvent> Accepted,
    [property: Key(3)] ImmutableArray<Rejection> Rejected);

/// <summary>A world's state at one point of its timeline stream, saved every few events so activation is snapshot + tail.</summary>
[MessagePackObject]
public sealed record WorldSnapshot(
    [property: Key(0)] WorldState State,
    [property: Key(1)] long StreamVersion);
