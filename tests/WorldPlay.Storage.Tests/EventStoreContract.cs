using System.Buffers.Binary;
using WorldPlay.Storage;

namespace WorldPlay.Storage.Tests;

/// <summary>What every <see cref="IEventStore"/> promises; each store runs these through a subclass.</summary>
public abstract class EventStoreContract
{
    protected abstract IEventStore Store { get; }

    [Fact]
    public async Task Append_ThenRead_ReturnsEveryRecordInOrderWithItsVersion()
    {
        var stream = NewStream();
        await Store.AppendAsync(stream, 0, [Bytes("a"), Bytes("b")], "b1");
        var second = await Store.AppendAsync(stream, 2, [Bytes("c")], "b2");

        var all = await ReadAll(stream);
        var tail = await ReadAll(stream, afterVersion: 1);

        Assert.Equal(new AppendResult(3, 3, AlreadyStored: false), second);
        Assert.Equal([(1L, "a"), (2L, "b"), (3L, "c")], all.Select(r => (r.Version, Text(r.Data))));
        Assert.Equal([(2L, "b"), (3L, "c")], tail.Select(r => (r.Version, Text(r.Data))));
    }

    [Fact]
    public async Task Append_ConcurrentWritersAtTheSameVersion_ExactlyOneWinsEachRound()
    {
        var stream = NewStream();
        const int writers = 6;
        const int rounds = 5;
        var winners = new List<string>();
        for (var round = 0; round < rounds; round++)
        {
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var attempts = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
            {
                await start.Task;
                var text = $"round {round} writer {w}";
                try
                {
                    await Store.AppendAsync(stream, round, [Bytes(text)], $"r{round}w{w}");
                    return (Won: text, Conflict: (StreamVersionConflictException?)null);
                }
                catch (StreamVersionConflictException e)
                {
                    return (Won: (string?)null, Conflict: e);
                }
            })).ToList();
            start.SetResult();
            var outcomes = await Task.WhenAll(attempts);

