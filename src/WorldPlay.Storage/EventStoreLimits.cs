using System.Globalization;
using System.Text;

namespace WorldPlay.Storage;

/// <summary>What one append may hold, the same for every store, so a batch that works in memory also works on Azure.</summary>
/// <remarks>The numbers come from Azure Table: a transaction holds at most 100 entities and 4 MiB of request (binary
/// travels base64-encoded, a third larger), an entity at most 1 MiB. <see cref="AzureEventStore"/> spends three
/// entities of every transaction on bookkeeping (the batch index row and the stream's end marker, removed and added)
/// and keeps some room for keys and encoding.</remarks>
public static class EventStoreLimits
{
    /// <summary>Most records in one append.</summary>
    public const int MaxRecordsPerBatch = 97;

    /// <summary>Most bytes in one record (960 KiB).</summary>
    public const int MaxRecordBytes = 960 * 1024;

    /// <summary>Most bytes of records in one append (2.75 MiB).</summary>
    public const int MaxBatchBytes = 2816 * 1024;

    /// <summary>Longest stream name, in UTF-8 bytes: a Table key holds at most 512 characters (1 KiB of UTF-16), and
    /// escaping a byte can take three.</summary>
    public const int MaxStreamNameBytes = 170;

    /// <summary>Throws <see cref="ArgumentException"/> saying which limit a stream name breaks.</summary>
    public static void CheckStream(string stream)
    {
        ArgumentException.ThrowIfNullOrEmpty(stream);
        var bytes = Encoding.UTF8.GetByteCount(stream);
        if (bytes > MaxStreamNameBytes)
        {
            throw new ArgumentException(
                $"Stream name '{stream[..Math.Min(40, stream.Length)]}...' is {bytes} bytes long in UTF-8; a stream name is at most " +
                    $"{MaxStreamNameBytes}.", nameof(stream));
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> saying which limit a batch breaks; nothing of such a batch is stored.</summary>
    public static void CheckBatch(string stream, IReadOnlyList<byte[]> records, string batchId)
    {
        CheckStream(stream);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentException.ThrowIfNullOrEmpty(batchId);
        if (records.Count == 0)
        {
            throw new ArgumentException($"Batch '{batchId}' for stream '{stream}' holds no records; an append stores at least one.",
                nameof(records));
        }
        if (records.Count > MaxRecordsPerBatch)
        {
            throw new ArgumentException(
                $"Batch '{batchId}' for stream '{stream}' holds {records.Count} records; one append stores at most {MaxRecordsPerBatch} " +
                "(one Azure Table transaction). Split it into smaller batches.", nameof(records));
        }
        long total = 0;
        for (var i = 0; i < records.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(records[i], nameof(records));
            if (records[i].Length > MaxRecordBytes)
            {
                throw new ArgumentException(
                    $"Record {i + 1} of batch '{batchId}' for stream '{stream}' is {Size(records[i].Length)}; a record is at most " +
                    $"{Size(MaxRecordBytes)} (960 KiB, one Azure Table entity). Store large content elsewhere and record a reference.",
                        nameof(records));
            }
            total += records[i].Length;
        }
        if (total > MaxBatchBytes)
        {
            throw new ArgumentException(
                $"Batch '{batchId}' for stream '{stream}' holds {Size(total)} of records; one append stores at most " +
                    $"{Size(MaxBatchBytes)} " +
                "(2.75 MiB: one Azure Table transaction is at most 4 MiB, base64-encoded). Split it into smaller batches.",
                    nameof(records));
        }
    }

    private static string Size(long bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes";
}
