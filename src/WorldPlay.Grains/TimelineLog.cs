using MessagePack;
using WorldPlay.Core;
using WorldPlay.Core.Serialization;
using WorldPlay.Storage;

namespace WorldPlay.Grains;

/// <summary>A world's timeline in the event store: one <see cref="CommittedBatch"/> record per commit in the world's own stream,
/// snapshots of its state, and, for a branch, the stretches of its ancestors' streams its shared prefix is read from.</summary>
public sealed class TimelineLog(IEventStore store, string stream)
{
    public string Stream => stream;

    public async Task<WorldSnapshot?> LoadSnapshotAsync(CancellationToken cancellationToken = default) =>
        await store.LoadSnapshotAsync(stream, cancellationToken) is { } stored
            ? MessagePackSerializer.Deserialize<WorldSnapshot>(stored.Data, CoreSerialization.MessagePack, cancellationToken)
            : null;

    public Task SaveSnapshotAsync(WorldState state, long streamVersion) =>
        store.SaveSnapshotAsync(
            stream, streamVersion, MessagePackSerializer.Serialize(new WorldSnapshot(state, streamVersion), CoreSerialization.MessagePack));

    /// <summary>Appends one commit after record <paramref name="expectedVersion"/>; see <see cref="IEventStore.AppendAsync"/>.</summary>
    public Task<AppendResult> AppendAsync(long expectedVersion, CommittedBatch batch) =>
        store.AppendAsync(stream, expectedVersion, [MessagePackSerializer.Serialize(batch, CoreSerialization.MessagePack)], batch.BatchId);

    public async Task<CommittedBatch> ReadBatchAsync(long version) =>
        MessagePackSerializer.Deserialize<CommittedBatch>(await store.ReadRecordAsync(stream, version), CoreSerialization.MessagePack);

    /// <summary>The commits after record <paramref name="afterVersion"/> of the world's own stream, each with its record's
    /// version.</summary>
    public async IAsyncEnumerable<(CommittedBatch Batch, long Version)> ReadAsync(
        long afterVersion, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var stored in store.ReadAsync(stream, afterVersion, cancellationToken))
        {
            var batch = MessagePackSerializer.Deserialize<CommittedBatch>(stored.Data, CoreSerialization.MessagePack, cancellationToken);
            yield return (batch, stored.Version);
        }
    }

    /// <summary>Every event of the world's own stream (a branch's shared prefix is in its ancestors' streams), and the stream's
    /// version.</summary>
    public async Task<(List<WorldEvent> Events, long Version)> OwnEventsAsync()
    {
        var events = new List<WorldEvent>();
        long version = 0;
        await foreach (var (batch, at) in ReadAsync(0))
        {
            events.AddRange(batch.Accepted);
            version = at;
        }
        return (events, version);
    }

    /// <summary>Every event of the timeline: the shared <paramref name="prefix"/> from the ancestors' streams, oldest first, then the
    /// world's own stream; and the own stream's version.</summary>
    public async Task<(List<WorldEvent> Events, long Version)> HistoryAsync(IEnumerable<StreamStretch> prefix)
    {
        var events = new List<WorldEvent>();
        foreach (var segment in prefix)
        {
            await foreach (var (batch, _) in new TimelineLog(store, segment.Stream).ReadAsync(0))
            {
                var shared = events.Count;
                events.AddRange(batch.Accepted.Where(e => e.Seq > shared && e.Seq <= segment.LastSeq));
                if (batch.Accepted.Length > 0 && batch.Accepted[^1].Seq >= segment.LastSeq)
                {
                    break;
                }
            }
        }
        var (own, version) = await OwnEventsAsync();
        events.AddRange(own);
        return (events, version);
    }

    /// <summary>Stores a recorded timeline in an empty stream, one record per turn, in as few appends as the store accepts, and
    /// returns the stream's version. Each append's batch id names the imported events, so importing the same timeline again
    /// after a failure finds what was stored and goes on, while another timeline is refused (a version conflict).</summary>
    public async Task<long> ImportAsync(IReadOnlyList<WorldEvent> events)
    {
        var content = CoreSerialization.Hash(events.ToArray())[..16];
        var records = events.GroupBy(e => e.Turn)
            .Select(turn => new CommittedBatch($"import/{turn.Key}", turn.Key, [.. turn], []))
            .Select(batch => MessagePackSerializer.Serialize(batch, CoreSerialization.MessagePack));
        var version = 0L;
        foreach (var chunk in Chunks(records))
        {
            version = (await store.AppendAsync(stream, version, chunk, $"import/{content}/{version + 1}")).LastVersion;
        }
        return version;
    }

    /// <summary>Records grouped into appends the store accepts.</summary>
    public static IEnumerable<List<byte[]>> Chunks(IEnumerable<byte[]> records)
    {
        var chunk = new List<byte[]>();
        var bytes = 0;
        foreach (var r in records)
        {
            var full = chunk.Count == EventStoreLimits.MaxRecordsPerBatch || bytes + r.Length > EventStoreLimits.MaxBatchBytes;
            if (chunk.Count > 0 && full)
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
}
