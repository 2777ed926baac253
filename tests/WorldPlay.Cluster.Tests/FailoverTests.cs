using System.Diagnostics;
using Xunit.Abstractions;
using WorldPlay.Core;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Cluster.Tests;

/// <summary>A long scene survives the silo hosting it dying, every silo restarting, and storage going away for a while:
/// every committed turn is kept exactly once and the world still obeys its laws.</summary>
[Collection(AzureClusterCollection.Name)]
public sealed class FailoverTests(AzureCluster azure, ITestOutputHelper output)
{
    [Fact]
    public async Task KillSiloHostingScene_MidRun_EveryTurnExactlyOnceAndLawful()
    {
        var (world, scene) = await azure.OpenHarborAsync(seed: 17);
        await scene.PlayThroughAsync(100, maxTurnsPerCall: 100);
        var victim = await azure.SiloOf(azure.SceneGrain(scene));
        var clock = Stopwatch.StartNew();

        await azure.Cluster.KillSiloAsync(victim);
        var resumed = await scene.PlayUntilAsync(101, maxTurns: 1);
        output.WriteLine($"killed {victim.SiloAddress}; the scene played its next turn {clock.Elapsed.TotalSeconds:0.0} s later");
        while ((await scene.StatusAsync()).Turn < 300)
        {
            await scene.PlayUntilAsync(300, maxTurns: 50);
        }
        var turns = new List<TurnRecord>();
        await foreach (var t in scene.TranscriptAsync())
        {
            turns.Add(t);
        }
        var events = await AzureCluster.EventsOf(world);
        var audit = await world.AuditAsync();

        Assert.Equal(101, resumed.Status.Turn);
        Assert.Equal(Enumerable.Range(1, 300), turns.Select(t => t.Turn));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
        Assert.Empty(audit.Violations);
    }

    [Fact]
    public async Task RestartEverySilo_WorldsCharactersAndScenesComeBackTheSame()
    {
        var (world, scene) = await azure.OpenHarborAsync(seed: 23);
        await scene.PlayThroughAsync(120, maxTurnsPerCall: 120);
        var before = (State: (await world.StateAsync()).StateHash, Scene: await scene.StatusAsync(), Memory: await MemoryHashAsync(world));

        foreach (var silo in azure.Cluster.Silos.ToList())
        {
            await azure.Cluster.RestartSiloAsync(silo);
        }

        var after = (State: (await world.StateAsync()).StateHash, Scene: await scene.StatusAsync(), Memory: await MemoryHashAsync(world));
        Assert.Equal(before.State, after.State);
        Assert.Equal(before.Memory, after.Memory);
        Assert.Equal(
            (before.Scene.Turn, string.Join(",", before.Scene.Present), before.Scene.Tension),
            (after.Scene.Turn, string.Join(",", after.Scene.Present), after.Scene.Tension));
    }

    [Fact]
    public async Task StorageAwayForSeconds_TurnsWaitOrFailClearly_RunRecoversWithNothingHalfCommitted()
    {
        var (world, scene) = await azure.OpenHarborAsync(seed: 29);
        await scene.PlayThroughAsync(40, maxTurnsPerCall: 40);

        azure.Disconnect();
        var failure = await Record.ExceptionAsync(() => azure.SceneGrain(scene).Play(60, 20));
        await Task.Delay(TimeSpan.FromSeconds(3));
        azure.Reconnect();
        while ((await scene.StatusAsync()).Turn < 80)
        {
            await scene.PlayUntilAsync(80, maxTurns: 20);
        }
        var turns = new List<TurnRecord>();
        await foreach (var t in scene.TranscriptAsync())
        {
            turns.Add(t);
        }
        var events = await AzureCluster.EventsOf(world);

        output.WriteLine($"while storage was away: {failure?.GetType().Name}: {failure?.Message}");
        Assert.IsType<WorldPlay.Contracts.TurnInterruptedException>(failure);
        Assert.Equal(Enumerable.Range(1, 80), turns.Select(t => t.Turn));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
        Assert.Empty((await world.AuditAsync()).Violations);
    }

    private static async Task<string> MemoryHashAsync(WorldPlay.Client.WorldHandle world)
    {
        var definition = await world.DefinitionAsync();
        var hashes = new List<string>();
        foreach (var id in definition.Scenes[0].Cast)
        {
            hashes.Add(WorldPlay.Core.Serialization.CoreSerialization.Hash(await world.MemoryOfAsync(id)));
        }
        return string.Join(",", hashes);
    }
}
