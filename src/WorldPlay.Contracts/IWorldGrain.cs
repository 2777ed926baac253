using System.Collections.Immutable;
using Orleans.Concurrency;
using WorldPlay.Core;
using WorldPlay.Core.Scenes;

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

    /// <summary>The turns of the scene whose batch ids start with <paramref name="batchPrefix"/> ("scene-key/"), after turn
    /// <paramref name="afterTurn"/>, read from this world's own stream after record <paramref name="afterStreamVersion"/>.</summary>
    [Alias("committed-turns"), ReadOnly]
    Task<ImmutableArray<CommittedTurn>> CommittedTurns(string batchPrefix, int afterTurn, long afterStreamVersion);

    /// <summary>The state after turn <paramref name="turn"/> (from the nearest snapshot), or the current state for a negative
    /// turn.</summary>
    [Alias("state"), ReadOnly]
    Task<StateView> StateAfterTurn(int turn);

    /// <summary>Up to <paramref name="max"/> events after event <paramref name="afterSeq"/>.</summary>
    [Alias("events"), ReadOnly]
    Task<EventPage> Events(long afterSeq, int max);

    /// <summary>A re-check of the current state and of every committed event against all laws, with stable hashes.</summary>
    [Alias("audit"), ReadOnly]
    Task<WorldAudit> Audit();

    /// <summary>The state just after event <paramref name="seq"/> (0: the starting state), from the nearest snapshot.</summary>
    [Alias("state-at"), ReadOnly]
    Task<StateView> StateAt(long seq);

    /// <summary>Creates world <see cref="ForkRequest.NewKey"/> as a branch of this one after turn <see cref="ForkRequest.AtTurn"/>:
    /// it shares this timeline up to the last event of that turn (read from this world's store, never copied) and goes its own way
    /// after.</summary>
    [Alias("fork")]
    Task<WorldLineage> Fork(ForkRequest request);

    /// <summary>Creates this world as a branch, from what its parent's <c>Fork</c> hands over. Fails if this key already holds a
    /// world.</summary>
    [Alias("start-branch")]
    Task<WorldLineage> StartBranch(BranchOrigin origin);

    /// <summary>Creates the world from its definition and a recorded timeline (an imported file): the events are checked to continue
    /// one another and stored in a few batches. Fails if this key already holds a world.</summary>
    [Alias("import")]
    Task<WorldSummary> Import(TimelineImport timeline);

    /// <summary>Where this world comes from: its parent, its parent's parent, ... with the fork points (empty for a root world).</summary>
    [Alias("lineage"), ReadOnly]
    Task<WorldLineage> Lineage();

    /// <summary>What changed from the state after turn <paramref name="fromTurn"/> to the state after <paramref name="toTurn"/>, with the
    /// events responsible.</summary>
    [Alias("diff"), ReadOnly]
    Task<TimelineDiff> Diff(int fromTurn, int toTurn);

    /// <summary>What differs from this world's current state to world <paramref name="otherKey"/>'s, a branch of the same family,
    /// with each side's events after the point where they parted.</summary>
    [Alias("diff-branch"), ReadOnly]
    Task<TimelineDiff> DiffBranch(string otherKey);

    /// <summary>Why a relationship, fact or status holds as it does: the causal chain back through the events' causes to its
    /// roots.</summary>
    [Alias("why"), ReadOnly]
    Task<CausalAnswer> Why(WhyRequest request);
}

/// <summary>What a <c>why</c> asks about.</summary>
public enum WhyAbout
{
    Relationship,
    Fact,
    Status,
}

/// <summary>A <c>why</c> question, as of event <see cref="AtEvent"/> (default: the last); build it with <see cref="Relationship"/>,
/// <see cref="Fact"/> or <see cref="Status"/>.</summary>
[GenerateSerializer, Immutable, Alias("worldplay.WhyRequest")]
public sealed record WhyRequest(
    [property: Id(0)] WhyAbout About,
    [property: Id(1)] EntityId? Subject,
    [property: Id(2)] EntityId? Other,
    [property: Id(3)] string? Name,
    [property: Id(4)] long? AtEvent = null)
{
    /// <summary>Why the relationship from <paramref name="from"/> to <paramref name="to"/> (of <paramref name="type"/>, or any) is as it
    /// is.</summary>
    public static WhyRequest Relationship(EntityId from, EntityId to, string? type = null, long? atEvent = null)
        => new(WhyAbout.Relationship, from, to, type, atEvent);

    /// <summary>Why fact <paramref name="factId"/> holds (or not) with its value.</summary>
    public static WhyRequest Fact(string factId, long? atEvent = null) => new(WhyAbout.Fact, null, null, factId, atEvent);

    /// <summary>Why <paramref name="entity"/> has its status.</summary>
    public static WhyRequest Status(EntityId entity, long? atEvent = null) => new(WhyAbout.Status, entity, null, null, atEvent);

    /// <summary>The core's query for this request.</summary>
    public WhyQuery ToQuery() => About switch
    {
        WhyAbout.Relationship => new WhyQuery.OfRelationship(
            Subject ?? throw new ArgumentException("A why about a relationship names the entity it runs from."),
            Other ?? throw new ArgumentException("A why about a relationship names the entity it runs to."),
            Name),
        WhyAbout.Fact => new WhyQuery.OfFact(Name ?? throw new ArgumentException("A why about a fact names the fact's id.")),
        _ => new WhyQuery.OfStatus(Subject ?? throw new ArgumentException("A why about a status names the entity.")),
    };
}

