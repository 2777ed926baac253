using System.Collections.Immutable;
using WorldPlay.Contracts;
using WorldPlay.Core;

namespace WorldPlay.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class WorldGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Commit_RefusedProposal_LeavesStateUnchanged()
    {
        var (world, _, definition) = await Scenes.OpenAsync(fixture.Client);
        var before = await world.StateAsync();
        var nobodyHolds = definition.Entities.First(e => e.Kind == EntityKind.Item && e.Holder is { } h && h != Scenes.Characters(definition)[0]);
        var grain = fixture.Cluster.Client.GetGrain<IWorldGrain>(world.Key);

        var receipt = await grain.Commit(new CommitRequest("test/1", 1, definition.Scenes[0].Place, false, [Proposal.Of(Scenes.Characters(definition)[0], new Gave(nobodyHolds.Id, Scenes.Characters(definition)[1]))]));

        Assert.Equal(before.StateHash, (await world.StateAsync()).StateHash);
        Assert.Single(receipt.Rejected);
    }

    [Fact]
    public async Task Commit_SameBatchTwice_StoresItOnce()
    {
        var (world, _, definition) = await Scenes.OpenAsync(fixture.Client);
        var grain = fixture.Cluster.Client.GetGrain<IWorldGrain>(world.Key);
        var request = new CommitRequest("test/once", 1, definition.Scenes[0].Place, false, [Proposal.Of(Scenes.Characters(definition)[0], new Spoke("Good evening.", []))]);

        await grain.Commit(request);
        var events = new List<WorldEvent>();
        await foreach (var e in world.EventsAsync())
        {
            events.Add(e);
        }

        Assert.Single(events);
    }

    [Fact]
    public async Task Memory_AfterScene_HoldsOnlyWitnessedEvents()
    {
        var (world, scene, definition) = await Scenes.OpenAsync(fixture.Client, seed: 11);
        await Scenes.PlayAsync(scene, 150);
        var events = new Dictionary<long, WorldEvent>();
        await foreach (var e in world.EventsAsync())
        {
            events[e.Seq] = e;
        }

        foreach (var character in definition.Scenes[0].Cast)
        {
            var memory = await world.MemoryOfAsync(character);
            var expected = events.Values.Where(e => e.WitnessedBy(character)).Select(e => e.Seq).ToImmutableList();
            Assert.Equal(expected, memory.Witnessed);
        }
    }

    [Fact]
    public async Task Memory_AfterSomeoneLeaves_MissesWhatHappenedInTheirAbsence()
    {
        var (world, scene, definition) = await Scenes.OpenAsync(fixture.Client, seed: 3);
        await Scenes.PlayAsync(scene, 400);
        var events = new List<WorldEvent>();
        await foreach (var e in world.EventsAsync())
        {
            events.Add(e);
        }
        var missedSomething = false;
        foreach (var character in definition.Scenes[0].Cast)
        {
            var memory = await world.MemoryOfAsync(character);
            missedSomething |= memory.Witnessed.Count < events.Count;
        }

        Assert.True(missedSomething, "in 400 turns someone should have stepped out and missed an event");
    }
}
