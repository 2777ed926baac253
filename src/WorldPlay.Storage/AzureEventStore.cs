using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace WorldPlay.Storage;

/// <summary>PLACEHOLDER for the Azure event store written on the storage branch; only its constructor is real here.</summary>
public sealed class AzureEventStore(TableServiceClient tables, BlobServiceClient blobs, string tableName = "worldplayevents", string snapshotContainer = "worldplay-snapshots") : IEventStore
{
    public Task<AppendResult> AppendAsync(string stream, long expectedVersion, IReadOnlyList<byte[]> records, string batchId, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException($"AzureEventStore is a placeholder here ({tables.Uri}, {blobs.Uri}, {tableName}, {snapshotContainer}).");

    public Task CheckAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException("AzureEventStore is a placeholder here.");

    public IAsyncEnumerable<StoredRecord> ReadAsync(string stream, long afterVersion, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("AzureEventStore is a placeholder here.");

    public Task SaveSnapshotAsync(string stream, long version, byte[] data, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("AzureEventStore is a placeholder here.");

    public Task<StoredSnapshot?> LoadSnapshotAsync(string stream, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("AzureEventStore is a placeholder here.");
}