/// <summary>A world to create with a timeline recorded elsewhere: its seed and every event, in order.</summary>
[GenerateSerializer, Immutable, Alias("worldplay.TimelineImport")]
public sealed record TimelineImport([property: Id(0)] WorldSeed Seed, [property: Id(1)] ImmutableArray<WorldEvent> Events);

/// <summary>Fork this world after turn <see cref="AtTurn"/> into a new world <see cref="NewKey"/>.</summary>
[GenerateSerializer, Immutable, Alias("worldplay.ForkRequest")]
public sealed record ForkRequest([property: Id(0)] string NewKey, [property: Id(1)] int AtTurn,
    [property: Id(2)] BranchKind Kind = BranchKind.Fork);

/// <summary>Where a branch leaves its parent: the parent's key, the last shared event and the turn it belongs to.</summary>
[GenerateSerializer, Immutable, Alias("worldplay.ForkPoint")]
public sealed record ForkPoint([property: Id(0)] string Parent, [property: Id(1)] long Seq, [property: Id(2)] int Turn);

/// <summary>A world's ancestry: <see cref="Ancestors"/> runs from its parent's fork point up to the root's child;
/// <see cref="Root"/> is the world the family started from (the world itself when it is not a branch).</summary>
[GenerateSerializer, Immutable, Alias("worldplay.WorldLineage")]
public sealed record WorldLineage(
    [property: Id(0)] string Key,
    [property: Id(1)] string Root,
    [property: Id(2)] ImmutableArray<ForkPoint> Ancestors)
{
    /// <summary>The parent's fork point, or null for a root world.</summary>
    public ForkPoint? Parent => Ancestors.IsDefaultOrEmpty ? null : Ancestors[0];
}

/// <summary>A stretch of a shared prefix: the events of store stream <see cref="Stream"/> numbered up to <see cref="LastSeq"/>.</summary>
[GenerateSerializer, Immutable, Alias("worldplay.TimelineSegment")]
public sealed record TimelineSegment([property: Id(0)] string Stream, [property: Id(1)] long LastSeq);

/// <summary>What a branch starts from: the family's definition, its lineage and the streams its shared prefix is read from, oldest
/// first.</summary>
[GenerateSerializer, Immutable, Alias("worldplay.BranchOrigin")]
public sealed record BranchOrigin(
    [property: Id(0)] WorldDefinition Definition,
    [property: Id(1)] int SnapshotEvery,
    [property: Id(2)] WorldLineage Lineage,
    [property: Id(3)] ImmutableArray<TimelineSegment> Prefix);

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
/// afterwards; an <see cref="Offstage"/> turn is not held to the scene's presence law. A scene's turn carries its
/// <see cref="Draft"/>, which the world stores with the turn's events in one write (even when no event is accepted).</summary>
[GenerateSerializer, Immutable, Alias("worldplay.CommitRequest")]
public sealed record CommitRequest(
    [property: Id(0)] string BatchId,
    [property: Id(1)] int Turn,
    [property: Id(2)] EntityId? ScenePlace,
    [property: Id(3)] bool Offstage,
    [property: Id(4)] ImmutableArray<Proposal> Proposals,
    [property: Id(5)] TurnDraft? Draft = null);

/// <summary>What the world did with a turn's proposals, and who is at the scene's place afterwards.</summary>
[GenerateSerializer, Immutable, Alias("worldplay.CommitReceipt")]
public sealed record CommitReceipt(
    [property: Id(0)] ImmutableArray<WorldEvent> Accepted,
    [property: Id(1)] ImmutableArray<Rejection> Rejected,
    [property: Id(2)] long Version,
    [property: Id(3)] ImmutableArray<EntityId> PresentAtScene,
    [property: Id(4)] TurnDraft? Draft = null,
    [property: Id(5)] long StreamVersion = 0);

/// <summary>A scene's turn as the world stored it: its draft, the events accepted and refused, the world's stream version after
/// it and who was at the scene's place after it. A scene rebuilds the turns it had not yet written to its transcript from
/// these.</summary>
[GenerateSerializer, Immutable, Alias("worldplay.CommittedTurn")]
public sealed record CommittedTurn(
    [property: Id(0)] int Turn,
    [property: Id(1)] TurnDraft Draft,
    [property: Id(2)] ImmutableArray<WorldEvent> Accepted,
    [property: Id(3)] ImmutableArray<Rejection> Rejected,
    [property: Id(4)] long StreamVersion,
    [property: Id(5)] ImmutableArray<EntityId> PresentAtScene);

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
