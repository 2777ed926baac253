using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WorldPlay.Evaluation.Scenarios;
using WorldPlay.Evaluation.SelfPlay;
using WorldPlay.Evaluation.Tests.Scenarios;
using WorldPlay.Client;
using WorldPlay.Core.Scenes;
using WorldPlay.Hosting;

namespace WorldPlay.Evaluation.Tests.SelfPlay;

/// <summary>A session played on an embedded silo through the client library, as <c>worldplay bench run</c> plays it.</summary>
public sealed class GrainSessionPlayerTests
{
    [Fact]
    public async Task PlayAsync_SituationFromFile_OpeningThenFileUserAndNpcTakeTurns()
    {
        var scene = ScenarioSource.Load(TestData.Scenes, limit: 1).Scenarios[0];
        var fromFile = SelfPlayPlan.Playable(AdversarialSituations.Load(TestData.Situations));
        var session = SelfPlayPlan.Sessions([scene], ["adversarial"], 1, fromFile)[0];
        var minds = new SessionMinds("procedural", "procedural", null, fromFile);
        using var host = await WorldPlaySilo.StartEmbeddedAsync(minds: minds.Catalog());
        try
        {
            var player = new GrainSessionPlayer(new WorldPlayClient(host.Services.GetRequiredService<IGrainFactory>()), minds);

            var transcript = await player.PlayAsync(session, 4, CancellationToken.None);

            var user = $"user-sim:adversarial:{session.Profile.Situation!.Tag}";
            Assert.Equal(
                [(TurnRole.Npc, "script"), (TurnRole.User, user), (TurnRole.Npc, "procedural"), (TurnRole.User, user)],
                transcript.Select(t => (t.Role, t.Usage.Mind)));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Plays <paramref name="scenario"/> for <paramref name="turns"/> turns against the slow-burn user.</summary>
    private static async Task<List<TurnRecord>> PlayAsync(Scenario scenario, int turns)
    {
        var session = SelfPlayPlan.Sessions([scenario], ["slow-burn"], 1, [])[0];
        var minds = new SessionMinds("procedural", "procedural", null, null);
        using var host = await WorldPlaySilo.StartEmbeddedAsync(minds: minds.Catalog());
        try
        {
            var player = new GrainSessionPlayer(new WorldPlayClient(host.Services.GetRequiredService<IGrainFactory>()), minds);
            return [.. await player.PlayAsync(session, turns, CancellationToken.None)];
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task PlayAsync_CharacterCard_OpensWithItsFirstMessageAndAlternatesStrictly()
    {
        var card = ScenarioSource.Load(TestData.Fixture("cards", "lighthouse-keeper.json")).Scenarios.Single();

        var transcript = await PlayAsync(card, 8);

        Assert.Equal(
            (card.Npc, card.OpeningMessage, "Npc,User,Npc,User,Npc,User,Npc,User"),
            (transcript[0].Speaker, transcript[0].Speech, string.Join(",", transcript.Select(t => t.Role))));
    }

    [Fact]
    public async Task PlayAsync_WorldFileScene_KeepsTheEnsemblePacingWithTheUserFirst()
    {
        var harbor = ScenarioSource.Load("harbor").Scenarios[0];

        var transcript = await PlayAsync(harbor, 30);

        Assert.Equal((TurnRole.User, true), (transcript[0].Role,
            transcript.Zip(transcript.Skip(1)).Any(p => p.First.Role == TurnRole.Npc && p.Second.Role == TurnRole.Npc)));
    }
}
