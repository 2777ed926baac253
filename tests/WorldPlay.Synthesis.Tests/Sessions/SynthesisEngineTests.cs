using WorldPlay.Client;
using WorldPlay.Evaluation;
using WorldPlay.Evaluation.Scenarios;
using WorldPlay.Evaluation.SelfPlay;
using WorldPlay.Synthesis.Sessions;

namespace WorldPlay.Synthesis.Tests.Sessions;

/// <summary>The synthesis engine on an embedded silo with the procedural minds (and planted ones that misbehave on cue).</summary>
public sealed class SynthesisEngineTests(SynthesisSilo silo) : IClassFixture<SynthesisSilo>
{
    private SynthesisEngine Engine => new(silo.Grains);

    private static SynthesisJob Job(Scenario scenario, string style = "procedural", int seed = 1, string user = "slow-burn") =>
        new($"{scenario.Id}-s{seed}", scenario, style, user, seed);

    [Fact]
    public async Task BestOfFour_EveryNpcTurn_KeepsTheLowestScoreAndRecordsTheThreeOthers()
    {
        var session = await Engine.RunAsync(Job(SynthesisScenarios.RpBench()), new SynthesisOptions(12, 4, 0, 1), CancellationToken.None);

        var round = Assert.Single(session.Rounds);
        Assert.All(round.Candidates, c => Assert.Equal(
            (3, true, true),
            (c.Rejected.Length, c.Rejected.All(r => r.Score >= c.Kept.Score),
                c.Kept.Text.StartsWith(round.Transcript.Single(t => t.Turn == c.Turn).Speech.Trim(), StringComparison.Ordinal))));
    }