            var won = Assert.Single(outcomes, o => o.Won is not null);
            winners.Add(won.Won!);
            Assert.All(outcomes.Where(o => o.Won is null), o => Assert.Equal(round + 1, o.Conflict!.Actual));
        }

        Assert.Equal(winners, (await ReadAll(stream)).Select(r => Text(r.Data)));
    }

    [Fact]
    public async Task Append_SameBatchIdAgain_ReturnsWhereItIsAndStoresNothing()
    {
        var stream = NewStream();
        var first = await Store.AppendAsync(stream, 0, [Bytes("a"), Bytes("b")], "turn-1");

        var retry = await Store.AppendAsync(stream, 0, [Bytes("a"), Bytes("b")], "turn-1");

        Assert.Equal(new AppendResult(1, 2, AlreadyStored: false), first);
        Assert.Equal(new AppendResult(1, 2, AlreadyStored: true), retry);
        Assert.Equal(["a", "b"], (await ReadAll(stream)).Select(r => Text(r.Data)));
    }

    [Fact]
    public async Task Append_SameBatchIdAfterLaterBatches_ReturnsItsOriginalVersions()
    {
        var stream = NewStream();
        await Store.AppendAsync(stream, 0, [Bytes("a"), Bytes("b")], "turn-1");
        await Store.AppendAsync(stream, 2, [Bytes("c")], "turn-2");
        await Store.AppendAsync(stream, 3, [Bytes("d"), Bytes("e"), Bytes("f")], "turn-3");

        var staleRetry = await Store.AppendAsync(stream, 0, [Bytes("a"), Bytes("b")], "turn-1");
        var reloadedRetry = await Store.AppendAsync(stream, 6, [Bytes("c")], "turn-2");

        Assert.Equal(
            [new AppendResult(1, 2, AlreadyStored: true), new AppendResult(3, 3, AlreadyStored: true)],
            [staleRetry, reloadedRetry]);
        Assert.Equal(["a", "b", "c", "d", "e", "f"], (await ReadAll(stream)).Select(r => Text(r.Data)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    public async Task Append_ExpectedVersionNotTheStreams_ConflictsWithTheActualVersionAndStoresNothing(long expected)
    {
        var stream = NewStream();
        await Store.AppendAsync(stream, 0, [Bytes("a"), Bytes("b")], "turn-1");

        var conflict = await Assert.ThrowsAsync<StreamVersionConflictException>(() =>
            Store.AppendAsync(stream, expected, [Bytes("x")], "turn-2"));

        Assert.Equal((stream, expected, 2L), (conflict.Stream, conflict.Expected, conflict.Actual));
        Assert.Equal(["a", "b"], (await ReadAll(stream)).Select(r => Text(r.Data)));
    }

    [Fact]
    public async Task Timeline_20000EventsOfRealisticSizeInTurnSizedBatches_ReadsBackComplete()
    {
        var stream = NewStream();
        var random = new Random(20_000);
        var written = new List<byte[]>(20_000);
        for (var turn = 1; written.Count < 20_000; turn++)
        {
            var batch = Enumerable.Range(0, Math.Min(random.Next(1, 4), 20_000 - written.Count))
                .Select(_ => RandomRecord(random, random.Next(300, 601)))
                .ToList();
            var result = await Store.AppendAsync(stream, written.Count, batch, $"{stream}/{turn}");
            Assert.Equal(written.Count + batch.Count, result.LastVersion);
            written.AddRange(batch);
        }

        var read = await ReadAll(stream);

        Assert.Equal(Enumerable.Range(1, 20_000).Select(v => (long)v), read.Select(r => r.Version));
        Assert.True(written.SequenceEqual(read.Select(r => r.Data), ByteArrays.Instance),
            "a record read back differs from the one written");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(64_000)]
    [InlineData(64 * 1024 + 1)]
    [InlineData(300_000)]
    [InlineData(EventStoreLimits.MaxRecordBytes)]
    public async Task Record_OfAnyAllowedSize_RoundTrips(int size)
    {
        var stream = NewStream();
        var record = RandomRecord(new Random(size), size);

        await Store.AppendAsync(stream, 0, [Bytes("before"), record, Bytes("after")], "turn-1");

        var read = await ReadAll(stream);
        Assert.Equal(record, read[1].Data);
    }

    [Fact]
    public async Task Batch_AtEveryLimitAtOnce_IsStored()
    {
        // The longest name, of characters that all need escaping: the keys in the request are as long as they get.
        var stream = NewStream().PadRight(EventStoreLimits.MaxStreamNameBytes, '/');
        var random = new Random(97);
        var records = Enumerable.Range(0, EventStoreLimits.MaxRecordsPerBatch)
            .Select(i => RandomRecord(
                random,
                EventStoreLimits.MaxBatchBytes / EventStoreLimits.MaxRecordsPerBatch
                    + (i == 0 ? EventStoreLimits.MaxBatchBytes % EventStoreLimits.MaxRecordsPerBatch : 0)))
            .ToList();

        var result = await Store.AppendAsync(stream, 0, records, "big");

        Assert.Equal(new AppendResult(1, EventStoreLimits.MaxRecordsPerBatch, AlreadyStored: false), result);
        Assert.True(records.SequenceEqual((await ReadAll(stream)).Select(r => r.Data), ByteArrays.Instance),
            "a record read back differs from the one written");
    }

    public static TheoryData<string, int, int, string> OversizedBatches => new()
    {
        { "too many records", EventStoreLimits.MaxRecordsPerBatch + 1, 10, $"at most {EventStoreLimits.MaxRecordsPerBatch}" },
        { "one record too large", 1, EventStoreLimits.MaxRecordBytes + 1, "a record is at most 983,040 bytes" },
        { "too many bytes", 3, EventStoreLimits.MaxRecordBytes, "one append stores at most 2,883,584 bytes" },
    };

    [Theory]
    [MemberData(nameof(OversizedBatches))]
    public async Task Append_OversizedBatch_FailsSayingTheLimitAndStoresNothing(string why, int count, int size, string limit)
    {
        var stream = NewStream();
        await Store.AppendAsync(stream, 0, [Bytes("a")], "turn-1");
        var records = Enumerable.Range(0, count).Select(_ => new byte[size]).ToList();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync(stream, 1, records, "turn-2"));

        Assert.True(error.Message.Contains(limit, StringComparison.Ordinal), $"{why}: '{error.Message}' does not say '{limit}'");
        Assert.Equal(["a"], (await ReadAll(stream)).Select(r => Text(r.Data)));
        Assert.Equal(new AppendResult(2, 2, AlreadyStored: false), await Store.AppendAsync(stream, 1, [Bytes("b")], "turn-2"));
    }

    [Fact]
    public async Task Append_StreamNameOverTheLimit_FailsSayingTheLimit()
    {
        var stream = NewStream().PadRight(EventStoreLimits.MaxStreamNameBytes + 1, 'x');

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync(stream, 0, [Bytes("a")], "turn-1"));

        Assert.Contains($"a stream name is at most {EventStoreLimits.MaxStreamNameBytes}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Append_NoRecords_FailsAndStoresNothing()
    {
        var stream = NewStream();

        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync(stream, 0, [], "turn-1"));

        Assert.Equal(new AppendResult(1, 1, AlreadyStored: false), await Store.AppendAsync(stream, 0, [Bytes("a")], "turn-1"));
    }

    [Fact]
    public async Task Snapshot_FoldPlusTail_EqualsFoldOfEveryRecord()
    {
        var stream = NewStream();
        var random = new Random(7);
        var version = 0L;
        while (version < 50)
        {
            var batch = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Number(random.Next(-1000, 1000))).ToList();
            version = (await Store.AppendAsync(stream, version, batch, $"turn-{version}")).LastVersion;
            if (version is >= 30 and <= 32)
            {
                var upToHere = await ReadAll(stream);
                await Store.SaveSnapshotAsync(stream, version, Number(Sum(upToHere)));
            }
        }

        var snapshot = await Store.LoadSnapshotAsync(stream);
        var tail = await ReadAll(stream, snapshot!.Version);
        var full = await ReadAll(stream);

        Assert.Equal(Sum(full), BinaryPrimitives.ReadInt64LittleEndian(snapshot.Data) + Sum(tail));
    }

    [Fact]
    public async Task Snapshot_OlderSavedAfterNewer_DoesNotReplaceIt()
    {
        var stream = NewStream();
        await Store.SaveSnapshotAsync(stream, 10, Bytes("ten"));
        await Store.SaveSnapshotAsync(stream, 5, Bytes("five"));

        var snapshot = await Store.LoadSnapshotAsync(stream);

        Assert.Equal((10L, "ten"), (snapshot!.Version, Text(snapshot.Data)));
    }

    [Fact]
    public async Task Snapshot_ConcurrentSavesOfManyVersions_KeepsTheNewest()
    {
        var stream = NewStream();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var saves = Enumerable.Range(1, 12).Reverse().Select(v => Task.Run(async () =>
        {
            await start.Task;
            await Store.SaveSnapshotAsync(stream, v, Bytes($"v{v}"));
        })).ToList();
        start.SetResult();
        await Task.WhenAll(saves);

        var snapshot = await Store.LoadSnapshotAsync(stream);

        Assert.Equal((12L, "v12"), (snapshot!.Version, Text(snapshot.Data)));
    }

    [Fact]
    public async Task Streams_NamedWithSlashesEscapesAndUnicode_AreIsolated()
    {
        var id = Guid.NewGuid().ToString("N");
        string[] streams =
        [
            $"world/{id}", $"world~2F{id}", $"world_{id}", $"world-{id}", $"world.{id}", $"world/{id}/", $"world//{id}",
            $"world\\{id}", $"world#{id}?x=1", $"wörld/{id}", $"世界/{id}", $"world/{id}🙂", $"scene/{id}", $"scene {id}",
        ];
        for (var i = 0; i < streams.Length; i++)
        {
            await Store.AppendAsync(streams[i], 0, [Bytes(streams[i])], "turn-1");
            await Store.SaveSnapshotAsync(streams[i], 1, Bytes(streams[i]));
        }

        foreach (var stream in streams)
        {
            Assert.Equal([stream], (await ReadAll(stream)).Select(r => Text(r.Data)));
            Assert.Equal(stream, Text((await Store.LoadSnapshotAsync(stream))!.Data));
        }
    }

    [Fact]
    public async Task Read_UnknownStream_YieldsNothing()
    {
        Assert.Empty(await ReadAll(NewStream()));
    }

    [Fact]
    public async Task LoadSnapshot_StreamWithoutOne_ReturnsNull()
    {
        var stream = NewStream();
        await Store.AppendAsync(stream, 0, [Bytes("a")], "turn-1");

        Assert.Null(await Store.LoadSnapshotAsync(stream));
    }

    protected static string NewStream() => $"world/{Guid.NewGuid():N}";

    protected async Task<List<StoredRecord>> ReadAll(string stream, long afterVersion = 0)
    {
        var records = new List<StoredRecord>();
        await foreach (var record in Store.ReadAsync(stream, afterVersion))
        {
            records.Add(record);
        }
        return records;
    }

    protected static byte[] Bytes(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    protected static string Text(byte[] data) => System.Text.Encoding.UTF8.GetString(data);

    private static byte[] RandomRecord(Random random, int size)
    {
        var record = new byte[size];
        random.NextBytes(record);
        return record;
    }

    private static byte[] Number(long value)
    {
        var data = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(data, value);
        return data;
    }

    private static long Sum(IEnumerable<StoredRecord> records) => records.Sum(r => BinaryPrimitives.ReadInt64LittleEndian(r.Data));

    private sealed class ByteArrays : IEqualityComparer<byte[]>
    {
        public static readonly ByteArrays Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => obj.Length;
    }
}
