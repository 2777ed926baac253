using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace WorldPlay.Storage;

/// <summary>The cluster store: records in Azure Table (one partition per stream, one transaction per batch),
/// snapshots in Azure Blob (one blob per stream, never replaced by an older one).</summary>
/// <remarks>
/// Table layout, partition = <see cref="StreamKeys.Escape"/> of the stream name:
/// <list type="bullet">
/// <item>"0000000000000000042": record 42. "Length" holds its size; its bytes are split over binary properties
/// "D0", "D1", ... of 64,000 bytes each (a binary property holds at most 64 KiB).</item>
/// <item>"batch-{SHA-256 of the batch id, hex}": a stored batch, with "BatchId", "First" and "Last".</item>
/// <item>"end-0000000000000000042": the stream ends at version 42. Exactly one per non-empty stream.</item>
/// </list>
/// An append is one transaction: add the data rows, add the batch row, delete the old end row and add the new one.
/// Any other writer at the same version, a batch id stored before, or a wrong expected version (the old end row is
/// missing) fails the whole transaction. Only then does the store read the batch row (a retry: return where the batch
/// is) or the end row (a conflict: throw with the actual version). It does not read before writing: every append would
/// pay a second round trip for the rare retry, and the transaction alone already keeps a batch from being stored twice.
/// When the SDK itself retries a transaction whose reply was lost, the call returns the batch as already stored.
/// </remarks>
public sealed class AzureEventStore : IEventStore
{
    private const int ChunkBytes = 64_000;
    private const string LastDataRowKey = "9999999999999999999";
    private const string VersionMetadata = "version";

    private readonly TableServiceClient _tables;
    private readonly BlobServiceClient _blobs;
    private readonly TableClient _table;
    private readonly BlobContainerClient _snapshots;
    private volatile bool _created;

    /// <summary>A store in table <paramref name="tableName"/> and blob container <paramref name="snapshotContainer"/>;
    /// both are created on first use or by <see cref="CheckAsync"/>.</summary>
    public AzureEventStore(TableServiceClient tables, BlobServiceClient blobs, string tableName = "worldplayevents",
        string snapshotContainer = "worldplay-snapshots")
    {
        _tables = tables;
        _blobs = blobs;
        _table = tables.GetTableClient(tableName);
        _snapshots = blobs.GetBlobContainerClient(snapshotContainer);
    }

    /// <summary>How long <see cref="CheckAsync"/> waits for the storage account before it gives up (the SDKs' own retries
    /// can take minutes against an address that does not answer).</summary>
    public TimeSpan CheckTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public async Task<AppendResult> AppendAsync(string stream, long expectedVersion, IReadOnlyList<byte[]> records, string batchId,
        CancellationToken cancellationToken = default)
    {
        EventStoreLimits.CheckBatch(stream, records, batchId);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);