    [Fact]
    public async Task BestOfTwo_FirstReplyOutOfCharacter_KeepsTheRegeneratedReplyOnItsBranch()
    {
        var session = await Engine.RunAsync(
            Job(SynthesisScenarios.RpBench(), SynthesisSilo.PlantedEveryTurn), new SynthesisOptions(8, 2, 0, 1), CancellationToken.None);

        var round = Assert.Single(session.Rounds);
        Assert.All(round.Candidates, c => Assert.Equal(
            (false, PlantedMind.BadLine, true, true),
            (c.Kept.Findings.Contains(BenchCategory.OutOfCharacter), c.Rejected.Single().Text,
                c.Rejected.Single().Findings.Contains(BenchCategory.OutOfCharacter), c.Kept.World.Contains("-r1", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Review_PlantedBadSegment_RewrittenOnABranchThatTheNextRoundStartsFrom()
    {
        var session = await Engine.RunAsync(
            Job(SynthesisScenarios.RpBench(), SynthesisSilo.PlantedSegment), new SynthesisOptions(12, 1, 4, 2), CancellationToken.None);

        var first = session.Rounds[0];
        var planted = first.Reviews.First(r => r.Original.Any(t => t.Speech == PlantedMind.BadLine));
        var lastRewrite = first.Reviews.Last(r => r.Rewritten);
        var lineage = await new WorldPlayClient(silo.Grains).World(session.Rounds[1].World).LineageAsync();
        Assert.Equal(
            (true, true, false, lastRewrite.Rewrite[^1].Turn, true),
            (planted.Findings.Contains(BenchCategory.OutOfCharacter), planted.Rewritten,
                first.Transcript.Any(t => t.Speech == PlantedMind.BadLine), session.Rounds[1].StartTurn,
                lineage.Ancestors.Any(a => a.Parent == planted.World)));
    }

    [Fact]
    public async Task Raw_OneZeroOne_EqualsPlainSelfPlay()
    {
        var scenario = SynthesisScenarios.RpBench(3);
        var selfPlay = SelfPlayPlan.Sessions([scenario], ["slow-burn"], 1, [])[0];
        var minds = new SessionMinds("procedural", "procedural", null, null);
        var player = new GrainSessionPlayer(new WorldPlayClient(silo.Grains), minds);
        var played = await player.PlayAsync(selfPlay, 16, CancellationToken.None);

        var session = await Engine.RunAsync(Job(scenario, seed: selfPlay.Seed), SynthesisOptions.Raw(16), CancellationToken.None);

        Assert.Equal(played.Select(t => (t.Turn, t.SpeakerName, t.Speech)), session.Rounds.Single().Transcript.Select(t => (t.Turn,
            t.SpeakerName, t.Speech)));
    }

    [Fact]
    public async Task SameSeed_TwoRuns_SameTranscriptsCandidatesAndReviews()
    {
        var options = new SynthesisOptions(12, 3, 4, 2);
        var job = Job(SynthesisScenarios.Harbor(), seed: 7);

        var a = await Engine.RunAsync(job, options, CancellationToken.None);
        var b = await Engine.RunAsync(job, options, CancellationToken.None);

        Assert.Equal(Fingerprint(a), Fingerprint(b));
    }

    [Fact]
    public async Task ChineseEnsemble_PlannedRankedAndReviewed_InChinese()
    {
        var scenario = SynthesisScenarios.Teahouse();

        var session = await Engine.RunAsync(Job(scenario, seed: 3), new SynthesisOptions(16, 2, 8, 2), CancellationToken.None);

        var first = session.Rounds[0];
        Assert.Equal(
            (2, true, true, true),
            (session.Rounds.Length, first.Plans.All(p => p.UserLine.Any(c => c >= '\u4e00' && c <= '\u9fff')),
                first.Transcript.Any(t => first.Plans.Any(p => p.UserLine == t.Speech)),
                first.Candidates.Any(c => c.System.Contains("林掌柜", StringComparison.Ordinal) && c.Rejected.Length == 1)));
    }

    [Fact]
    public async Task Candidates_SystemAndPrompt_PersonaAndPerspectiveThenTheLinesBefore()
    {
        var scenario = SynthesisScenarios.RpBench();
        var session = await Engine.RunAsync(Job(scenario), new SynthesisOptions(6, 2, 0, 1), CancellationToken.None);

        var turn = session.Rounds[0].Candidates[^1];
        var npc = scenario.World.Entities.Single(e => e.Id == scenario.Npc).Name;
        Assert.Equal(
            (true, true, false, "user", "assistant"),
            (turn.System.StartsWith($"# You are {npc}", StringComparison.Ordinal), turn.System.Contains("## Where: ", StringComparison.Ordinal),
                turn.System.Contains("## Just said", StringComparison.Ordinal), turn.Prompt[^1].Role, turn.Prompt[^2].Role));
    }

    [Fact]
    public async Task StyleProfile_Lyrical_EveryReplyPlayedByTheStyledMind()
    {
        var session = await Engine.RunAsync(
            Job(SynthesisScenarios.RpBench(), "procedural:lyrical"), new SynthesisOptions(10, 2, 0, 1), CancellationToken.None);

        var replies = session.Rounds[0].Transcript.Where(t => t.Role == Core.Scenes.TurnRole.Npc && t.Usage.Mind != "script").ToList();
        Assert.Equal((true, true), (replies.All(t => t.Usage.Mind == "procedural:lyrical"),
            replies.Any(t => t.Speech.Contains("light over", StringComparison.Ordinal) || t.Speech.Contains("wind", StringComparison.Ordinal)
                || t.Speech.Contains("dust", StringComparison.Ordinal) || t.Speech.Contains("evening leans", StringComparison.Ordinal)
                || t.Speech.Contains("creaks", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task FullSizeJob_SixtyTurnsBestOfFourTwoRounds_PlaysEveryTurnOfBothRounds()
    {
        var session = await Engine.RunAsync(
            Job(SynthesisScenarios.RpBench(5), seed: 2), new SynthesisOptions(60, 4, 10, 2), CancellationToken.None);

        Assert.Equal(
            [60, session.Rounds[1].StartTurn + 60],
            session.Rounds.Select(r => r.Transcript[^1].Turn));
    }

    private static List<string> Fingerprint(SynthesizedSession session) =>
    [
        .. session.Rounds.SelectMany(r => (IEnumerable<string>)
        [
            $"round {r.Number} from {r.StartTurn}",
            .. r.Transcript.Select(t => $"{t.Turn} {t.SpeakerName}: {t.Speech}"),
            .. r.Candidates.Select(c => $"{c.Turn} {c.Kept.Text} {c.Kept.Score} | {string.Join(" | ", c.Rejected.Select(x => x.Text))}"),
            .. r.Reviews.Select(v => $"{v.FromTurn}-{v.ToTurn} {string.Join(",", v.Findings)} {v.Rewritten} {v.Score} {v.RewriteScore}"),
        ]),
    ];
}
