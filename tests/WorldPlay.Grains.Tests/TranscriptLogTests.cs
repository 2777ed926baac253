using System.Collections.Immutable;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Scenes;
using WorldPlay.Storage;

namespace WorldPlay.Grains.Tests;

/// <summary>A scene's transcript in the event store, on the in-memory store.</summary>
public sealed class TranscriptLogTests
{
    private readonly MemoryEventStore _store = new();

    [Fact]
    public async Task Read_BranchSegments_ParentsTurnsUpToTheForkThenItsOwn()
    {
        await new TranscriptLog(_store, "scene/harbor/s").ImportAsync(Turns(1, 6));
        await new TranscriptLog(_store, "scene/a/s").ImportAsync(Turns(5, 3));
        ImmutableArray<TranscriptSegment> segments = [new("scene/harbor/s", 0, 4), new("scene/a/s", 4, int.MaxValue)];

        var turns = await new TranscriptLog(_store, "scene/a/s").ReadAsync(segments, 3, 10);

        Assert.Equal([3, 4, 5, 6, 7], turns.Select(t => t.Turn));
    }

    [Fact]
    public async Task Read_Max_StopsThere()
    {
        var log = new TranscriptLog(_store, "scene/harbor/s");
        await log.ImportAsync(Turns(1, 8));

        var turns = await log.ReadAsync([new(log.Stream, 0, int.MaxValue)], 2, 3);

        Assert.Equal([2, 3, 4], turns.Select(t => t.Turn));
    }

    [Fact]
    public async Task Import_MoreTurnsThanOneAppendTakes_EveryTurnStored()
    {
        var log = new TranscriptLog(_store, "scene/harbor/s");

        var version = await log.ImportAsync(Turns(1, EventStoreLimits.MaxRecordsPerBatch + 3));

        Assert.Equal(EventStoreLimits.MaxRecordsPerBatch + 3, version);
    }

    [Fact]
    public async Task Append_ACallsTurns_OneAppendAndARetryStoresNothingTwice()
    {
        var log = new TranscriptLog(_store, "scene/harbor/s");
        var turns = Turns(1, 5);

        var version = await log.AppendAsync(0, turns);
        var retried = await log.AppendAsync(0, turns);

        Assert.Equal(5, version);
        Assert.Equal(5, retried);
        Assert.Equal([1, 2, 3, 4, 5], (await log.ReadAsync([new(log.Stream, 0, int.MaxValue)], 1, 10)).Select(t => t.Turn));
    }

    private static TurnRecord[] Turns(int from, int count) =>
        [.. Enumerable.Range(from, count).Select(t => new TurnRecord(
            t, new EntityId("mira"), "Mira", TurnRole.Npc, $"line {t}", "", [], [], MindUsage.Free("procedural"), 0, 0))];
}
