using Orleans.Concurrency;

namespace WorldPlay.Contracts;

/// <summary>One silo's meters, read by a grain that lives on that silo (key: the silo's address as
/// <c>SiloAddress.ToParsableString()</c>). Place it with the placement hint before the first call
/// (<c>RequestContext.Set(IPlacementDirector.PlacementHintKey, silo)</c>); the reading names the silo it was read on, so a
/// caller can check it landed where asked.</summary>
[Alias("worldplay.silo-meter")]
public interface ISiloMeterGrain : IGrainWithStringKey
{
    /// <summary>The meters of the silo this activation lives on, now.</summary>
    [Alias("read"), AlwaysInterleave]
    Task<SiloMeterReading> Read();
}

/// <summary>A silo's meters at one moment: its turn gate's running and waiting turns, its limits, and the turns it admitted and
/// shed since the silo started; and the requests its storage clients sent to Azure Storage since it started, by kind (all zero
/// on in-memory storage).</summary>
[GenerateSerializer, Immutable, Alias("worldplay.SiloMeterReading")]
public sealed record SiloMeterReading(
    [property: Id(0)] string Silo,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] int Running,
    [property: Id(3)] int Waiting,
    [property: Id(4)] int MaxRunning,
    [property: Id(5)] int MaxWaiting,
    [property: Id(6)] long Admitted,
    [property: Id(7)] long Shed,
    [property: Id(8)] long TableTransactions = 0,
    [property: Id(9)] long TableWrites = 0,
    [property: Id(10)] long TableReads = 0,
    [property: Id(11)] long BlobWrites = 0,
    [property: Id(12)] long BlobReads = 0,
    [property: Id(13)] long StorageOther = 0)
{
    /// <summary>Every storage request counted.</summary>
    public long StorageOperations => TableTransactions + TableWrites + TableReads + BlobWrites + BlobReads + StorageOther;
}
