using System.Collections.Immutable;
using Orleans.Concurrency;
using WorldPlay.Core;

namespace WorldPlay.Contracts;

/// <summary>One world (or branch): owns its canonical state and timeline, judges every proposal against its laws,
/// and delivers to each character the events it witnessed, and only those.</summary>
[Alias("worldplay.world")]
public interface IWorldGrain : IGrainWithStringKey
{
    /// <summary>Creates the world from its definition. Fails if this key already holds a world.</summary>
    [Alias("create")]
    Task<WorldSummary> Create(WorldSeed seed);

    [Alias("summary"), ReadOnly]
    Task<WorldSummary> Summary();

    [Alias("definition"), ReadOnly]
    Task<DefinitionView> Definition();

    /// <summary>What <paramref name="who"/> perceives now, and the events it witnessed after event <paramref name="afterSeq"/>.</summary>
    [Alias("perceive"), ReadOnly]
    Task<Perception> Perceive(EntityId who, long afterSeq);

    /// <summary>Judges and commits one turn's proposals; the batch id makes a retried commit harmless.</summary>
    [Alias("commit")]
    Task<CommitReceipt> Commit(CommitRequest request);

    /// <summary>The state after turn <paramref name="turn"/> (from the nearest snapshot), or the current state for a negative turn.</summary>
    [Alias("state"), ReadOnly]
    Task<StateView> StateAfterTurn(int turn);

    /// <summary>Up to <paramref name="max"/> events after event <paramref name="afterSeq"/>.</summary>
    [Alias("events"), ReadOnly]
    Task<EventPage> Events(long afterSeq, int max);

    /// <summary>A re-check of the current state and of every committed event against all laws, with stable hashes.</summary>
    [Alias("audit"), ReadOnly]
    Task<WorldAudit> Audit();
}

/// <summary>What a world is created from.</summary>
[GenerateSerializer, Immutable, Alias("worldplay.WorldSeed")]
public sealed record WorldSeed([property: Id(0)] WorldDefinition Definition, [property: Id(1)] int SnapshotEvery);

/// <summary>A world at a glance.</summary>
[GenerateSerializer, Immutable, Alias("worldplay.WorldSummary")]
public sealed record WorldSummary(
    [property: Id(0)] string Key,
    [property: Id(1)] string Name,
    [property: Id(2)] long Version,
    [property: Id(3)] int Turn,
    [property: Id(4)] long StoryMinute,
    [property: Id(5)] int Entities,
    [property: Id(6)] int Relationships,
    [property: Id(7)] int Facts);

[GenerateSerializer, Immutable, Alias("worldplay.DefinitionView")]
public sealed record DefinitionView([property: Id(0)] WorldDefinition Definition);

[GenerateSerializer, Immutable, Alias("worldplay.Perception")]
public sealed record Perception(
    [property: Id(0)] WorldPlay.Core.Minds.WorldSlice Slice,
    [property: Id(1)] ImmutableArray<WorldEvent> Witnessed,
    [property: Id(2)] long Version);

/// <summary>One turn's proposals, judged in order. In a scene (<see cref="ScenePlace"/> set) the receipt says who is present there
/// afterwards; an <see cref="Offstage"/> turn is not held to the scene's presence law.</summary>
[GenerateSerializer, Immutable, Alias("worldplay.CommitRequest")]
public sealed record CommitRequest(
    [property: Id(0)] string BatchId,
    [property: Id(1)] int Turn,
    [property: Id(2)] EntityId? ScenePlace,
    [property: Id(3)] bool Offstage,
    [property: Id(4)] ImmutableArray<Proposal> Proposals);

/// <summary>What the world did with a turn's proposals, and who is at the scene's place afterwards.</summary>
[GenerateSerializer, Immutable, Alias("worldplay.CommitReceipt")]
public sealed record CommitReceipt(
    [property: Id(0)] ImmutableArray<WorldEvent> Accepted,
    [property: Id(1)] ImmutableArray<Rejection> Rejected,
    [property: Id(2)] long Version,
    [property: Id(3)] ImmutableArray<EntityId> PresentAtScene);

[GenerateSerializer, Immutable, Alias("worldplay.StateView")]
public sealed record StateView([property: Id(0)] WorldState State, [property: Id(1)] string StateHash);

[GenerateSerializer, Immutable, Alias("worldplay.EventPage")]
public sealed record EventPage([property: Id(0)] ImmutableArray<WorldEvent> Events, [property: Id(1)] long Version);

[GenerateSerializer, Immutable, Alias("worldplay.WorldAudit")]
public sealed record WorldAudit(
    [property: Id(0)] ImmutableArray<string> Violations,
    [property: Id(1)] long Events,
    [property: Id(2)] string TimelineHash,
    [property: Id(3)] string StateHash,
    [property: Id(4)] int RelationshipsChanged);
