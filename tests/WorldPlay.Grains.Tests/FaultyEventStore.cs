using System.Collections.Concurrent;
using WorldPlay.Storage;

namespace WorldPlay.Grains.Tests;

/// <summary>An event store that passes every call to a real one, except the appends a test tells it to refuse: storage going
/// away in the middle of a write, as Azure can.</summary>
internal sealed class FaultyEventStore(IEventStore inner) : IEventStore
{
    // Stream name to the appends it still takes before every further one fails.
    private readonly ConcurrentDictionary<string, int> _failing = new(StringComparer.Ordinal);

    /// <summary>Lets <paramref name="appends"/> more appends to <paramref name="stream"/> through, then fails each one after.</summary>
    public void FailAfter(string stream, int appends) => _failing[stream] = appends;

    // Stream name to the appends it has taken.
    private readonly ConcurrentDictionary<string, int> _appends = new(StringComparer.Ordinal);

    /// <summary>How many appends <paramref name="stream"/> has taken.</summary>
    public int Appends(string stream) => _appends.GetValueOrDefault(stream);

    /// <summary>Lets every append to <paramref name="stream"/> through again.</summary>
    public void Heal(string stream) => _failing.TryRemove(stream, out _);

    public Task<AppendResult> AppendAsync(
        string stream, long expectedVersion, IReadOnlyList<byte[]> records, string batchId, CancellationToken cancellationToken = default)
    {
        if (_failing.TryGetValue(stream, out var left))
        {
            if (left <= 0)
            {
                throw new EventStoreUnavailableException($"Test storage refused batch '{batchId}' of stream '{stream}'.", null);
            }
            _failing[stream] = left - 1;
        }
        _appends.AddOrUpdate(stream, 1, (_, n) => n + 1);
        return inner.AppendAsync(stream, expectedVersion, records, batchId, cancellationToken);
    }

    public Task CheckAsync(CancellationToken cancellationToken = default) => inner.CheckAsync(cancellationToken);

    public IAsyncEnumerable<StoredRecord> ReadAsync(string stream, long afterVersion, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(stream, afterVersion, cancellationToken);

    public Task SaveSnapshotAsync(string stream, long version, byte[] data, CancellationToken cancellationToken = default) =>
        inner.SaveSnapshotAsync(stream, version, data, cancellationToken);

    public Task<StoredSnapshot?> LoadSnapshotAsync(string stream, CancellationToken cancellationToken = default) =>
        inner.LoadSnapshotAsync(stream, cancellationToken);
}
