using System.Collections.Immutable;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Characters;
using WorldPlay.Core.Serialization;

namespace WorldPlay.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class WorldGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Commit_RefusedProposal_LeavesStateUnchanged()
    {
        var (world, _, definition) = await Scenes.OpenAsync(fixture.Client);
        var before = await world.StateAsync();
        var nobodyHolds = definition.Entities.First(e => e.Kind == EntityKind.Item && e.Holder is { } h
            && h != Scenes.Characters(definition)[0]);
        var grain = fixture.Cluster.Client.GetGrain<IWorldGrain>(world.Key);

        var receipt = await grain.Commit(new CommitRequest("test/1", 1, definition.Scenes[0].Place, false,
            [Proposal.Of(Scenes.Characters(definition)[0], new Gave(nobodyHolds.Id, Scenes.Characters(definition)[1]))]));

        Assert.Equal(before.StateHash, (await world.StateAsync()).StateHash);
        Assert.Single(receipt.Rejected);
    }

    [Fact]
    public async Task Commit_SameBatchTwice_StoresItOnce()
    {
        var (world, _, definition) = await Scenes.OpenAsync(fixture.Client);
        var grain = fixture.Cluster.Client.GetGrain<IWorldGrain>(world.Key);
        var request = new CommitRequest("test/once", 1, definition.Scenes[0].Place, false,
            [Proposal.Of(Scenes.Characters(definition)[0], new Spoke("Good evening.", []))]);

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
            // The grain's memory is the core's fold of the whole timeline, which takes in only what its owner witnessed.
            var expected = CharacterMemory.Empty(character, memory.Names).Witness(events.Values.OrderBy(e => e.Seq));
            Assert.Equal(CoreSerialization.Hash(expected), CoreSerialization.Hash(memory));
            Assert.All(memory.Recent, e => Assert.True(e.WitnessedBy(character)));
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
            Assert.Equal(CoreSerialization.Hash(CharacterMemory.Empty(character, memory.Names).Witness(events)),
                CoreSerialization.Hash(memory));
            missedSomething |= events.Any(e => !e.WitnessedBy(character));
        }

        Assert.True(missedSomething, "in 400 turns someone should have stepped out and missed an event");
    }
}
