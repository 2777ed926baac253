using WorldPlay.Contracts;

namespace WorldPlay.Grains.Tests;

/// <summary>Grains come back from storage exactly as they were: a world from its snapshot plus the records after it,
/// a scene from its saved progress and transcript.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ReactivationTests(ClusterFixture fixture)
{
    [Fact]
    public async Task World_Reactivated_SameStateHash()
    {
        var (world, scene, _) = await Scenes.OpenAsync(fixture.Client, seed: 21);
        await Scenes.PlayAsync(scene, 150);
        var before = await world.StateAsync();

        await fixture.Cluster.DeactivateAsync(fixture.Cluster.Client.GetGrain<IWorldGrain>(world.Key).GetGrainId());

        Assert.Equal(before.StateHash, (await world.StateAsync()).StateHash);
    }

    [Fact]
    public async Task World_ReactivatedThenPlayed_SameTimelineAsUninterrupted()
    {
        var (worldA, sceneA, _) = await Scenes.OpenAsync(fixture.Client, seed: 33);
        var (worldB, sceneB, _) = await Scenes.OpenAsync(fixture.Client, seed: 33);
        await Scenes.PlayAsync(sceneA, 100);
        await fixture.Cluster.DeactivateAsync(fixture.Cluster.Client.GetGrain<IWorldGrain>(worldA.Key).GetGrainId());
        await fixture.Cluster.DeactivateAsync(fixture.Cluster.Client.GetGrain<ISceneGrain>(sceneA.Key).GetGrainId());
        await Scenes.PlayAsync(sceneA, 100);
        await Scenes.PlayAsync(sceneB, 200);

        Assert.Equal((await worldB.AuditAsync()).TimelineHash, (await worldA.AuditAsync()).TimelineHash);
    }
}