        var partition = StreamKeys.Escape(stream);
        var first = expectedVersion + 1;
        var last = expectedVersion + records.Count;
        var actions = new List<TableTransactionAction>(records.Count + 3);
        for (var i = 0; i < records.Count; i++)
        {
            actions.Add(new(TableTransactionActionType.Add, DataRow(partition, first + i, records[i])));
        }
        actions.Add(new(TableTransactionActionType.Add, new TableEntity(partition, BatchRowKey(batchId))
        {
            ["BatchId"] = batchId,
            ["First"] = first,
            ["Last"] = last,
        }));
        if (expectedVersion > 0)
        {
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(partition, EndRowKey(expectedVersion)), ETag.All));
        }
        actions.Add(new(TableTransactionActionType.Add, new TableEntity(partition, EndRowKey(last))));

        try
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return new AppendResult(first, last, AlreadyStored: false);
        }
        catch (RequestFailedException e) when (IsRowConflict(e))
        {
            var stored = await StoredBatchAsync(partition, batchId, cancellationToken).ConfigureAwait(false);
            if (stored is not null)
            {
                return stored;
            }
            var actual = await EndVersionAsync(partition, cancellationToken).ConfigureAwait(false);
            if (actual == expectedVersion)
            {
                throw;
            }
            throw new StreamVersionConflictException(stream, expectedVersion, actual);
        }
    }

    public async Task CheckAsync(CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CheckTimeout);
        var (tried, account) = ($"table '{_table.Name}' at {Endpoint(_tables.Uri)}", _tables.AccountName);
        try
        {
            await _table.CreateIfNotExistsAsync(timeout.Token).ConfigureAwait(false);
            (tried, account) = ($"blob container '{_snapshots.Name}' at {Endpoint(_blobs.Uri)}", _blobs.AccountName);
            await _snapshots.CreateIfNotExistsAsync(cancellationToken: timeout.Token).ConfigureAwait(false);
            _created = true;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EventStoreUnavailableException(
                $"Azure storage did not answer within {CheckTimeout.TotalSeconds:0.#} s: tried to create {tried}. " +
                "Check that the storage account (or Azurite) is running and reachable at that endpoint, and the endpoints in the " +
                    "connection string.", e);
        }
        catch (RequestFailedException e) when (e.Status is 401 or 403)
        {
            throw new EventStoreUnavailableException(
                $"Azure storage refused the credentials: tried to create {tried} as account '{account}' and got " +
                $"{Sentence(e)} Check the account name and key (or SAS token) in the connection string.", e);
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException or HttpRequestException)
        {
            throw new EventStoreUnavailableException(
                $"Azure storage could not be used: tried to create {tried} and got: {Sentence(e)} " +
                "Check that the storage account (or Azurite) is running and reachable at that endpoint, and the endpoints in the " +
                    "connection string.", e);
        }
    }

    public async IAsyncEnumerable<StoredRecord> ReadAsync(string stream, long afterVersion,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        EventStoreLimits.CheckStream(stream);
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var afterRow = DataRowKey(Math.Max(0, afterVersion));
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {StreamKeys.Escape(stream)} and RowKey gt {afterRow} and RowKey le {LastDataRowKey}");
        var pages = _table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).AsPages();
        await foreach (var page in pages.ConfigureAwait(false))
        {
            foreach (var row in page.Values)
            {
                yield return new StoredRecord(long.Parse(row.RowKey, CultureInfo.InvariantCulture), RecordOf(stream, row));
            }
        }
    }

    public async Task SaveSnapshotAsync(string stream, long version, byte[] data, CancellationToken cancellationToken = default)
    {
        EventStoreLimits.CheckStream(stream);
        ArgumentNullException.ThrowIfNull(data);
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var blob = _snapshots.GetBlobClient(StreamKeys.Escape(stream));
        var metadata = new Dictionary<string, string> { [VersionMetadata] = version.ToString(CultureInfo.InvariantCulture) };

        // Create if absent; otherwise replace only a snapshot at an older or equal version, and only the one that was
        // read (ETag), so a concurrent save of a newer snapshot in between is never overwritten.
        var condition = new BlobRequestConditions { IfNoneMatch = ETag.All };
        for (var attempt = 0; attempt < 10; attempt++)
        {
            try
            {
                await blob.UploadAsync(BinaryData.FromBytes(data), new BlobUploadOptions { Metadata = metadata, Conditions = condition },
                    cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
            }
            try
            {
                var current = await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                if (VersionOf(current.Value.Metadata) > version)
                {
                    return;
                }
                condition = new BlobRequestConditions { IfMatch = current.Value.ETag };
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                condition = new BlobRequestConditions { IfNoneMatch = ETag.All };
            }
        }
        throw new InvalidOperationException(
            $"The snapshot of stream '{stream}' kept changing while version {version} was being saved; save it again.");
    }

    public async Task<StoredSnapshot?> LoadSnapshotAsync(string stream, CancellationToken cancellationToken = default)
    {
        EventStoreLimits.CheckStream(stream);
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var content = await _snapshots.GetBlobClient(StreamKeys.Escape(stream)).DownloadContentAsync(cancellationToken)
                .ConfigureAwait(false);
            return new StoredSnapshot(VersionOf(content.Value.Details.Metadata), content.Value.Content.ToArray());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await CheckAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<AppendResult?> StoredBatchAsync(string partition, string batchId, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(partition, BatchRowKey(batchId), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return row.HasValue && row.Value!.GetString("BatchId") == batchId
            ? new AppendResult(row.Value.GetInt64("First")!.Value, row.Value.GetInt64("Last")!.Value, AlreadyStored: true)
            : null;
    }

    private async Task<long> EndVersionAsync(string partition, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"end-"} and RowKey lt {"end."}");
        var rows = _table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            return long.Parse(row.RowKey.AsSpan("end-".Length), CultureInfo.InvariantCulture);
        }
        return 0;
    }

    // A data row or the batch row already exists (409), or the end row of the expected version is gone (404):
    // another writer, a retry, or a wrong expected version. Anything else (a missing table, a bad request) is not.
    private static bool IsRowConflict(RequestFailedException e) =>
        (e.Status == 409 && e.ErrorCode is "EntityAlreadyExists" or null) ||
        (e.Status == 404 && e.ErrorCode is "ResourceNotFound" or null);

    private static TableEntity DataRow(string partition, long version, byte[] data)
    {
        var row = new TableEntity(partition, DataRowKey(version)) { ["Length"] = data.Length };
        for (var (chunk, offset) = (0, 0); offset < data.Length; chunk++, offset += ChunkBytes)
        {
            row["D" + chunk.ToString(CultureInfo.InvariantCulture)] = data.AsSpan(offset, Math.Min(ChunkBytes, data.Length - offset))
                .ToArray();
        }
        return row;
    }

    private static byte[] RecordOf(string stream, TableEntity row)
    {
        var length = row.GetInt32("Length")
            ?? throw new InvalidDataException(
                $"Record {row.RowKey} of stream '{stream}' has no Length; the table holds rows this store did not write.");
        var data = new byte[length];
        var offset = 0;
        for (var chunk = 0; offset < length; chunk++)
        {
            var part = row.GetBinary("D" + chunk.ToString(CultureInfo.InvariantCulture));
            if (part is null || part.Length == 0 || part.Length > length - offset)
            {
                throw new InvalidDataException(
                    $"Record {row.RowKey} of stream '{stream}' is damaged: its parts do not add up to its {length} bytes.");
            }
            part.CopyTo(data, offset);
            offset += part.Length;
        }
        return data;
    }

    private static long VersionOf(IDictionary<string, string> metadata) =>
        metadata.TryGetValue(VersionMetadata, out var version) ? long.Parse(version, CultureInfo.InvariantCulture) : -1;

    private static string DataRowKey(long version) => version.ToString("D19", CultureInfo.InvariantCulture);

    private static string EndRowKey(long version) => "end-" + DataRowKey(version);

    private static string BatchRowKey(string batchId) => "batch-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(batchId)));

    private static string Endpoint(Uri uri) => uri.GetLeftPart(UriPartial.Path);

    // The first line of the innermost error ("Connection refused", "403 AuthorizationFailure ...") as one sentence.
    private static string Sentence(Exception e)
    {
        while (e.InnerException is { } inner)
        {
            e = inner;
        }
        var line = e.Message.Split('\n', 2)[0].Trim().TrimEnd('.');
        if (e is RequestFailedException { Status: > 0 } failed
            && !line.StartsWith(failed.Status.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            line = $"{failed.Status} {failed.ErrorCode} {line}".Replace("  ", " ", StringComparison.Ordinal);
        }
        return line + ".";
    }
}
