using WorldPlay.Storage;
using Xunit.Abstractions;

namespace WorldPlay.Cluster.Tests;

/// <summary>What a turn costs in storage operations on Azurite, counted by the silos' storage meter: one transaction for the
/// world's commit (the turn's events and its draft), and every 32 turns one transcript append and one scene record.</summary>
[Collection(AzureClusterCollection.Name)]
public sealed class StorageOperationsTests(AzureCluster azure, ITestOutputHelper output)
{
    /// <summary>The bound: one transaction a turn plus amortised snapshots and records.</summary>
    private const double MaxOperationsPerTurn = 1.2;

    [Fact]
    public async Task HarborSession_300TurnsInCallsOf20_AtMostOnePointTwoStorageOperationsPerTurn()
    {
        var (_, scene) = await azure.OpenHarborAsync(seed: 29);
        await scene.PlayThroughAsync(20, maxTurnsPerCall: 20);
        var before = StorageMeter.Current;

        await scene.PlayThroughAsync(320, maxTurnsPerCall: 20);

        var counted = StorageMeter.Current.Since(before);
        var perTurn = counted.Operations / 300.0;
        output.WriteLine($"300 turns: {counted} = {perTurn:0.000} operations a turn");
        // 300 world commits and a transcript append every 32 turns (a retried request would count again).
        Assert.InRange(counted.TableTransactions, 309, 315);
        Assert.True(perTurn <= MaxOperationsPerTurn, $"{perTurn:0.000} storage operations a turn: {counted}");
    }
}
