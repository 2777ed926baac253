using Azure.Core;
using Azure.Core.Pipeline;

namespace WorldPlay.Storage;

/// <summary>Counts the requests this process sends to Azure Storage (or Azurite) through the clients it is attached to: what a
/// turn costs in storage operations, which on Azure are billed transactions and count against a partition's throughput. Every
/// attempt counts, retries included, as the service counts them. One meter per process; a silo reports its own.</summary>
public static class StorageMeter
{
    // Table transactions, table writes, table reads, blob writes, blob reads, other requests, bytes sent.
    private static readonly long[] Counters = new long[7];

    /// <summary>The policy that counts a Table client's requests; add it to the client's options, per retry.</summary>
    public static HttpPipelinePolicy TablePolicy { get; } = new CountingPolicy(table: true);

    /// <summary>The policy that counts a Blob client's requests; add it to the client's options, per retry.</summary>
    public static HttpPipelinePolicy BlobPolicy { get; } = new CountingPolicy(table: false);

    /// <summary>The counts so far in this process.</summary>
    public static StorageCounts Current => new(
        Read(0), Read(1), Read(2), Read(3), Read(4), Read(5), Read(6));

    /// <summary>Counts one request: a Table batch (<c>$batch</c>) is a transaction; other Table requests are writes or reads by
    /// method; a Blob PUT is a write, GET and HEAD reads; anything else (deletes, container and table creation) is other.</summary>
    public static void Count(bool table, string method, string path, long bytes)
    {
        var kind = (table, method) switch
        {
            (true, "POST") when path.EndsWith("/$batch", StringComparison.Ordinal) => 0,
            (true, "POST" or "PUT" or "MERGE" or "PATCH") => 1,
            (true, "GET") => 2,
            (false, "PUT") => 3,
            (false, "GET" or "HEAD") => 4,
            _ => 5,
        };
        Interlocked.Increment(ref Counters[kind]);
        Interlocked.Add(ref Counters[6], Math.Max(0, bytes));
    }

    private static long Read(int kind) => Interlocked.Read(ref Counters[kind]);

    private sealed class CountingPolicy(bool table) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            var request = message.Request;
            var bytes = request.Content is { } content && content.TryComputeLength(out var length) ? length : 0;
            Count(table, request.Method.Method, request.Uri.Path, bytes);
        }
    }
}

/// <summary>Storage requests counted by <see cref="StorageMeter"/>, by kind, and the bytes they sent.</summary>
public sealed record StorageCounts(
    long TableTransactions, long TableWrites, long TableReads, long BlobWrites, long BlobReads, long Other, long BytesSent)
{
    /// <summary>Every request counted.</summary>
    public long Operations => TableTransactions + TableWrites + TableReads + BlobWrites + BlobReads + Other;

    /// <summary>The writes among them: what a turn commits.</summary>
    public long Writes => TableTransactions + TableWrites + BlobWrites;

    /// <summary>What was counted since <paramref name="earlier"/>.</summary>
    public StorageCounts Since(StorageCounts earlier) => new(
        TableTransactions - earlier.TableTransactions, TableWrites - earlier.TableWrites, TableReads - earlier.TableReads,
        BlobWrites - earlier.BlobWrites, BlobReads - earlier.BlobReads, Other - earlier.Other, BytesSent - earlier.BytesSent);

    /// <summary>The sum of counts from several processes.</summary>
    public static StorageCounts Sum(IEnumerable<StorageCounts> counts) => counts.Aggregate(
        new StorageCounts(0, 0, 0, 0, 0, 0, 0),
        (a, b) => new(a.TableTransactions + b.TableTransactions, a.TableWrites + b.TableWrites, a.TableReads + b.TableReads,
            a.BlobWrites + b.BlobWrites, a.BlobReads + b.BlobReads, a.Other + b.Other, a.BytesSent + b.BytesSent));
}
