using System.Collections.Immutable;
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

    /// <summary>For a branch: where it comes from, nearest fork first (empty for a root world).</summary>
    [Id(2)] public ImmutableArray<ForkPoint> Ancestors { get; set; } = [];

    /// <summary>For a branch: the root world of its family (null for a root world).</summary>
    [Id(3)] public string? Root { get; set; }

    /// <summary>For a branch: the ancestors' streams its shared prefix is read from, oldest first. Its own stream holds only what
    /// came after.</summary>
    [Id(4)] public ImmutableArray<TimelineSegment> Prefix { get; set; } = [];
}

/// <summary>Owns one world's timeline: judges proposals with the core's laws, appends each commit to the event store
/// as one record (one write per turn), and answers what each character perceives.
/// It activates from the latest snapshot plus the records after it, and reads the whole history only when asked about the past.
/// A branch's stream holds only its own commits: its history reads the ancestors' streams up to the fork point first.</summary>
public sealed partial class WorldGrain(
    [PersistentState("world", WorldPlayStorage.Grains)] IPersistentState<WorldRecord> record,
    IEventStore store,
    ILogger<WorldGrain> logger) : Grain, IWorldGrain
{
    private LawBook? _laws;
    private WorldState? _current;
    private long _streamVersion;
    private Timeline? _history;
    private readonly RecentEvents _recent = new();
    private TimelineLog? _log;

    private string Key => this.GetPrimaryKeyString();

    private TimelineLog Log => _log ??= new TimelineLog(store, WorldPlayStorage.TimelineStream(Key));

    private WorldDefinition Definition =>
        record.State.Definition ?? throw new InvalidOperationException($"World '{Key}' does not exist; create it first.");

    private WorldState Current => _current ?? throw new InvalidOperationException($"World '{Key}' does not exist; create it first.");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (record.State.Definition is not { } definition)
        {
            return;
        }
        _laws = LawBook.For(definition.Setting);
        _current = WorldState.Initial(definition);
        if (await Log.LoadSnapshotAsync(cancellationToken) is { } snapshot)
        {
            (_current, _streamVersion) = (snapshot.State, snapshot.StreamVersion);
        }
        else if (!Prefix.IsEmpty)
        {
            // A branch without a snapshot: its starting state is the fold of its shared prefix.
            await HistoryAsync();
        }
        _recent.Restart(Current.Version);
        await CatchUpAsync(cancellationToken);
        LogLoaded(Key, Current.Version, _recent.After);
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
        (_laws, _current, _streamVersion) = (laws, WorldState.Initial(seed.Definition), 0);
        _recent.Restart(0);
        await GrainFactory.GetGrain<IWorldCatalogGrain>(IWorldCatalogGrain.Key).Register(Key);
        return SummaryOf(_current);
    }

    /// <remarks>All or nothing: the world exists once its record is written, and that is the last write. A failure before it
    /// leaves no world, only records in a stream that no world reads; their batch ids name the imported events, so importing the
    /// same timeline again finds them stored and goes on, while another timeline under this key is refused, never mixed in.</remarks>
    async Task<WorldSummary> IWorldGrain.Import(TimelineImport timeline)
    {
        if (record.State.Definition is not null)
        {
            throw new InvalidOperationException($"World '{Key}' already exists; import under another key.");
        }
        // Checks the numbering and folds the state (so every law holds) before anything is stored.
        var history = Timeline.Start(WorldState.Initial(timeline.Seed.Definition), timeline.Seed.SnapshotEvery).Append(timeline.Events);
        var laws = LawBook.For(timeline.Seed.Definition.Setting);
        var version = await Log.ImportAsync(timeline.Events);
        await Log.SaveSnapshotAsync(history.Current, version);
        record.State = new WorldRecord { Definition = timeline.Seed.Definition, SnapshotEvery = timeline.Seed.SnapshotEvery };
        try
        {
            await record.WriteStateAsync();
        }
        catch
        {
            record.State = new WorldRecord();
            throw;
        }
        (_laws, _history, _current, _streamVersion) = (laws, history, history.Current, version);
        _recent.Restart(history.Version);
        await GrainFactory.GetGrain<IWorldCatalogGrain>(IWorldCatalogGrain.Key).Register(Key);
        return SummaryOf(history.Current);
    }

    async Task<WorldLineage> IWorldGrain.Fork(ForkRequest request)
    {
        var history = await HistoryAsync();
        if (request.AtTurn < 0 || request.AtTurn > Current.Turn)
        {
            throw new ArgumentOutOfRangeException(
                nameof(request), request.AtTurn, $"World '{Key}' has turns 0 to {Current.Turn}; fork at one of them.");
        }
        if (request.NewKey == Key || string.IsNullOrWhiteSpace(request.NewKey) || request.NewKey.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"'{request.NewKey}' cannot name a branch of world '{Key}'; use a new key without '/'.", nameof(request));
        }
        var seq = history.LastEventOfTurn(request.AtTurn);
        var point = new ForkPoint(Key, seq, request.AtTurn);
        var prefix = Lineage.BranchPrefix(Stretches, Log.Stream, Ancestors.IsEmpty ? 0 : Ancestors[0].Seq, seq);
        var lineage = new WorldLineage(request.NewKey, RootKey, Ancestors.Insert(0, point));
        var branch = await GrainFactory.GetGrain<IWorldGrain>(request.NewKey)
            .StartBranch(new BranchOrigin(
                Definition, record.State.SnapshotEvery, lineage, [.. prefix.Select(s => new TimelineSegment(s.Stream, s.LastSeq))]));
        await GrainFactory.GetGrain<IWorldFamilyGrain>(RootKey).RecordBranch(new BranchEntry(request.NewKey, point, request.Kind));
        return branch;
    }

    async Task<WorldLineage> IWorldGrain.StartBranch(BranchOrigin origin)
    {
        if (record.State.Definition is not null)
        {
            throw new InvalidOperationException($"World '{Key}' already exists; fork under another key.");
        }
        record.State = new WorldRecord
        {
            Definition = origin.Definition,
            SnapshotEvery = origin.SnapshotEvery,
            Ancestors = origin.Lineage.Ancestors,
            Root = origin.Lineage.Root,
            Prefix = origin.Prefix,
        };
        (_laws, _history, _streamVersion) = (LawBook.For(origin.Definition.Setting), null, 0);
        var history = await HistoryAsync();
        _current = history.Current;
        _recent.Restart(history.Version);
        // A snapshot at the branch's start makes its activation snapshot + tail, like any world; it holds no events.
        await Log.SaveSnapshotAsync(history.Current, 0);
        await record.WriteStateAsync();
        return LineageOf();
    }

    Task<WorldLineage> IWorldGrain.Lineage() => Task.FromResult(LineageOf());

    async Task<StateView> IWorldGrain.StateAt(long seq)
    {
        var history = await HistoryAsync();
        if (seq < 0 || seq > history.Version)
        {
            throw new ArgumentOutOfRangeException(nameof(seq), seq, $"World '{Key}' has events 0 to {history.Version}.");
        }
        var state = history.StateAt(seq);
        return new StateView(state, CoreSerialization.Hash(state));
    }

    Task<WorldSummary> IWorldGrain.Summary() => Task.FromResult(SummaryOf(Current));

    Task<DefinitionView> IWorldGrain.Definition() => Task.FromResult(new DefinitionView(Definition));

    async Task<Perception> IWorldGrain.Perceive(EntityId who, long afterSeq)
    {
        var witnessed = (await EventsAfterAsync(afterSeq)).Where(e => e.WitnessedBy(who)).ToImmutableArray();
        _recent.TakenIn(who, Current.Version);
        var heard = witnessed.Select(e => e.Change).OfType<Spoke>().Select(s => s.Text).ToList();
        return new Perception(WorldSlice.Of(Current, who, heard), witnessed, Current.Version);
    }

    /// <summary>The events after <paramref name="afterSeq"/>: from memory when it holds them; otherwise (a character that joined late,
    /// or reactivated with an older memory) read from the store once, without keeping the whole history in this activation.</summary>
    private async Task<IEnumerable<WorldEvent>> EventsAfterAsync(long afterSeq)
    {
        if (_history is not null)
        {
            return _history.Events.Skip((int)Math.Max(0, afterSeq));
        }
        if (_recent.Since(afterSeq) is { } recent)
        {
            return recent;
        }
        if (!Prefix.IsEmpty)
        {
            return (await HistoryAsync()).Events.Skip((int)Math.Max(0, afterSeq));
        }
        var (events, _) = await Log.OwnEventsAsync();
        return events.Where(e => e.Seq > afterSeq && e.Seq <= Current.Version);
    }

    async Task<CommitReceipt> IWorldGrain.Commit(CommitRequest request)
    {
        using var span = WorldPlayTelemetry.StartCommit(Key, request.Turn);
        var retried = false;
        var before = Current;
        var stored = _streamVersion;
        var outcome = Commitment.Commit(before, _laws!, request.Turn, request.Offstage ? null : request.ScenePlace, request.Proposals);
        var batch = new CommittedBatch(request.BatchId, request.Turn, outcome.Accepted, outcome.Rejected) 
        {
            Draft = request.Draft,
            PresentAtScene = request.Draft is not null && request.ScenePlace is { } at
                ? [.. outcome.State.CharactersAt(at).Select(c => c.Id)]
                : [],
        };
        // A scene's turn is stored even when nothing of it was accepted: the record is the turn's only write.
        if (outcome.Accepted.Length > 0 || request.Draft is not null)
        {
            AppendResult appended;
            try
            {
                appended = await Log.AppendAsync(_streamVersion, batch);
            }
            catch (StreamVersionConflictException e)
            {
                // Another activation of this world wrote after what this one has seen: catch up, and let the caller judge again.
                await CatchUpAsync(CancellationToken.None);
                throw new TurnInterruptedException(
                    $"World '{Key}' moved on while this commit was judged ({e.Message}); nothing was committed.");
            }
            catch (Exception e) when (e is not TurnInterruptedException)
            {
                throw new TurnInterruptedException(
                    $"World '{Key}' could not store commit '{request.BatchId}' ({e.GetType().Name}: {e.Message}); "
                    + "nothing changed here, and a retry is safe.",
                    e);
            }
            if (appended.AlreadyStored)
            {
                // A retry of a commit that was stored before (its reply was lost, or this world was reactivated): answer as the first time.
                retried = true;
                await CatchUpAsync(CancellationToken.None);
                batch = await Log.ReadBatchAsync(appended.FirstVersion);
            }
            else
            {
                Apply(batch, appended.LastVersion);
                await SnapshotIfDueAsync(before.Version);
            }
            stored = appended.LastVersion;
        }
        WorldPlayTelemetry.Committed(span, batch.Accepted, batch.Rejected, retried);
        var present = request.ScenePlace is { } place ? Current.CharactersAt(place).Select(c => c.Id).ToImmutableArray() : [];
        return new CommitReceipt(batch.Accepted, batch.Rejected, Current.Version, present, batch.Draft, stored);
    }

    async Task<ImmutableArray<CommittedTurn>> IWorldGrain.CommittedTurns(string batchPrefix, int afterTurn, long afterStreamVersion)
    {
        var turns = ImmutableArray.CreateBuilder<CommittedTurn>();
        await foreach (var (batch, version) in Log.ReadAsync(afterStreamVersion))
        {
            // "scene/12" is the scene's; "scene/x/12" belongs to another scene whose key starts with this one's.
            if (batch.Draft is { } draft && batch.Turn > afterTurn && batch.BatchId.StartsWith(batchPrefix, StringComparison.Ordinal)
                && batch.BatchId.AsSpan(batchPrefix.Length).IndexOfAnyExceptInRange('0', '9') < 0)
            {
                var present = batch.PresentAtScene.IsDefault ? [] : batch.PresentAtScene;
                turns.Add(new CommittedTurn(batch.Turn, draft, batch.Accepted, batch.Rejected, version, present));
            }
        }
        return turns.ToImmutable();
    }

    async Task<StateView> IWorldGrain.StateAfterTurn(int turn)
    {
        var state = turn < 0 ? Current : (await HistoryAsync()).StateAfterTurn(turn);
        return new StateView(state, CoreSerialization.Hash(state));
    }

    async Task<EventPage> IWorldGrain.Events(long afterSeq, int max)
    {
        var events = (await HistoryAsync()).Events;
        var from = (int)Math.Clamp(afterSeq, 0, events.Count);
        var count = Math.Clamp(max, 0, events.Count - from);
        return new EventPage([.. events.GetRange(from, count)], Current.Version);
    }

    async Task<WorldAudit> IWorldGrain.Audit()
    {
        var timeline = await HistoryAsync();
        var audit = LawAudit.Of(timeline, _laws!);
        return new WorldAudit(
            audit.Violations,
            timeline.Version,
            CoreSerialization.Hash(timeline.Events),
            CoreSerialization.Hash(timeline.Current),
            audit.RelationshipsChanged);
    }

    async Task<TimelineDiff> IWorldGrain.Diff(int fromTurn, int toTurn)
    {
        var history = await HistoryAsync();
        if (fromTurn < 0 || toTurn < fromTurn || toTurn > history.Current.Turn)
        {
            throw new ArgumentOutOfRangeException(
                nameof(toTurn),
                $"Diff from turn {fromTurn} to turn {toTurn} of world '{Key}', which has turns 0 to {history.Current.Turn}: "
                + "give 0 <= from <= to <= the last turn.");
        }
        var (from, to) = (history.LastEventOfTurn(fromTurn), history.LastEventOfTurn(toTurn));
        return TimelineDiff.Between(history.StateAt(from), history.StateAt(to), history.Events.Skip((int)from).Take((int)(to - from)));
    }

    async Task<TimelineDiff> IWorldGrain.DiffBranch(string otherKey)
    {
        var history = await HistoryAsync();
        var other = GrainFactory.GetGrain<IWorldGrain>(otherKey);
        var otherLineage = await other.Lineage();
        var parted = Lineage.PartingSeq(MemberOf(LineageOf(), Current.Version), MemberOf(otherLineage, (await other.Summary()).Version))
            ?? throw new ArgumentException(
                $"World '{otherKey}' is not of the family of '{Key}' (root '{RootKey}'); diff branches of one family.");
        var theirs = await other.EventsAfterAsync(parted);
        return TimelineDiff.Branches(Current, history.Events.Skip((int)parted), (await other.StateAfterTurn(-1)).State, theirs);
    }

    async Task<CausalAnswer> IWorldGrain.Why(WhyRequest request)
    {
        var history = await HistoryAsync();
        if (request.AtEvent is { } at && (at < 0 || at > history.Version))
        {
            throw new ArgumentOutOfRangeException(nameof(request), at, $"World '{Key}' has events 0 to {history.Version}.");
        }
        return CausalChain.Why(history, request.ToQuery(), request.AtEvent);
    }

    private void Apply(CommittedBatch batch, long streamVersion)
    {
        _current = Current.ApplyAll(batch.Accepted);
        _streamVersion = streamVersion;
        if (_history is not null)
        {
            _history = _history.Append(batch.Accepted);
        }
        else
        {
            _recent.Add(batch.Accepted);
        }
    }

    /// <summary>Folds in every record stored after the ones this activation has seen.</summary>
    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await foreach (var (batch, version) in Log.ReadAsync(_streamVersion, cancellationToken))
        {
            Apply(batch, version);
        }
    }

    /// <summary>The whole timeline, read from the store the first time the past is asked about.</summary>
    private async Task<Timeline> HistoryAsync()
    {
        if (_history is null)
        {
            var (events, version) = await Log.HistoryAsync(Stretches);
            _history = Timeline.Start(WorldState.Initial(Definition), record.State.SnapshotEvery).Append(events);
            (_current, _streamVersion) = (_history.Current, version);
            _recent.Restart(_history.Version);
        }
        return _history;
    }

    private async Task SnapshotIfDueAsync(long versionBefore)
    {
        var every = record.State.SnapshotEvery;
        if (Current.Version / every > versionBefore / every)
        {
            await Log.SaveSnapshotAsync(Current, _streamVersion);
        }
    }

    private ImmutableArray<ForkPoint> Ancestors => record.State.Ancestors.IsDefault ? [] : record.State.Ancestors;

    private ImmutableArray<TimelineSegment> Prefix => record.State.Prefix.IsDefault ? [] : record.State.Prefix;

    private IEnumerable<StreamStretch> Stretches => Prefix.Select(s => new StreamStretch(s.Stream, s.LastSeq));

    private string RootKey => record.State.Root ?? Key;

    private WorldLineage LineageOf() => new(Key, RootKey, Ancestors);

    private static FamilyMember MemberOf(WorldLineage lineage, long version) =>
        new(lineage.Key, lineage.Root, version, [.. lineage.Ancestors.Select(a => (a.Parent, a.Seq))]);

    private WorldSummary SummaryOf(WorldState state) => new(
        Key, state.Setting.Name, state.Version, state.Turn, state.StoryMinute,
        state.Entities.Count, state.Relationships.Count, state.Facts.Count);

    [LoggerMessage(Level = LogLevel.Information, Message = "World {World} activated at event {Version} (snapshot at event {Snapshot})")]
    private partial void LogLoaded(string world, long version, long snapshot);
}
