namespace WorldPlay.Storage;

/// <summary>Reads built on <see cref="IEventStore.ReadAsync"/>.</summary>
public static class EventStoreReading
{
    /// <summary>The record at <paramref name="version"/> of <paramref name="stream"/>; throws when it is not there.</summary>
    public static async Task<byte[]> ReadRecordAsync(this IEventStore store, string stream, long version,
        CancellationToken cancellationToken = default)
    {
        await foreach (var stored in store.ReadAsync(stream, version - 1, cancellationToken))
        {
            if (stored.Version == version)
            {
                return stored.Data;
            }
            break;
        }
        throw new InvalidOperationException($"Stream '{stream}' has no record {version}, though the store reported it stored.");
    }
}
