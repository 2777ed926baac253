using System.Collections.Immutable;
using MessagePack;
using Microsoft.Extensions.Logging;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Laws;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Serialization;
using WorldPlay.Storage;

namespace WorldPlay.Grains;

/// <summary>The grain-storage record of a world: its definition. Its events live in the event store.</summary>
[GenerateSerializer, Alias("worldplay.WorldRecord")]
public sealed class WorldRecord
{
    [Id(0)] public WorldDefinition? Definition { get; set; }

    [Id(1)] public int SnapshotEvery { get; set; } = 64;
}

/// <summary>Owns one world's timeline: judges proposals with the core's laws, appends accepted events to the event store
/// (one write per turn), and answers what each character perceives.</summary>
public sealed partial class WorldGrain(
    [PersistentState("world", WorldPlayStorage.Grains)] IPersistentState<WorldRecord> record,
    IEventStore store,
    ILogger<WorldGrain> logger) : Grain, IWorldGrain
{
    private Timeline? _timeline;
    private LawBook? _laws;

    private string Key => this.GetPrimaryKeyString();

    private Timeline Timeline => _timeline ?? throw new InvalidOperationException($"World '{Key}' does not exist; create it first.");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (record.State.Definition is { } definition)
        {
            var timeline = Timeline.Start(WorldState.Initial(definition), record.State.SnapshotEvery);
            var events = new List<WorldEvent>();
            await foreach (var stored in store.ReadAsync(WorldPlayStorage.TimelineStream(Key), 0, cancellationToken))
            {
                events.Add(MessagePackSerializer.Deserialize<WorldEvent>(stored.Data, CoreSerialization.Canonical, cancellationToken));
            }
            _timeline = timeline.Append(events);
            _laws = LawBook.For(definition.Setting);
            LogLoaded(Key, events.Count);
        }
    }

    async Task<WorldSummary> IWorldGrain.Create(WorldSeed seed)
    {
        if (record.State.Definition is not null)
        {
            throw new InvalidOperationException($"World '{Key}' already exists; open it, or create the new one under another key.");
        }
        var laws = LawBook.For(seed.Definition.Setting);
        record.State = new WorldRecord { Definition = seed.Definition, SnapshotEvery = seed.SnapshotEvery };
        await record.WriteStateAsync();
        _laws = laws;
        _timeline = Timeline.Start(WorldState.Initial(seed.Definition), seed.SnapshotEvery);
        return SummaryOf(_timeline.Current);
    }

    Task<WorldSummary> IWorldGrain.Summary() => Task.FromResult(SummaryOf(Timeline.Current));

    Task<DefinitionView> IWorldGrain.Definition() => Task.FromResult(new DefinitionView(record.State.Definition!));

    Task<Perception> IWorldGrain.Perceive(EntityId who, long afterSeq)
    {
        var timeline = Timeline;
        var witnessed = ImmutableArray.CreateBuilder<WorldEvent>();
        for (var i = (int)Math.Max(0, afterSeq); i < timeline.Events.Count; i++)
        {
            var e = timeline.Events[i];
            if (e.WitnessedBy(who))
            {
                witnessed.Add(e);
            }
        }
        return Task.FromResult(new Perception(WorldSlice.Of(timeline.Current, who), witnessed.ToImmutable(), timeline.Version));
    }

    async Task<CommitReceipt> IWorldGrain.Commit(CommitRequest request)
    {
        var timeline = Timeline;
        var outcome = Commitment.Commit(timeline.Current, _laws!, request.Turn, request.Offstage ? null : request.ScenePlace, request.Proposals);
        if (outcome.Accepted.Length > 0)
        {
            var records = outcome.Accepted.Select(e => MessagePackSerializer.Serialize(e, CoreSerialization.Canonical)).ToList();
            await store.AppendAsync(WorldPlayStorage.TimelineStream(Key), timeline.Version, records, request.BatchId);
            _timeline = timeline.Append(outcome.Accepted);
        }
        var present = request.ScenePlace is { } place
            ? outcome.State.CharactersAt(place).Select(c => c.Id).ToImmutableArray()
            : [];
        return new CommitReceipt(outcome.Accepted, outcome.Rejected, _timeline!.Version, present);
    }

    Task<StateView> IWorldGrain.StateAfterTurn(int turn)
    {
        var state = turn < 0 ? Timeline.Current : Timeline.StateAfterTurn(turn);
        return Task.FromResult(new StateView(state, CoreSerialization.Hash(state)));
    }

    Task<EventPage> IWorldGrain.Events(long afterSeq, int max)
    {
        var events = Timeline.Events;
        var from = (int)Math.Clamp(afterSeq, 0, events.Count);
        var count = Math.Clamp(max, 0, events.Count - from);
        return Task.FromResult(new EventPage([.. events.GetRange(from, count)], Timeline.Version));
    }

    Task<WorldAudit> IWorldGrain.Audit()
    {
        var timeline = Timeline;
        var audit = LawAudit.Of(timeline, _laws!);
        return Task.FromResult(new WorldAudit(
            audit.Violations,
            timeline.Version,
            CoreSerialization.Hash(timeline.Events),
            CoreSerialization.Hash(timeline.Current),
            audit.RelationshipsChanged));
    }

    private WorldSummary SummaryOf(WorldState state) => new(
        Key, state.Setting.Name, state.Version, state.Turn, state.StoryMinute, state.Entities.Count, state.Relationships.Count, state.Facts.Count);

    [LoggerMessage(Level = LogLevel.Information, Message = "World {World} loaded with {Events} events")]
    private partial void LogLoaded(string world, int events);
}
