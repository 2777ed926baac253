using System.Text.Json.Nodes;
using WorldPlay.Client;
using WorldPlay.Contracts;

namespace WorldPlay.Grains.Tests;

/// <summary>Regenerating a turn plays it again on a sibling branch; choosing between the replies is a preference signal.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RegenerateTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Regenerate_LastTurn_SiblingHasADifferentReplyFromTheSameSpeaker()
    {
        var (_, scene, _) = await PlayedToASpokenTurnAsync(61);

        var alternatives = await scene.RegenerateAsync();

        Assert.Equal(2, alternatives.Candidates.Length);
        Assert.Equal(alternatives.Candidates[0].Turn.Speaker, alternatives.Candidates[1].Turn.Speaker);
        Assert.NotEqual(alternatives.Candidates[0].Turn.Speech, alternatives.Candidates[1].Turn.Speech);
    }

    [Fact]
    public async Task Regenerate_Sibling_IsABranchOneTurnBackInTheFamily()
    {
        var (world, scene, turn) = await PlayedToASpokenTurnAsync(62);

        var sibling = (await scene.RegenerateAsync()).Candidates[1];
        var entry = (await world.BranchesAsync()).Single(b => b.Key == sibling.World);

        Assert.Equal((world.Key, turn - 1, BranchKind.Regenerated), (entry.Origin.Parent, entry.Origin.Turn, entry.Kind));
    }

    [Fact]
    public async Task Regenerate_Twice_OriginKeepsThreeAlternatives()
    {
        var (_, scene, _) = await PlayedToASpokenTurnAsync(63);

        var first = await scene.RegenerateAsync();
        var second = await fixture.Client.Scene(first.Candidates[1].Scene).RegenerateAsync();

        Assert.Equal((scene.Key, 3), (second.Origin, second.Candidates.Length));
    }

    [Fact]
    public async Task Choose_Sibling_RecordsChosenAndRejectedReplies()
    {
        var (world, scene, turn) = await PlayedToASpokenTurnAsync(64);
        var alternatives = await scene.RegenerateAsync();

        await scene.ChooseAsync(alternatives.Candidates[1]);
        var stored = (await world.PreferencesAsync()).Single();

        Assert.Equal(
            (world.Key, turn, alternatives.Candidates[1].Turn.Speech, alternatives.Candidates[0].Turn.Speech),
            (stored.Root, stored.Turn, stored.Chosen.Text, stored.Rejected.Single().Text));
    }

    [Fact]
    public async Task ExportPreferences_OneChoiceBetweenTwo_WritesOnePairWithPromptChosenRejected()
    {
        var (world, scene, turn) = await PlayedToASpokenTurnAsync(65);
        var alternatives = await scene.RegenerateAsync();
        await scene.ChooseAsync(alternatives.Candidates[0]);
        var writer = new StringWriter();

        await world.ExportPreferencesAsync(writer);
        var line = JsonNode.Parse(writer.ToString().Trim())!;

        Assert.Equal(
            (alternatives.Candidates[0].Turn.Speech, alternatives.Candidates[1].Turn.Speech, world.Key, turn, true),
            ((string)line["chosen"]!, (string)line["rejected"]!, (string)line["world"]!, (int)line["turn"]!,
                ((string)line["prompt"]!).Length > 0));
    }

    [Fact]
    public async Task Choose_Sibling_SceneGoesOnFromTheChosenReply()
    {
        var (_, scene, turn) = await PlayedToASpokenTurnAsync(66);
        var alternatives = await scene.RegenerateAsync();

        var (chosen, _) = await scene.ChooseAsync(alternatives.Candidates[1]);
        await Scenes.PlayAsync(chosen, 3);
        var transcript = await chosen.TurnsAsync(turn, 10);

        Assert.Equal((alternatives.Candidates[1].Turn.Speech, turn + 3), (transcript[0].Speech, transcript[^1].Turn));
    }

    /// <summary>A scene played until its last turn is a character's spoken line.</summary>
    private async Task<(WorldHandle World, SceneHandle Scene, int Turn)> PlayedToASpokenTurnAsync(int seed)
    {
        var (world, scene, _) = await Scenes.OpenAsync(fixture.Client, seed: seed);
        var played = await Scenes.PlayAsync(scene, 6);
        while (played[^1].Role != Core.Scenes.TurnRole.Npc || played[^1].Speech.Length == 0)
        {
            played = await Scenes.PlayAsync(scene, 1);
        }
        return (world, scene, played[^1].Turn);
    }
}
