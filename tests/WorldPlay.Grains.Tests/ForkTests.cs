using MessagePack;
using WorldPlay.Client;
using WorldPlay.Contracts;
using WorldPlay.Core.Serialization;
using WorldPlay.Storage;

namespace WorldPlay.Grains.Tests;

/// <summary>A fork shares its parent's timeline up to the fork point without copying it, and goes its own way after.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ForkTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Fork_StreamOfBranch_HoldsOnlyItsOwnEvents()
    {
        var (world, scene, _) = await Scenes.OpenAsync(fixture.Client, seed: 41);
        await Scenes.PlayAsync(scene, 20);
        var branch = await world.ForkAsync($"{world.Key}-b", 10);
        var onBranch = await fixture.Client.ContinueOnBranchAsync(scene, branch);
        await Scenes.PlayAsync(onBranch, 5);
        var forkSeq = (await branch.LineageAsync()).Parent!.Seq;

        var stored = await EventsInStreamAsync(WorldPlayStorage.TimelineStream(branch.Key));

        Assert.All(stored, seq => Assert.True(seq > forkSeq, $"event {seq} is at or before the fork point {forkSeq}"));
    }

    [Fact]
    public async Task Fork_StateAtForkTurnAndBefore_EqualsParents()
    {
        var (world, scene, _) = await Scenes.OpenAsync(fixture.Client, seed: 42);
        await Scenes.PlayAsync(scene, 30);
        var branch = await world.ForkAsync($"{world.Key}-b", 20);
        await Scenes.PlayAsync(await fixture.Client.ContinueOnBranchAsync(scene, branch), 10);

        Assert.Equal(await HashesAsync(world, 20), await HashesAsync(branch, 20));
    }

    [Fact]
    public async Task Fork_BranchReactivated_StateAtForkTurnStillEqualsParents()
    {
        var (world, scene, _) = await Scenes.OpenAsync(fixture.Client, seed: 43);
        await Scenes.PlayAsync(scene, 30);
        var branch = await world.ForkAsync($"{world.Key}-b", 15);
        await Scenes.PlayAsync(await fixture.Client.ContinueOnBranchAsync(scene, branch), 10);
        var current = (await branch.StateAsync()).StateHash;

        await fixture.Cluster.DeactivateAsync(fixture.Cluster.Client.GetGrain<IWorldGrain>(branch.Key).GetGrainId());

        Assert.Equal((await HashesAsync(world, 15), current), (await HashesAsync(branch, 15), (await branch.StateAsync()).StateHash));
    }

    [Fact]
    public async Task Fork_BranchOfBranch_SharesBothPrefixes()
    {
        var (world, scene, _) = await Scenes.OpenAsync(fixture.Client, seed: 45);
        await Scenes.PlayAsync(scene, 20);
        var first = await world.ForkAsync($"{world.Key}-b1", 10);
        var onFirst = await fixture.Client.ContinueOnBranchAsync(scene, first);
        await Scenes.PlayAsync(onFirst, 10);
        var second = await first.ForkAsync($"{world.Key}-b2", 15);
        await Scenes.PlayAsync(await fixture.Client.ContinueOnBranchAsync(onFirst, second), 5);

        Assert.Equal(
            (await HashesAsync(world, 10), await HashesAsync(first, 15)),
            (await HashesAsync(second, 10), await HashesAsync(second, 15)));
    }

    [Fact]
    public async Task Fork_BranchOfBranchInsideInheritedPrefix_EqualsRoot()
    {
        var (world, scene, _) = await Scenes.OpenAsync(fixture.Client, seed: 46);
        await Scenes.PlayAsync(scene, 20);
        var first = await world.ForkAsync($"{world.Key}-b1", 12);
        await Scenes.PlayAsync(await fixture.Client.ContinueOnBranchAsync(scene, first), 6);
        var second = await first.ForkAsync($"{world.Key}-b2", 8);

        Assert.Equal((await world.StateAsync(8)).StateHash, (await second.StateAsync()).StateHash);
    }

    [Fact]
    public async Task Lineage_BranchOfBranch_ListsParentThenGrandparent()
    {
        var (world, scene, _) = await Scenes.OpenAsync(fixture.Client, seed: 47);
        await Scenes.PlayAsync(scene, 10);
        var first = await world.ForkAsync($"{world.Key}-b1", 6);
        var second = await first.ForkAsync($"{world.Key}-b2", 4);

        var lineage = await second.LineageAsync();

        Assert.Equal(
            $"{world.Key} <- {first.Key}@4 <- {world.Key}@6",
            $"{lineage.Root} <- {string.Join(" <- ", lineage.Ancestors.Select(a => $"{a.Parent}@{a.Turn}"))}");
    }

    [Fact]
    public async Task Branches_FamilyWithTwoForks_ListsBothWithTheirParents()
    {
        var (world, scene, _) = await Scenes.OpenAsync(fixture.Client, seed: 48);
        await Scenes.PlayAsync(scene, 10);
        var first = await world.ForkAsync($"{world.Key}-b1", 6);
        var second = await first.ForkAsync($"{world.Key}-b2", 3);

        var branches = await second.BranchesAsync();

        Assert.Equal(
            [(first.Key, world.Key, BranchKind.Fork), (second.Key, first.Key, BranchKind.Fork)],
            branches.Select(b => (b.Key, b.Origin.Parent, b.Kind)).ToArray());
    }

    [Fact]
    public async Task Worlds_AfterCreate_ListsTheRootWorld()
    {
        var (world, _, _) = await Scenes.OpenAsync(fixture.Client, seed: 49);

        Assert.Contains(world.Key, await fixture.Client.WorldsAsync());
    }

    [Fact]
    public async Task Fork_BeyondLastTurn_IsRefusedAndCreatesNothing()
    {
        var (world, scene, _) = await Scenes.OpenAsync(fixture.Client, seed: 50);
        await Scenes.PlayAsync(scene, 5);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => world.ForkAsync($"{world.Key}-b", 99));
        await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Client.World($"{world.Key}-b").SummaryAsync());
    }

    [Fact]
    public async Task StateAt_EventNumber_EqualsStateAfterTheTurnEndingThere()
    {
        var (world, scene, _) = await Scenes.OpenAsync(fixture.Client, seed: 51);
        await Scenes.PlayAsync(scene, 20);
        var atTurn = await world.StateAsync(11);

        Assert.Equal(atTurn.StateHash, (await world.StateAtAsync(atTurn.State.Version)).StateHash);
    }

    [Fact]
    public async Task SceneOnBranch_ForkAtLastTurn_PlaysTheSameTurnsAsTheParent()
    {
        var (world, scene, _) = await Scenes.OpenAsync(fixture.Client, seed: 52);
        await Scenes.PlayAsync(scene, 15);
        var branch = await world.ForkAsync($"{world.Key}-b", 15);
        var onBranch = await fixture.Client.ContinueOnBranchAsync(scene, branch);

        var parentTurns = await Scenes.PlayAsync(scene, 10);
        var branchTurns = await Scenes.PlayAsync(onBranch, 10);

        Assert.Equal(parentTurns.Select(t => (t.Turn, t.Speaker, t.Speech)), branchTurns.Select(t => (t.Turn, t.Speaker, t.Speech)));
    }

    [Fact]
    public async Task SceneOnBranch_Transcript_IsParentsPrefixThenItsOwn()
    {
        var (world, scene, _) = await Scenes.OpenAsync(fixture.Client, seed: 53);
        var parentTurns = await Scenes.PlayAsync(scene, 20);
        var branch = await world.ForkAsync($"{world.Key}-b", 8);
        var onBranch = await fixture.Client.ContinueOnBranchAsync(scene, branch);
        var own = await Scenes.PlayAsync(onBranch, 6);

        var transcript = await onBranch.TranscriptAsync(pageSize: 5).ToListAsync();

        Assert.Equal(
            parentTurns.Take(8).Concat(own).Select(t => (t.Turn, t.Speech)),
            transcript.Select(t => (t.Turn, t.Speech)));
    }

    [Fact]
    public async Task SceneOnBranch_Status_ContinuesFromTheForkTurn()
    {
        var (world, scene, _) = await Scenes.OpenAsync(fixture.Client, seed: 54);
        await Scenes.PlayAsync(scene, 20);
        var branch = await world.ForkAsync($"{world.Key}-b", 9);

        var status = await (await fixture.Client.ContinueOnBranchAsync(scene, branch)).StatusAsync();

        Assert.Equal((9, branch.Key), (status.Turn, status.WorldKey));
    }

    [Fact]
    public async Task SceneOnBranch_CharacterMemory_HoldsWhatItWitnessedUpToTheForkOnly()
    {
        var (world, scene, definition) = await Scenes.OpenAsync(fixture.Client, seed: 55);
        await Scenes.PlayAsync(scene, 30);
        var branch = await world.ForkAsync($"{world.Key}-b", 10);
        await fixture.Client.ContinueOnBranchAsync(scene, branch);
        var character = Scenes.Characters(definition)[0];
        var forkSeq = (await branch.LineageAsync()).Parent!.Seq;
        var shared = new List<WorldPlay.Core.WorldEvent>();
        await foreach (var e in world.EventsAsync())
        {
            shared.AddRange(e.Seq <= forkSeq ? [e] : []);
        }

        var memory = await branch.MemoryOfAsync(character);

        var expected = WorldPlay.Core.Characters.CharacterMemory.Empty(character, memory.Names).Witness(shared);
        Assert.Equal(CoreSerialization.Hash(expected), CoreSerialization.Hash(memory));
    }

    private static async Task<(string, string, string)> HashesAsync(WorldHandle world, int turn) =>
        ((await world.StateAsync(turn)).StateHash, (await world.StateAsync(turn / 2)).StateHash, (await world.StateAsync(0)).StateHash);

    private async Task<List<long>> EventsInStreamAsync(string stream)
    {
        var seqs = new List<long>();
        await foreach (var stored in fixture.Store.ReadAsync(stream, 0))
        {
            seqs.AddRange(MessagePackSerializer.Deserialize<CommittedBatch>(stored.Data,
                CoreSerialization.MessagePack).Accepted.Select(e => e.Seq));
        }
        Assert.NotEmpty(seqs);
        return seqs;
    }
}
