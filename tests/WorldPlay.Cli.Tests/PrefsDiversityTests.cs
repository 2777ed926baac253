using System.CommandLine;
using WorldPlay.Cli.Preferences;

namespace WorldPlay.Cli.Tests;

/// <summary>'worldplay prefs diversity A B' on small transcript sets, run through the worldplay command.</summary>
public sealed class PrefsDiversityTests
{
    internal const string Varied = """
        {"turn": 1, "speaker": "Wren", "role": "user", "text": "Is the stew ready?"}
        {"turn": 2, "speaker": "Mira", "role": "npc", "text": "Nearly, the barley wants ten minutes."}
        {"turn": 3, "speaker": "Wren", "role": "user", "text": "And the bread?"}
        {"turn": 4, "speaker": "Mira", "role": "npc", "text": "Baked at dawn; Tomas burnt the first loaf again."}
        {"turn": 5, "speaker": "Wren", "role": "user", "text": "Poor Tomas."}
        {"turn": 6, "speaker": "Tomas", "role": "npc", "text": "I heard that! The oven runs hot, everyone knows it."}
        """;

    internal const string Collapsed = """
        {"turn": 1, "speaker": "Wren", "role": "user", "text": "Is the stew ready?"}
        {"turn": 2, "speaker": "Mira", "role": "npc", "text": "Of course, dear traveler, of course."}
        {"turn": 3, "speaker": "Wren", "role": "user", "text": "And the bread?"}
        {"turn": 4, "speaker": "Mira", "role": "npc", "text": "Of course, dear traveler, of course."}
        {"turn": 5, "speaker": "Wren", "role": "user", "text": "Poor Tomas."}
        {"turn": 6, "speaker": "Mira", "role": "npc", "text": "Of course, dear traveler."}
        """;

    [Fact]
    public async Task Diversity_CollapsedReplies_SaysStopEarly()
    {
        using var scratch = new ScratchFolder();
        var run = await Run(scratch.Write("a.jsonl", Varied), scratch.Write("b.jsonl", Collapsed));

        Assert.Contains("early stop: yes, unigram and bigram and opener entropy dropped more than 10%", run.Output,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diversity_TwoFiles_PrintsBothColumnsExitZero()
    {
        using var scratch = new ScratchFolder();
        var run = await Run(scratch.Write("a.jsonl", Varied), scratch.Write("b.jsonl", Collapsed));

        // Three replies each; distinct-1: 23 of 25 words before ("the" thrice), 4 of 16 after.
        Assert.Equal((0, "replies                     3          3          0",
            "distinct-1             0.9200     0.2500    -0.6700"),
            (run.ExitCode, Line(run.Output, "replies"), Line(run.Output, "distinct-1")));
    }

    [Fact]
    public async Task Diversity_LongSpeakerName_FiguresStayInTheirColumns()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("a.jsonl", Varied.Replace("\"Tomas\", \"role\"", "\"Tomas the Elder of Harbor Row\", \"role\"",
            StringComparison.Ordinal));
        var run = await Run(file, file);

        // A speaker's line has the A and B columns but no change column (11 characters) and no blank to trim.
        Assert.Equal(Line(run.Output, "replies").Length - 11, Line(run.Output, "speaker Tomas the Elder of Harbor Row").Length);
    }

    [Fact]
    public async Task Diversity_SameSet_NoEarlyStop()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("a.jsonl", Varied);
        var run = await Run(file, file);

        Assert.Contains("early stop: no, no entropy dropped more than 10%", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diversity_HighThreshold_KeepsTraining()
    {
        using var scratch = new ScratchFolder();
        var run = await Run(scratch.Write("a.jsonl", Varied), scratch.Write("b.jsonl", Collapsed), "--threshold", "100");

        Assert.Contains("early stop: no, no entropy dropped more than 100%", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diversity_Json_ComparisonWithVerdictOnly()
    {
        using var scratch = new ScratchFolder();
        var run = await Run(scratch.Write("a.jsonl", Varied), scratch.Write("b.jsonl", Collapsed), "--json");

        var comparison = run.Json["comparison"]!;
        Assert.Equal((true, 3, 3, "opener"),
            (comparison["earlyStop"]!.GetValue<bool>(), comparison["before"]!["replies"]!.GetValue<int>(),
            comparison["after"]!["replies"]!.GetValue<int>(), comparison["stoppedBy"]![2]!.GetValue<string>()));
    }

    [Fact]
    public async Task Diversity_Folders_ReadsEveryTranscriptAndRunFolders()
    {
        using var scratch = new ScratchFolder();
        Directory.CreateDirectory(scratch.File("a"));
        Directory.CreateDirectory(scratch.File("run/transcripts"));
        scratch.Write("a/s1.jsonl", Varied);
        scratch.Write("a/s2.jsonl", Collapsed);
        scratch.Write("run/transcripts/s1.jsonl", Varied);
        var run = await Run(scratch.File("a"), scratch.File("run"), "--json");

        Assert.Equal((2, 1, 6), (run.Json["sessionsA"]!.GetValue<int>(), run.Json["sessionsB"]!.GetValue<int>(),
            run.Json["comparison"]!["before"]!["replies"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Diversity_MissingSet_OneErrorLineExitTwo()
    {
        using var scratch = new ScratchFolder();
        var run = await Run(scratch.Write("a.jsonl", Varied), scratch.File("nowhere"));

        Assert.Equal((2, 1, ""), (run.ExitCode, run.ErrorLines.Length, run.Output));
    }

    [Fact]
    public async Task Diversity_EmptyFolder_SaysNoTranscripts()
    {
        using var scratch = new ScratchFolder();
        Directory.CreateDirectory(scratch.File("empty"));
        var run = await Run(scratch.File("empty"), scratch.Write("b.jsonl", Varied));

        Assert.StartsWith("error: No *.jsonl transcripts in", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diversity_BadTranscript_NamesLineAndFieldExitTwo()
    {
        using var scratch = new ScratchFolder();
        var bad = scratch.Write("bad.jsonl", "{\"turn\": 1, \"speaker\": \"Mira\", \"role\": \"robot\", \"text\": \"Hi.\"}");
        var run = await Run(scratch.Write("a.jsonl", Varied), bad);

        Assert.Equal((2, "error: bad.jsonl: line 1, field 'role': 'robot' is not a role; use npc, user or narrator"),
            (run.ExitCode, run.ErrorLines.Single()));
    }

    [Fact]
    public void Diversity_NegativeThreshold_RefusedWhenParsed()
    {
        var root = new RootCommand { PrefsDiversityCommand.Create(TextWriter.Null, TextWriter.Null) };

        var errors = root.Parse(["diversity", "a", "b", "--threshold", "-5"]).Errors;

        Assert.Equal("--threshold is a drop in percent, a number ≥ 0 such as 10 (got -5).", errors.Single().Message);
    }

    [Fact]
    public async Task Diversity_Help_TeachesWithAnExample()
    {
        var run = await Run("--help");

        Assert.Contains("worldplay prefs diversity runs/step-0/transcripts", run.Output, StringComparison.Ordinal);
    }

    private static Task<CliRun> Run(params string[] args) => CliRun.Of(["prefs", "diversity", .. args]);

    private static string Line(string output, string figure) =>
        output.Split('\n').Single(l => l.StartsWith(figure + " ", StringComparison.Ordinal)).TrimEnd();
}
