using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace WorldPlay.Storage;

/// <summary>The embedded default: streams in this process's memory. Lost when the process ends.</summary>
public sealed class MemoryEventStore : IEventStore
{
    private readonly ConcurrentDictionary<string, MemoryStream> _streams = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StoredSnapshot> _snapshots = new(StringComparer.Ordinal);

    public Task<AppendResult> AppendAsync(string stream, long expectedVersion, IReadOnlyList<byte[]> records, string batchId,
        CancellationToken cancellationToken = default)
    {
        EventStoreLimits.CheckBatch(stream, records, batchId);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        var s = _streams.GetOrAdd(stream, _ => new MemoryStream());
        lock (s)
        {
            if (s.Batches.TryGetValue(batchId, out var stored))
            {
                return Task.FromResult(stored with { AlreadyStored = true });
            }
            if (s.Records.Count != expectedVersion)
            {
                throw new StreamVersionConflictException(stream, expectedVersion, s.Records.Count);
            }
            s.Records.AddRange(records.Select(r => r.ToArray()));
            var result = new AppendResult(expectedVersion + 1, s.Records.Count, AlreadyStored: false);
            s.Batches[batchId] = result;
            return Task.FromResult(result);
        }
    }

    public Task CheckAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public async IAsyncEnumerable<StoredRecord> ReadAsync(string stream, long afterVersion,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        EventStoreLimits.CheckStream(stream);
        if (!_streams.TryGetValue(stream, out var s))
        {
            yield break;
        }
        StoredRecord[] copy;
        lock (s)
        {
            copy = [.. s.Records.Skip((int)Math.Max(0, afterVersion)).Select((r, i) => new StoredRecord(afterVersion + i + 1, r))];
        }
        foreach (var record in copy)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return record;
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task SaveSnapshotAsync(string stream, long version, byte[] data, CancellationToken cancellationToken = default)
    {
        EventStoreLimits.CheckStream(stream);
        _snapshots.AddOrUpdate(stream, new StoredSnapshot(version, data),
            (_, old) => old.Version > version ? old : new StoredSnapshot(version, data));
        return Task.CompletedTask;
    }

    public Task<StoredSnapshot?> LoadSnapshotAsync(string stream, CancellationToken cancellationToken = default)
    {
        EventStoreLimits.CheckStream(stream);
        return Task.FromResult(_snapshots.TryGetValue(stream, out var s) ? s : null);
    }

    private sealed class MemoryStream
    {
        public List<byte[]> Records { get; } = [];

        public Dictionary<string, AppendResult> Batches { get; } = new(StringComparer.Ordinal);
    }
}
