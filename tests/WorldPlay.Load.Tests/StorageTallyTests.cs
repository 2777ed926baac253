using WorldPlay.Contracts;

namespace WorldPlay.Load.Tests;

/// <summary>The load report's storage count: each silo's last reading less its first, summed, over the turns stored.</summary>
public sealed class StorageTallyTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Of_TwoSilosReadThreeTimes_SumsEachSilosGrowth()
    {
        SiloMeterReading[] readings =
        [
            Reading("a", 0, transactions: 10, blobWrites: 2),
            Reading("b", 0, transactions: 100, blobWrites: 50),
            Reading("a", 2, transactions: 70, blobWrites: 4),
            Reading("a", 1, transactions: 40, blobWrites: 3),
            Reading("b", 2, transactions: 140, blobWrites: 53),
        ];

        var tally = StorageTally.Of(readings, turns: 100);

        Assert.Equal((100L, 5L, 105L), (tally.TableTransactions, tally.BlobWrites, tally.Operations));
        Assert.Equal(1.05, tally.PerTurn);
    }

    [Fact]
    public void Of_InMemoryStorage_NothingCountedAndNoRate()
    {
        var tally = StorageTally.Of([Reading("a", 0, 0, 0), Reading("a", 5, 0, 0)], turns: 400);

        Assert.Equal(0, tally.Operations);
        Assert.Null(tally.PerTurn);
    }

    private static SiloMeterReading Reading(string silo, int second, long transactions, long blobWrites) =>
        new(silo, Start.AddSeconds(second), 0, 0, 8, 128, 0, 0, TableTransactions: transactions, BlobWrites: blobWrites);
}
