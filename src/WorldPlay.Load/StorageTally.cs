using WorldPlay.Contracts;

namespace WorldPlay.Load;

/// <summary>The storage requests the silos sent during a load run, by kind, and per stored turn.</summary>
public sealed record StorageTally(
    long TableTransactions, long TableWrites, long TableReads, long BlobWrites, long BlobReads, long Other, long Turns)
{
    public long Operations => TableTransactions + TableWrites + TableReads + BlobWrites + BlobReads + Other;

    /// <summary>Operations per stored turn, or null when nothing was counted (in-memory storage) or no turn was stored.</summary>
    public double? PerTurn => Operations == 0 || Turns == 0 ? null : Math.Round((double)Operations / Turns, 3);

    /// <summary>Each silo's last reading less its first (a silo's counters only grow while it lives), summed over the silos.</summary>
    public static StorageTally Of(IEnumerable<SiloMeterReading> readings, long turns)
    {
        var spans = readings.GroupBy(r => r.Silo).Select(g => (First: g.MinBy(r => r.At)!, Last: g.MaxBy(r => r.At)!)).ToList();
        long Sum(Func<SiloMeterReading, long> counter) => spans.Sum(s => counter(s.Last) - counter(s.First));
        return new StorageTally(
            Sum(r => r.TableTransactions), Sum(r => r.TableWrites), Sum(r => r.TableReads), Sum(r => r.BlobWrites),
            Sum(r => r.BlobReads), Sum(r => r.StorageOther), turns);
    }
}
