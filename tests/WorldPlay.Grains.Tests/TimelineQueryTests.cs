using System.Text.Json;
using WorldPlay.Client;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Serialization;

namespace WorldPlay.Grains.Tests;

/// <summary>Diff and why through the world grain answer exactly as the core does on the same timeline.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TimelineQueryTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Diff_TwoTurns_MatchesTheCoresDiff()
    {
        var (world, scene, definition) = await Scenes.OpenAsync(fixture.Client, seed: 71);
        await Scenes.PlayAsync(scene, 40);
        var timeline = await TimelineAsync(world, definition);
        var (from, to) = (timeline.LastEventOfTurn(5), timeline.LastEventOfTurn(35));
        var expected = TimelineDiff.Between(timeline.StateAt(from), timeline.StateAt(to),
            timeline.Events.Skip((int)from).Take((int)(to - from)));

        Assert.Equal(Json(expected), Json(await world.DiffAsync(5, 35)));
    }

    [Fact]
    public async Task Diff_TurnBeyondTheEnd_IsRefused()
    {
        var (world, scene, _) = await Scenes.OpenAsync(fixture.Client, seed: 72);
        await Scenes.PlayAsync(scene, 5);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => world.DiffAsync(0, 50));
    }

    [Fact]
    public async Task DiffBranch_Siblings_MatchesTheCoresBranchDiff()
    {
        var (world, scene, definition) = await Scenes.OpenAsync(fixture.Client, seed: 73);
        await Scenes.PlayAsync(scene, 20);
        var branch = await world.ForkAsync($"{world.Key}-b", 10);
        await Scenes.PlayAsync(await fixture.Client.ContinueOnBranchAsync(scene, branch), 15);
        var (ours, theirs) = (await TimelineAsync(world, definition), await TimelineAsync(branch, definition));
        var parted = (await branch.LineageAsync()).Parent!.Seq;
        var expected = TimelineDiff.Branches(ours.Current, ours.Events.Skip((int)parted), theirs.Current, theirs.Events.Skip((int)parted));

        Assert.Equal(Json(expected), Json(await world.DiffAsync(branch)));
    }

    [Fact]
    public async Task DiffBranch_OtherFamily_IsRefused()
    {
        var (world, _, _) = await Scenes.OpenAsync(fixture.Client, seed: 74);
        var (stranger, _, _) = await Scenes.OpenAsync(fixture.Client, seed: 75);

        await Assert.ThrowsAsync<ArgumentException>(() => world.DiffAsync(stranger));
    }

    [Fact]
    public async Task Why_ChangedRelationship_MatchesTheCoresChain()
    {
        var (world, scene, definition) = await Scenes.OpenAsync(fixture.Client, seed: 76);
        await Scenes.PlayAsync(scene, 60);
        var timeline = await TimelineAsync(world, definition);
        var changed = timeline.Events.Select(e => e.Change).OfType<RelationshipChanged>().First();
        var expected = CausalChain.Why(timeline, new WhyQuery.OfRelationship(changed.From, changed.To, changed.Type));

        Assert.Equal(Json(expected), Json(await world.WhyAsync(WhyRequest.Relationship(changed.From, changed.To, changed.Type))));
    }

    [Fact]
    public async Task Why_OnBranchAtItsPrefix_EqualsParentsAnswer()
    {
        var (world, scene, definition) = await Scenes.OpenAsync(fixture.Client, seed: 76);
        await Scenes.PlayAsync(scene, 60);
        var timeline = await TimelineAsync(world, definition);
        var changed = timeline.Events.First(e => e.Change is RelationshipChanged);
        var relationship = (RelationshipChanged)changed.Change;
        var branch = await world.ForkAsync($"{world.Key}-b", changed.Turn);
        var request = WhyRequest.Relationship(relationship.From, relationship.To, relationship.Type, changed.Seq);

        Assert.Equal(Json(await world.WhyAsync(request)), Json(await branch.WhyAsync(request)));
    }

    private static async Task<Timeline> TimelineAsync(WorldHandle world, Core.WorldDefinition definition)
    {
        var events = await world.EventsAsync().ToListAsync();
        Assert.NotEmpty(events);
        return Timeline.Start(WorldState.Initial(definition)).Append(events);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, CoreSerialization.Json);
}
