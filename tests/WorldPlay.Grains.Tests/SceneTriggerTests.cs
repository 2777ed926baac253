using WorldPlay.Client;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Scenes;
using WorldPlay.Core.Worlds;

namespace WorldPlay.Grains.Tests;

/// <summary>The game reports what happened in its own world; the laws judge it like a character's proposal, and the user may name
/// who answers first.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SceneTriggerTests(ClusterFixture fixture)
{
    private static readonly EntityId Wren = "wren";
    private static readonly EntityId Greaves = "greaves";
    private static readonly EntityId Lantern = "paper-lantern";
    private static readonly EntityId Ledger = "second-ledger";

    /// <summary>The harbor scene opened for a person to play Wren.</summary>
    private async Task<(WorldHandle World, ISceneGrain Scene)> OpenAsync()
    {
        var definition = WorldFiles.Load("harbor");
        var spec = definition.Scenes[0];
        var key = $"harbor-trigger-{Guid.NewGuid():N}";
        var world = await fixture.Client.CreateWorldAsync(key, definition);
        var scene = await fixture.Client.OpenSceneAsync($"{key}/{spec.Id}",
            new SceneOptions(key, spec.Id, 5, "procedural", null, null, 1200));
        return (world, fixture.Cluster.Client.GetGrain<ISceneGrain>(scene.Key));
    }

    [Fact]
    public async Task Trigger_APossibleChange_IsCommittedAsANarratorTurnOfTheUser()
    {
        var (world, scene) = await OpenAsync();

        var batch = await scene.Trigger(new SceneTrigger([new Took(Lantern)], Text: "Wren lifts a lantern from the stack."));

        var turn = Assert.Single(batch.Turns);
        Assert.Equal((Wren, TurnRole.Narrator, Wren),
            (turn.Speaker, turn.Role, (await world.StateAsync()).State.Find(Lantern)!.Holder));
    }

    [Fact]
    public async Task Trigger_AnImpossibleChange_IsRefusedWithTheLawsReason()
    {
        var (_, scene) = await OpenAsync();

        var batch = await scene.Trigger(new SceneTrigger([new Took(Lantern), new Took(Ledger)]));

        var turn = Assert.Single(batch.Turns);
        Assert.Equal(("paper-lantern", "second-ledger"),
            (string.Join(",", turn.Accepted.Select(e => ((Took)e.Change).Item)),
            string.Join(",", turn.Rejected.Select(r => ((Took)r.Proposal.Change).Item))));
        Assert.False(string.IsNullOrWhiteSpace(turn.Rejected[0].Reason), "the refusal carries the law's reason");
    }

    [Fact]
    public async Task Trigger_WithReply_TheCharactersAnswerIt()
    {
        var (_, scene) = await OpenAsync();

        var batch = await scene.Trigger(new SceneTrigger([new Took(Lantern)], Reply: true));

        Assert.Contains(batch.Turns.Skip(1), t => t.Role == TurnRole.Npc);
    }

    [Fact]
    public async Task Trigger_UnknownActor_IsRefusedNamingTheCharacters()
    {
        var (_, scene) = await OpenAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => scene.Trigger(new SceneTrigger([new Took(Lantern)], "nobody")));

        Assert.Contains("Unknown actor 'nobody'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Say_WithANextSpeaker_ThatCharacterAnswersFirst()
    {
        var (_, scene) = await OpenAsync();

        var batch = await scene.Say(new UserLine("Evening, all.", [], Greaves));

        Assert.Equal(Greaves, batch.Turns[1].Speaker);
    }

    [Fact]
    public async Task Say_WithTheUserAsNextSpeaker_IsRefusedAndPlaysNothing()
    {
        var (_, scene) = await OpenAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => scene.Say(new UserLine("Evening, all.", [], Wren)));

        Assert.Equal(0, (await scene.Status()).Turn);
    }
}
