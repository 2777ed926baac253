using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WorldPlay.Client;
using WorldPlay.Core.Scenes;
using WorldPlay.Evaluation.Scenarios;
using WorldPlay.Evaluation.SelfPlay;
using WorldPlay.Evaluation.Tests.Scenarios;
using WorldPlay.Evaluation.Transcripts;
using WorldPlay.Hosting;

namespace WorldPlay.Evaluation.Tests.SelfPlay;

/// <summary>Imported two-person scenarios are played as their source benchmark plays them: the scenario's opening message is the
/// NPC's turn 1, then user and NPC strictly in turn. Played end to end on an embedded silo, as <c>worldplay bench run</c> plays
/// them, over RPBench-Auto's held-out records 40-79 (run, never tuned to) and a development record of every imported format.</summary>
public sealed class ProtocolFidelityTests
{
    private const int Turns = 6;

    /// <summary>Plays every scenario of <paramref name="scenarios"/> once against the slow-burn user and returns each session's
    /// transcript as the bench writes it, with the sessions that failed.</summary>
    private static async Task<(ImmutableArray<(SelfPlaySession Session, Transcript Transcript)> Played, SelfPlayResult Result)> RunAsync(
        IReadOnlyList<Scenario> scenarios)
    {
        var sessions = SelfPlayPlan.Sessions(scenarios, ["slow-burn"], 1, []);
        var minds = new SessionMinds("procedural", "procedural", null, null);
        var folder = Directory.CreateTempSubdirectory("worldplay-protocol-");
        using var host = await WorldPlaySilo.StartEmbeddedAsync(minds: minds.Catalog());
        try
        {
            var client = new WorldPlayClient(host.Services.GetRequiredService<IGrainFactory>());
            var player = new RecordingPlayer(new GrainSessionPlayer(client, minds));
            var result = await SelfPlayRun.RunAsync(sessions, player, Turns, 8, folder.FullName);
            return ([.. sessions.Where(s => player.Played.ContainsKey(s.Name))
                .Select(s => (s, SessionTranscript.From(s, player.Played[s.Name])))], result);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            folder.Delete(recursive: true);
        }
    }

    /// <summary>What is wrong with <paramref name="transcript"/> as a one-to-one benchmark session, or null: turn 1 must be the
    /// opening message spoken by the NPC, and every line after it must alternate user and NPC.</summary>
    private static string? Deviation(Scenario scenario, Transcript transcript)
    {
        var npc = scenario.World.Entities.First(e => e.Id == scenario.Npc).Name;
        var lines = transcript.Lines;
        if (lines.Length != Turns)
        {
            return $"{lines.Length} turns, expected {Turns}";
        }
        if ((lines[0].Turn, lines[0].Speaker, lines[0].Role, lines[0].Text) != (1, npc, SpeakerRole.Npc, scenario.OpeningMessage!.Trim()))
        {
            return $"turn 1 is {lines[0].Role} {lines[0].Speaker}: '{lines[0].Text}', expected the opening by {npc}";
        }
        var roles = string.Join(",", lines.Select(l => l.Role));
        var expected = string.Join(",", lines.Select((_, i) => i % 2 == 0 ? SpeakerRole.Npc : SpeakerRole.User));
        return roles == expected ? null : $"roles {roles}, expected {expected}";
    }

    private static async Task AssertPlayedAsTheSourcePlaysItAsync(IReadOnlyList<Scenario> scenarios)
    {
        var (played, result) = await RunAsync(scenarios);

        var failures = result.Failed.Select(f => $"{f.Name}: failed: {f.Error}")
            .Concat(played.Select(p => Deviation(p.Session.Scenario, p.Transcript) is { } why ? $"{p.Session.Name}: {why}" : null)
                .OfType<string>())
            .Concat(scenarios.Where(s => !played.Any(p => p.Session.Scenario.Id == s.Id)).Select(s => $"{s.Id}: not played"));
        Assert.Equal("", string.Join("\n", failures));
    }

    [Fact]
    public async Task Run_HeldOutScenes40To79_EverySessionOpensWithTheOpeningAndAlternatesStrictly()
    {
        var scenarios = ScenarioSource.Load(TestData.Scenes, limit: 40, offset: 40).Scenarios;
        Assert.Equal(40, scenarios.Count(s => s.OpeningMessage is not null));

        await AssertPlayedAsTheSourcePlaysItAsync(scenarios);
    }

    [Fact]
    public async Task Run_HeldOutCharacters40To79_EverySessionOpensWithTheOpeningAndAlternatesStrictly()
    {
        var scenarios = ScenarioSource.Load(TestData.Characters, limit: 40, offset: 40).Scenarios;
        Assert.Equal(40, scenarios.Count(s => s.OpeningMessage is not null));

        await AssertPlayedAsTheSourcePlaysItAsync(scenarios);
    }

    /// <summary>Passes sessions to <paramref name="inner"/> and keeps what each played.</summary>
    private sealed class RecordingPlayer(ISessionPlayer inner) : ISessionPlayer
    {
        public ConcurrentDictionary<string, ImmutableArray<TurnRecord>> Played { get; } = new();

        public async Task<ImmutableArray<TurnRecord>> PlayAsync(SelfPlaySession session, int turns, CancellationToken cancellationToken)
        {
            var records = await inner.PlayAsync(session, turns, cancellationToken);
            Played[session.Name] = records;
            return records;
        }
    }
}
