using WorldPlay.Core;
using WorldPlay.Core.Serialization;
using WorldPlay.Storage;

namespace WorldPlay.Grains.Tests;

/// <summary>A world's timeline in the event store, on the in-memory store.</summary>
public sealed class TimelineLogTests
{
    private static readonly EntityId Mira = new("mira");

    private readonly MemoryEventStore _store = new();

    [Fact]
    public async Task History_BranchPrefix_AncestorsEventsUpToTheirStretchesThenItsOwn()
    {
        await CommitTurnsAsync("world/harbor", fromSeq: 1, turns: 6);
        await CommitTurnsAsync("world/a", fromSeq: 5, turns: 3);
        await CommitTurnsAsync("world/b", fromSeq: 7, turns: 2);

        var (events, version) = await new TimelineLog(_store, "world/b").HistoryAsync([new("world/harbor", 4), new("world/a", 6)]);

        Assert.Equal([1L, 2, 3, 4, 5, 6, 7, 8, 9, 10], events.Select(e => e.Seq));
        Assert.Equal(2, version);
    }

    [Fact]
    public async Task Import_MoreTurnsThanOneAppendTakes_OneRecordPerTurnInOrder()
    {
        var events = Events(fromSeq: 1, count: 2 * EventStoreLimits.MaxRecordsPerBatch + 5, eventsPerTurn: 1);
        var log = new TimelineLog(_store, "world/imported");

        var version = await log.ImportAsync(events);

        Assert.Equal(CoreSerialization.Hash(events), CoreSerialization.Hash((await log.OwnEventsAsync()).Events.ToArray()));
        Assert.Equal(events.Length, version);
    }

    [Fact]
    public async Task Import_SameTimelineAgain_StoresNothingTwice()
    {
        var events = Events(fromSeq: 1, count: 12, eventsPerTurn: 3);
        var log = new TimelineLog(_store, "world/imported");
        await log.ImportAsync(events);

        await log.ImportAsync(events);

        Assert.Equal(CoreSerialization.Hash(events), CoreSerialization.Hash((await log.OwnEventsAsync()).Events.ToArray()));
    }

    [Fact]
    public async Task Import_AnotherTimelineUnderTheSameStream_Refused()
    {
        var log = new TimelineLog(_store, "world/imported");
        await log.ImportAsync(Events(fromSeq: 1, count: 4, eventsPerTurn: 1));

        await Assert.ThrowsAsync<StreamVersionConflictException>(() => log.ImportAsync(Events(fromSeq: 1, count: 5, eventsPerTurn: 1)));
    }

    [Fact]
    public void Chunks_RecordsPastTheBatchSize_SplitWhereTheStoreRequires()
    {
        var records = Enumerable.Range(0, 10).Select(_ => new byte[EventStoreLimits.MaxBatchBytes / 4 + 1]).ToList();

        var chunks = TimelineLog.Chunks(records).ToList();

        Assert.Equal([3, 3, 3, 1], chunks.Select(c => c.Count));
    }

    [Fact]
    public async Task AppendAsync_RetriedBatch_ReadBackAsFirstStored()
    {
        var log = new TimelineLog(_store, "world/harbor");
        var batch = new CommittedBatch("scene/1", 1, [.. Events(fromSeq: 1, count: 2, eventsPerTurn: 2)], []);
        await log.AppendAsync(0, batch);

        var retried = await log.AppendAsync(1, batch with { Accepted = [] });

        var stored = await log.ReadBatchAsync(retried.FirstVersion);
        Assert.Equal(CoreSerialization.Hash(batch.Accepted), CoreSerialization.Hash(stored.Accepted));
    }

    private async Task CommitTurnsAsync(string stream, long fromSeq, int turns)
    {
        var log = new TimelineLog(_store, stream);
        var events = Events(fromSeq, count: 2 * turns, eventsPerTurn: 2);
        for (var t = 0; t < turns; t++)
        {
            await log.AppendAsync(t, new CommittedBatch($"{stream}/{t}", events[2 * t].Turn, [events[2 * t], events[2 * t + 1]], []));
        }
    }

    private static WorldEvent[] Events(long fromSeq, int count, int eventsPerTurn) =>
        [.. Enumerable.Range(0, count).Select(i => new WorldEvent(
            fromSeq + i, (int)((fromSeq + i - 1) / eventsPerTurn) + 1, 0, Mira, null, new Spoke($"line {fromSeq + i}", []), [], [Mira]))];
}
