using WorldPlay.Client;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Scenes;
using WorldPlay.Core.Worlds;

namespace WorldPlay.Grains.Tests;

/// <summary>A scene opened as a one-to-one benchmark plays it: a scripted opening line as turn 1, then the user and the characters
/// strictly in turn.</summary>
[Collection(ClusterCollection.Name)]
public sealed class OpeningLineTests(ClusterFixture fixture)
{
    private static readonly EntityId Mira = "mira";
    private static readonly EntityId Wren = "wren";
    private const string Opening = "Wren, you're soaked. Sit by the fire and tell me who sent you.";

    /// <summary>The harbor scene, its user Wren played by <paramref name="userMind"/> (null: a person).</summary>
    private async Task<(WorldHandle World, SceneHandle Scene, ISceneGrain Grain)> OpenAsync(
        string? userMind, Alternation alternation, ScriptedLine? opening)
    {
        var definition = WorldFiles.Load("harbor");
        var spec = definition.Scenes[0];
        var key = $"harbor-opening-{Guid.NewGuid():N}";
        var world = await fixture.Client.CreateWorldAsync(key, definition);
        var scene = await fixture.Client.OpenSceneAsync($"{key}/{spec.Id}",
            new SceneOptions(key, spec.Id, 11, "procedural", userMind, null, 1200, alternation, opening));
        return (world, scene, fixture.Cluster.Client.GetGrain<ISceneGrain>(scene.Key));
    }

    [Fact]
    public async Task Play_StrictWithAnOpeningLine_TurnOneIsTheLineSpokenByItsSpeaker()
    {
        var (_, scene, _) = await OpenAsync("user-sim:slow-burn", Alternation.Strict, new ScriptedLine(Mira, Opening));

        var first = (await Scenes.PlayAsync(scene, 1))[0];

        Assert.Equal((1, Mira, TurnRole.Npc, Opening, "script", Opening),
            (first.Turn, first.Speaker, first.Role, first.Speech, first.Usage.Mind,
                first.Accepted.Select(e => e.Change).OfType<Spoke>().Single().Text));
    }

    [Fact]
    public async Task Play_StrictInAnEnsembleOfSix_AlternatesCharacterAndUserForThirtyTurns()
    {
        var (_, scene, _) = await OpenAsync("user-sim:fast-plot", Alternation.Strict, new ScriptedLine(Mira, Opening));

        var turns = await Scenes.PlayAsync(scene, 30);

        Assert.Equal(
            string.Join(",", Enumerable.Range(1, 30).Select(t => t % 2 == 1 ? TurnRole.Npc : TurnRole.User)),
            string.Join(",", turns.Select(t => t.Role)));
    }

    [Fact]
    public async Task Play_StrictWithoutAnOpeningLine_ACharacterOpens()
    {
        var (_, scene, _) = await OpenAsync("user-sim:slow-burn", Alternation.Strict, null);

        var turns = await Scenes.PlayAsync(scene, 4);

        Assert.Equal("Npc,User,Npc,User", string.Join(",", turns.Select(t => t.Role)));
    }

    [Fact]
    public async Task Say_StrictWithAnOpeningLine_PlaysTheOpeningThenTheUserThenOneReply()
    {
        var (_, scene, _) = await OpenAsync(null, Alternation.Strict, new ScriptedLine(Mira, Opening));

        var first = await scene.SayAsync("The harbor master sent me, with a letter.");
        var second = await scene.SayAsync("It is for Oren. Where is he?");

        Assert.Equal(("Mira:Npc,Wren:User,Npc", "Wren:User,Npc"),
            (string.Join(",", first.Select((t, i) => i < 2 ? $"{t.SpeakerName.Split(' ')[0]}:{t.Role}" : $"{t.Role}")),
                string.Join(",", second.Select((t, i) => i == 0 ? $"{t.SpeakerName.Split(' ')[0]}:{t.Role}" : $"{t.Role}"))));
    }

    [Fact]
    public async Task Play_EnsembleWithAnOpeningLine_OpensWithItAndTheUserAnswers()
    {
        var (_, scene, _) = await OpenAsync("user-sim:slow-burn", Alternation.Ensemble, new ScriptedLine(Mira, Opening));

        var turns = await Scenes.PlayAsync(scene, 2);

        Assert.Equal((Opening, Wren), (turns[0].Speech, turns[1].Speaker));
    }

    [Fact]
    public async Task Play_AnOpeningLineNamingAForbiddenConcept_IsJudgedByTheLawsLikeAnyLine()
    {
        var (world, scene, _) = await OpenAsync(
            "user-sim:slow-burn", Alternation.Strict, new ScriptedLine(Mira, "Put that telephone down, stranger."));

        var first = (await Scenes.PlayAsync(scene, 1))[0];

        Assert.Equal((0, true), (first.Accepted.Count(e => e.Change is Spoke), first.Rejected.Any(r => r.Reason.Contains("telephone"))));
    }

    [Fact]
    public async Task Open_AnOpeningLineSpokenByTheUser_IsRefusedNamingTheCast()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => OpenAsync("user-sim:slow-burn", Alternation.Strict, new ScriptedLine(Wren, Opening)));

        Assert.Contains("the cast: mira, tomas", error.Message);
    }
}
