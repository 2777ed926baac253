namespace WorldPlay.Storage;

/// <summary>An append-only store of records in named streams (one stream per world timeline or scene transcript),
/// with snapshots. One write per committed batch; never a rewrite of the log.</summary>
public interface IEventStore
{
    /// <summary>Appends <paramref name="records"/> after record <paramref name="expectedVersion"/> of <paramref name="stream"/>, all or
    /// none,
    /// in one write. A batch id already stored anywhere in the stream stores nothing again and returns where that batch is
    /// (<see cref="AppendResult.AlreadyStored"/>), so a retry after a lost reply is harmless.
    /// Throws <see cref="StreamVersionConflictException"/> when the stream has moved on and the batch is new.</summary>
    Task<AppendResult> AppendAsync(string stream, long expectedVersion, IReadOnlyList<byte[]> records, string batchId,
        CancellationToken cancellationToken = default);

    /// <summary>Verifies the store can be reached and used; throws with a message that says what to fix.</summary>
    Task CheckAsync(CancellationToken cancellationToken = default);

    /// <summary>The records after version <paramref name="afterVersion"/>, in order, each with its version (1-based).</summary>
    IAsyncEnumerable<StoredRecord> ReadAsync(string stream, long afterVersion, CancellationToken cancellationToken = default);

    /// <summary>Stores a snapshot of the stream's fold at <paramref name="version"/>, replacing older ones.</summary>
    Task SaveSnapshotAsync(string stream, long version, byte[] data, CancellationToken cancellationToken = default);

    /// <summary>The newest snapshot, or null.</summary>
    Task<StoredSnapshot?> LoadSnapshotAsync(string stream, CancellationToken cancellationToken = default);
}

/// <summary>Where a batch is: the versions of its first and last record, and whether it had been stored before this call.</summary>
public sealed record AppendResult(long FirstVersion, long LastVersion, bool AlreadyStored);

/// <summary>One stored record and its position in its stream.</summary>
public sealed record StoredRecord(long Version, byte[] Data);

/// <summary>A stored snapshot and the version it folds up to.</summary>
public sealed record StoredSnapshot(long Version, byte[] Data);

/// <summary>Another writer appended to the stream first: reload and decide again.</summary>
public sealed class StreamVersionConflictException(string stream, long expected, long actual)
    : Exception($"Stream '{stream}' is at version {actual}, not the expected {expected}; reload it and try again.")
{
    public string Stream { get; } = stream;

    public long Expected { get; } = expected;

    public long Actual { get; } = actual;
}

/// <summary>The store cannot be reached or refuses the credentials; the message says what was tried and what to check.</summary>
public sealed class EventStoreUnavailableException(string message, Exception? innerException)
    : Exception(message, innerException);
