using System.Collections.Immutable;
using System.Text.Json.Nodes;
using WorldPlay.Core;
using WorldPlay.Evaluation.Transcripts;
using WorldPlay.Minds;

namespace WorldPlay.Cli.Tests;

/// <summary>User-constructed recall in the bench's text output and reports, and every user profile the simulators know on offer to
/// <c>bench run --users</c>.</summary>
public sealed class BenchRecallTests
{
    private static readonly EntityId Wren = new("wren");
    private static readonly EntityId Mira = new("mira");

    /// <summary>In the harbor, Wren creates his sister Lena at Vask (turn 1), then probes three times: the answer to turn 14 puts Lena
    /// on the Long Quay.</summary>
    private static string CoCreatedTranscript()
    {
        var seq = 0L;
        WorldEvent Event(int turn, EntityId actor, WorldChange change) =>
            new(++seq, turn, 1200 + turn, actor, new EntityId("gull-and-kettle"), change, [], [actor == Wren ? Mira : Wren]);
        TranscriptLine User(int turn, string text, params WorldChange[] more) =>
            new(turn, "Wren", SpeakerRole.User, text, [Event(turn, Wren, new Spoke(text, [])), .. more.Select(c => Event(turn, Wren, c))]);
        TranscriptLine Npc(int turn, string text) => new(turn, "Mira", SpeakerRole.Npc, text, [Event(turn, Mira, new Spoke(text, []))]);
        var vask = new EntityId("vask");
        var lena = new EntityId("lena");
        var text = new StringWriter();
        text.WriteLine("{\"world\": \"harbor\"}");
        new TranscriptWriter(text).WriteAll(
        [
            User(1, "My sister Lena lives in Vask, up the coast.",
                new EntityCreated(vask, EntityKind.Place, "Vask", [], "A town up the coast.", null, null, EntityStatus.Alive),
                new PathOpened(new EntityId("long-quay"), vask, 600),
                new EntityCreated(lena, EntityKind.Character, "Lena", [], "Wren's sister.", vask, null, EntityStatus.Alive),
                new RelationshipChanged(lena, Wren, "sister-of", 0.9)),
            Npc(2, "Vask? That's a long road."),
            User(12, "Do you remember Lena?"),
            Npc(13, "Your sister Lena, up in Vask. I do."),
            User(14, "Where is Lena now?"),
            Npc(15, "Lena is at the Long Quay, waiting for you."),
            User(16, "Lena sends her love."),
            Npc(17, "How kind."),
        ]);
        return text.ToString();
    }

    [Fact]
    public async Task Score_CoCreatedTranscript_PrintsRecallOverallAndPerSession()
    {
        using var scratch = new ScratchFolder();
        var run = await CliRun.Of("bench", "score", scratch.Write("lena.jsonl", CoCreatedTranscript()), "--out", scratch.File("r"));

        Assert.Contains("user-constructed recall 0.67 (2 of 3 probes)\n  lena: 0.67 (2 of 3 probes)", run.Output.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_CoCreatedTranscript_WrongPlaceIsReferenceConfusion()
    {
        using var scratch = new ScratchFolder();
        await CliRun.Of("bench", "score", scratch.Write("lena.jsonl", CoCreatedTranscript()), "--out", scratch.File("r"));
        var report = JsonNode.Parse(File.ReadAllText(scratch.File("r/report.json")))!;

        var hit = report["worstTurns"]![0]!["hits"]![0]!;
        Assert.StartsWith("logic.reference_confusion: puts Lena in The Long Quay", $"{hit["category"]}: {hit["reason"]}",
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunHelp_Users_OffersEveryProfileTheSimulatorsKnow()
    {
        var run = await CliRun.Of("bench", "run", "--help");

        Assert.All(UserProfile.All.Select(p => p.Name), name => Assert.Contains(name, run.Output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_NoCreations_RecallNotApplicable()
    {
        using var scratch = new ScratchFolder();
        var run = await CliRun.Of("bench", "run", "--scenarios", SharedData.Path("rpbench-auto", "scenes.jsonl"), "--limit", "1",
            "--turns", "6", "--repeats", "1", "--users", "terse", "--out", scratch.File("b"));

        Assert.Contains("user-constructed recall n/a (no probes)", run.Output, StringComparison.Ordinal);
    }
}
