using System.Collections.Immutable;
using WorldPlay.Core;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Scenes;
using WorldPlay.Evaluation.Scenarios;
using WorldPlay.Synthesis.Output;
using WorldPlay.Synthesis.Rows;
using WorldPlay.Synthesis.Sessions;
using WorldPlay.Synthesis.Tests.Planning;

namespace WorldPlay.Synthesis.Tests.Output;

/// <summary>A session built by hand: six turns in two reviewed segments, the second flagged and not rewritten; turn 3 ranked
/// among a clean kept reply, a worse loser and a tie, turn 5 kept with a finding over a worse loser.</summary>
public sealed class SessionRowBuilderTests
{
    private static readonly Scenario Scene = PlanningScenarios.RpBench(0, 1)[0];

    private static TurnRecord Turn(int turn, bool npc, string speech, string mind = "procedural") => new(
        turn, npc ? Scene.Npc : Scene.User, npc ? Scene.World.PersonaOf(Scene.Npc)!.Name : Scene.World.PersonaOf(Scene.User)!.Name,
        npc ? TurnRole.Npc : TurnRole.User, speech, "", [], [], new MindUsage(mind, 0, 0), 0, 0);

    private static ReplyCandidate Reply(string world, string text, double score, params string[] findings) =>
        new(world, $"{world}/scene", text, score, [.. findings]);

    private static SynthesizedSession Session()
    {
        var job = new SynthesisJob("job-1", Scene, "procedural", "slow-burn", 1);
        ImmutableArray<TurnRecord> turns =
        [
            Turn(1, true, "You came back.", "script"), Turn(2, false, "I did. Can we talk about the project?"),
            Turn(3, true, "Fine. Sit down, then."), Turn(4, false, "Thanks. What happened at dinner?"),
            Turn(5, true, "Dinner went badly, as you saw."), Turn(6, false, "I remember the shouting."),
        ];
        ImmutableArray<ChatTurn> prompt = [new(ChatTurn.Assistant, "You came back."), new(ChatTurn.User, "I did.", "User")];
        var candidates = ImmutableArray.Create(
            new TurnCandidates(3, Scene.Npc.Value, "SYSTEM-3", prompt, Reply("w", "Fine. Sit down, then.", 0),
                [Reply("w-t3-r2", "Fine fine fine.", 2, "basics.repetition"), Reply("w-t3-r1", "Sit.", 0)]),
            new TurnCandidates(5, Scene.Npc.Value, "SYSTEM-5", prompt, Reply("w", "Dinner went badly, as you saw.", 3, "prefs.no_hook"),
                [Reply("w-t5-r1", "Dinner.", 5, "prefs.no_hook", "diversity.filler")]));
        ImmutableArray<SegmentReview> reviews =
        [
            new(1, 4, [], false, null, null), new(5, 6, ["prefs.no_hook"], false, null, null),
        ];
        return new SynthesizedSession(job, [new SynthesisRound(1, "w", "w/scene", 0, turns, candidates, reviews)]);
    }

    [Fact]
    public void Build_FlaggedSegment_GivesNoChatSample()
    {
        var rows = SessionRowBuilder.Build(Session());

        Assert.Equal([3], rows.Chat.Select(c => c.Source.Turn));
    }

    [Fact]
    public void Build_ChatSample_EndsWithTheKeptReplyAsAssistant()
    {
        var sample = SessionRowBuilder.Build(Session()).Chat.Single();

        Assert.Equal((ChatTurn.Assistant, "Fine. Sit down, then.", "SYSTEM-3"), (sample.Messages[^1].Role, sample.Messages[^1].Content,
            sample.System));
    }

    [Fact]
    public void Build_Pairs_OnlyLosersThatScoredWorse()
    {
        var rows = SessionRowBuilder.Build(Session());

        Assert.Equal(["Fine fine fine.", "Dinner."], rows.Pairs.Select(p => p.Rejected));
    }

    [Fact]
    public void Build_Kto_KeptCleanIsTheOnlyDesirableRow()
    {
        var rows = SessionRowBuilder.Build(Session());

        Assert.Equal(["Fine. Sit down, then."], rows.Kto.Where(k => k.Label).Select(k => k.Completion));
    }

    [Fact]
    public void Build_Kto_KeptWithFindingAndWorseLosersAreUndesirable()
    {
        var rows = SessionRowBuilder.Build(Session());

        Assert.Equal(3, rows.Kto.Count(k => !k.Label));
    }

    [Fact]
    public void Build_Rows_CarryTheirWorldTurnAndUserGroup()
    {
        var pair = SessionRowBuilder.Build(Session()).Pairs[0];

        Assert.Equal(("rpbench-scenes-0", "w", 3, "slow-burn", 1), (pair.Source.Scenario, pair.Source.World, pair.Source.Turn,
            pair.Source.Group, pair.Source.Round));
    }

    [Fact]
    public void FirstSample_RegenerationWon_IsTheReplyPlayedFirst()
    {
        var c = new TurnCandidates(7, "marco", "", [], Reply("w-t7-r2", "b", 0) with { Sample = 2 },
            [Reply("w", "a", 2), Reply("w-t7-r1", "c", 3) with { Sample = 1 }]);

        Assert.Equal("a", SynthesisReportBuilder.FirstSample(c)!.Text);
    }
}
