using System.Collections.Immutable;
using MessagePack;
using Microsoft.Extensions.Logging;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.History;
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

    /// <summary>For a branch: the ancestors' streams its shared prefix is read from, oldest first. Its own stream holds only what came after.</summary>
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
    private readonly List<WorldEvent> _recent = [];
    private long _recentAfter;

    /// <summary>The version each character that perceives here has taken in: events every one of them has taken in leave <see cref="_recent"/>.</summary>
    private readonly Dictionary<EntityId, long> _perceivedBy = [];

    /// <summary>The most events kept for <c>Perceive</c> when someone lags: past this the oldest go anyway, and a character that
    /// asks for them is answered from the history in the store.</summary>
    public const int RecentCap = 4_096;

    /// <summary>Events leave <see cref="_recent"/> this many at a time, so trimming costs nothing per turn.</summary>
    private const int TrimChunk = 64;

    private string Key => this.GetPrimaryKeyString();

    private string Stream => WorldPlayStorage.TimelineStream(Key);

    private WorldDefinition Definition => record.State.Definition ?? throw new InvalidOperationException($"World '{Key}' does not exist; create it first.");

    private WorldState Current => _current ?? throw new InvalidOperationException($"World '{Key}' does not exist; create it first.");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (record.State.Definition is not { } definition)
        {
            return;
        }
        _laws = LawBook.For(definition.Setting);
        _current = WorldState.Initial(definition);
        if (await store.LoadSnapshotAsync(Stream, cancellationToken) is { } stored)
        {
            var snapshot = MessagePackSerializer.Deserialize<WorldSnapshot>(stored.Data, CoreSerialization.MessagePack, cancellationToken);
            (_current, _streamVersion) = (snapshot.State, snapshot.StreamVersion);
        }
        else if (!Prefix.IsEmpty)
        {
            // A branch without a snapshot: its starting state is the fold of its shared prefix.
            await HistoryAsync();
        }
        _recentAfter = Current.Version;
        await CatchUpAsync(cancellationToken);
        LogLoaded(Key, Current.Version, _recentAfter);
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
        (_laws, _current, _recentAfter, _streamVersion) = (laws, WorldState.Initial(seed.Definition), 0, 0);
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
        var content = CoreSerialization.Hash(timeline.Events.ToArray())[..16];
        var records = timeline.Events.GroupBy(e => e.Turn)
            .Select(turn => MessagePackSerializer.Serialize(new CommittedBatch($"import/{turn.Key}", turn.Key, [.. turn], []), CoreSerialization.MessagePack));
        var version = 0L;
        foreach (var chunk in Chunks(records))
        {
            version = (await store.AppendAsync(Stream, version, chunk, $"import/{content}/{version + 1}")).LastVersion;
        }
        await store.SaveSnapshotAsync(Stream, version, MessagePackSerializer.Serialize(new WorldSnapshot(history.Current, version), CoreSerialization.MessagePack));
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
        (_laws, _history, _current, _streamVersion, _recentAfter) = (laws, history, history.Current, version, history.Version);
        _recent.Clear();
        await GrainFactory.GetGrain<IWorldCatalogGrain>(IWorldCatalogGrain.Key).Register(Key);
        return SummaryOf(history.Current);
    }

    /// <summary>Records grouped into appends the store accepts.</summary>
    private static IEnumerable<List<byte[]>> Chunks(IEnumerable<byte[]> records)
    {
        var chunk = new List<byte[]>();
        var bytes = 0;
        foreach (var r in records)
        {
            if (chunk.Count > 0 && (chunk.Count == EventStoreLimits.MaxRecordsPerBatch || bytes + r.Length > EventStoreLimits.MaxBatchBytes))
            {
                yield return chunk;
                (chunk, bytes) = ([], 0);
            }
            chunk.Add(r);
            bytes += r.Length;
        }
        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    async Task<WorldLineage> IWorldGrain.Fork(ForkRequest request)
    {
        var history = await HistoryAsync();
        if (request.AtTurn < 0 || request.AtTurn > Current.Turn)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.AtTurn, $"World '{Key}' has turns 0 to {Current.Turn}; fork at one of them.");
        }
        if (request.NewKey == Key || string.IsNullOrWhiteSpace(request.NewKey) || request.NewKey.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{request.NewKey}' cannot name a branch of world '{Key}'; use a new key without '/'.", nameof(request));
        }
        var seq = history.LastEventOfTurn(request.AtTurn);
        var point = new ForkPoint(Key, seq, request.AtTurn);
        // The branch reads what this world inherited up to the fork point, then this world's own stream up to it.
        var ownFrom = Ancestors.IsEmpty ? 0 : Ancestors[0].Seq;
        var prefix = Prefix.Where(s => s.LastSeq > 0).Select(s => s with { LastSeq = Math.Min(s.LastSeq, seq) }).ToList();
        prefix = [.. prefix.Where((s, i) => i == 0 || prefix[i - 1].LastSeq < s.LastSeq)];
        if (seq > ownFrom)
        {
            prefix.Add(new TimelineSegment(Stream, seq));
        }
        var lineage = new WorldLineage(request.NewKey, RootKey, Ancestors.Insert(0, point));
        var branch = await GrainFactory.GetGrain<IWorldGrain>(request.NewKey)
            .StartBranch(new BranchOrigin(Definition, record.State.SnapshotEvery, lineage, [.. prefix]));
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
        _recent.Clear();
        var history = await HistoryAsync();
        (_recentAfter, _current) = (history.Version, history.Current);
        // A snapshot at the branch's start makes its activation snapshot + tail, like any world; it holds no events.
        await store.SaveSnapshotAsync(Stream, 0, MessagePackSerializer.Serialize(new WorldSnapshot(history.Current, 0), CoreSerialization.MessagePack));
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
        // Events are numbered without gaps, so the events after afterSeq start at a known index.
        var witnessed = (await EventsAfterAsync(afterSeq)).Where(e => e.WitnessedBy(who)).ToImmutableArray();
        _perceivedBy[who] = Current.Version;
        TrimRecent();
        return new Perception(WorldSlice.Of(Current, who), witnessed, Current.Version);
    }

    /// <summary>The events after <paramref name="afterSeq"/>: from memory when it holds them; otherwise (a character that joined late,
    /// or reactivated with an older memory) read from the store once, without keeping the whole history in this activation.</summary>
    private async Task<IEnumerable<WorldEvent>> EventsAfterAsync(long afterSeq)
    {
        if (_history is not null)
        {
            return _history.Events.Skip((int)Math.Max(0, afterSeq));
        }
        if (afterSeq >= _recentAfter)
        {
            return _recent.Skip((int)(afterSeq - _recentAfter));
        }
        if (!Prefix.IsEmpty)
        {
            return (await HistoryAsync()).Events.Skip((int)Math.Max(0, afterSeq));
        }
        var (events, _) = await OwnStreamAsync();
        return events.Where(e => e.Seq > afterSeq && e.Seq <= Current.Version);
    }

    /// <summary>Drops the events every perceiving character has taken in (and, past <see cref="RecentCap"/>, the oldest), so a live
    /// world holds about a round of turns rather than its whole session.</summary>
    private void TrimRecent()
    {
        if (_recent.Count < TrimChunk * 2)
        {
            return;
        }
        var takenInByAll = _perceivedBy.Values.Min();
        var drop = (int)Math.Clamp(Math.Max(takenInByAll - _recentAfter, _recent.Count - RecentCap), 0, _recent.Count);
        if (drop >= TrimChunk)
        {
            _recent.RemoveRange(0, drop);
            _recentAfter += drop;
        }
    }

    async Task<CommitReceipt> IWorldGrain.Commit(CommitRequest request)
    {
        using var span = WorldPlayTelemetry.StartCommit(Key, request.Turn);
        var retried = false;
        var before = Current;
        var outcome = Commitment.Commit(before, _laws!, request.Turn, request.Offstage ? null : request.ScenePlace, request.Proposals);
        var batch = new CommittedBatch(request.BatchId, request.Turn, outcome.Accepted, outcome.Rejected);
        if (outcome.Accepted.Length > 0)
        {
            AppendResult appended;
            try
            {
                appended = await store.AppendAsync(Stream, _streamVersion, [MessagePackSerializer.Serialize(batch, CoreSerialization.MessagePack)], request.BatchId);
            }
            catch (StreamVersionConflictException e)
            {
                // Another activation of this world wrote after what this one has seen: catch up, and let the caller judge again.
                await CatchUpAsync(CancellationToken.None);
                throw new TurnInterruptedException($"World '{Key}' moved on while this commit was judged ({e.Message}); nothing was committed.");
            }
            catch (Exception e) when (e is not TurnInterruptedException)
            {
                throw new TurnInterruptedException($"World '{Key}' could not store commit '{request.BatchId}' ({e.GetType().Name}: {e.Message}); nothing changed here, and a retry is safe.", e);
            }
            if (appended.AlreadyStored)
            {
                // A retry of a commit that was stored before (its reply was lost, or this world was reactivated): answer as the first time.
                retried = true;
                await CatchUpAsync(CancellationToken.None);
                batch = MessagePackSerializer.Deserialize<CommittedBatch>(await store.ReadRecordAsync(Stream, appended.FirstVersion), CoreSerialization.MessagePack);
            }
            else
            {
                Apply(batch, appended.LastVersion);
                await SnapshotIfDueAsync(before.Version);
            }
        }
        WorldPlayTelemetry.Committed(span, batch.Accepted, batch.Rejected, retried);
        var present = request.ScenePlace is { } place ? Current.CharactersAt(place).Select(c => c.Id).ToImmutableArray() : [];
        return new CommitReceipt(batch.Accepted, batch.Rejected, Current.Version, present);
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
            throw new ArgumentOutOfRangeException(nameof(toTurn), $"Diff from turn {fromTurn} to turn {toTurn} of world '{Key}', which has turns 0 to {history.Current.Turn}: "
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
        var parted = PartingSeq(LineageOf(), Current.Version, otherLineage, (await other.Summary()).Version)
            ?? throw new ArgumentException($"World '{otherKey}' is not of the family of '{Key}' (root '{RootKey}'); diff branches of one family.");
        var theirs = new List<WorldEvent>();
        for (var page = await other.Events(parted, 5000); !page.Events.IsEmpty; page = await other.Events(theirs[^1].Seq, 5000))
        {
            theirs.AddRange(page.Events);
        }
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

    /// <summary>The last event two worlds of one family share: where the one of them that is an ancestor of the other (or their nearest
    /// common ancestor) was left by each, the earlier of the two. Null when they are not of one family.</summary>
    private static long? PartingSeq(WorldLineage a, long aVersion, WorldLineage b, long bVersion)
    {
        if (a.Root != b.Root)
        {
            return null;
        }
        // Each world's position in an ancestor: the earliest fork point on its way up to that ancestor.
        static Dictionary<string, long> Positions(WorldLineage lineage, long version)
        {
            var positions = new Dictionary<string, long> { [lineage.Key] = version };
            var seq = version;
            foreach (var point in lineage.Ancestors)
            {
                seq = Math.Min(seq, point.Seq);
                positions.TryAdd(point.Parent, seq);
            }
            return positions;
        }
        var (inA, inB) = (Positions(a, aVersion), Positions(b, bVersion));
        var common = inA.Keys.Where(inB.ContainsKey).Select(k => Math.Min(inA[k], inB[k]));
        return common.Any() ? common.Max() : null;
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
            _recent.AddRange(batch.Accepted);
        }
    }

    /// <summary>Folds in every record stored after the ones this activation has seen.</summary>
    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await foreach (var stored in store.ReadAsync(Stream, _streamVersion, cancellationToken))
        {
            Apply(MessagePackSerializer.Deserialize<CommittedBatch>(stored.Data, CoreSerialization.MessagePack, cancellationToken), stored.Version);
        }
    }

    /// <summary>Every event of this world's own stream (a branch's shared prefix is in its ancestors' streams), and the stream's version.</summary>
    private async Task<(List<WorldEvent> Events, long Version)> OwnStreamAsync()
    {
        var events = new List<WorldEvent>();
        long version = 0;
        await foreach (var stored in store.ReadAsync(Stream, 0))
        {
            events.AddRange(MessagePackSerializer.Deserialize<CommittedBatch>(stored.Data, CoreSerialization.MessagePack).Accepted);
            version = stored.Version;
        }
        return (events, version);
    }

    /// <summary>The whole timeline, read from the store the first time the past is asked about.</summary>
    private async Task<Timeline> HistoryAsync()
    {
        if (_history is null)
        {
            var events = new List<WorldEvent>();
            foreach (var segment in Prefix)
            {
                await foreach (var stored in store.ReadAsync(segment.Stream, 0))
                {
                    var accepted = MessagePackSerializer.Deserialize<CommittedBatch>(stored.Data, CoreSerialization.MessagePack).Accepted;
                    var shared = events.Count;
                    events.AddRange(accepted.Where(e => e.Seq > shared && e.Seq <= segment.LastSeq));
                    if (accepted.Length > 0 && accepted[^1].Seq >= segment.LastSeq)
                    {
                        break;
                    }
                }
            }
            var (own, version) = await OwnStreamAsync();
            events.AddRange(own);
            _history = Timeline.Start(WorldState.Initial(Definition), record.State.SnapshotEvery).Append(events);
            (_current, _streamVersion) = (_history.Current, version);
            _recent.Clear();
        }
        return _history;
    }

    private async Task SnapshotIfDueAsync(long versionBefore)
    {
        var every = record.State.SnapshotEvery;
        if (Current.Version / every > versionBefore / every)
        {
            await store.SaveSnapshotAsync(Stream, _streamVersion, MessagePackSerializer.Serialize(new WorldSnapshot(Current, _streamVersion), CoreSerialization.MessagePack));
        }
    }

    private ImmutableArray<ForkPoint> Ancestors => record.State.Ancestors.IsDefault ? [] : record.State.Ancestors;

    private ImmutableArray<TimelineSegment> Prefix => record.State.Prefix.IsDefault ? [] : record.State.Prefix;

    private string RootKey => record.State.Root ?? Key;

    private WorldLineage LineageOf() => new(Key, RootKey, Ancestors);

    private WorldSummary SummaryOf(WorldState state) => new(
        Key, state.Setting.Name, state.Version, state.Turn, state.StoryMinute, state.Entities.Count, state.Relationships.Count, state.Facts.Count);

    [LoggerMessage(Level = LogLevel.Information, Message = "World {World} activated at event {Version} (snapshot at event {Snapshot})")]
    private partial void LogLoaded(string world, long version, long snapshot);
}
