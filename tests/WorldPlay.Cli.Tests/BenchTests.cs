namespace WorldPlay.Cli.Tests;

/// <summary>'worldplay bench score' and 'bench compare' on small transcripts.</summary>
public sealed class BenchTests
{
    private const string Planted = """
        {"world": "harbor"}
        {"turn": 1, "speaker": "Wren", "role": "user", "text": "Is the stew ready?"}
        {"turn": 2, "speaker": "Mira", "role": "npc", "text": "As an AI language model, I cannot taste stew. Do you want some anyway?"}
        {"turn": 3, "speaker": "Wren", "role": "user", "text": "Yes please."}
        {"turn": 4, "speaker": "Mira", "role": "npc", "text": "Here you are, love. Two coppers, and mind it's hot {{user}}."}
        """;

    [Fact]
    public async Task Score_PlantedTranscript_WritesBothReports()
    {
        using var scratch = new ScratchFolder();
        var run = await CliRun.Of("bench", "score", scratch.Write("t.jsonl", Planted), "--out", scratch.File("report"));

        Assert.Equal((0, true, true),
            (run.ExitCode, File.Exists(scratch.File("report/report.json")), File.Exists(scratch.File("report/report.html"))));
    }

    [Fact]
    public async Task Score_PlantedTranscript_ReportsCategoryIds()
    {
        using var scratch = new ScratchFolder();
        var run = await CliRun.Of("bench", "score", scratch.Write("t.jsonl", Planted), "--out", scratch.File("report"));

        Assert.Contains("content.ooc", run.Output, StringComparison.Ordinal);
        Assert.Contains("basics.formatting", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_BadRole_OneErrorLineExitTwo()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("t.jsonl", "{\"turn\": 1, \"speaker\": \"Mira\", \"role\": \"robot\", \"text\": \"Hi.\"}");
        var run = await CliRun.Of("bench", "score", file, "--out", scratch.File("report"));

        Assert.Equal((2, true, false),
            (run.ExitCode, run.Error.StartsWith("error: t.jsonl: line 1, field 'role'", StringComparison.Ordinal),
            Directory.Exists(scratch.File("report"))));
    }

    [Fact]
    public async Task Compare_TwoReports_PrintsLeaderboard()
    {
        using var scratch = new ScratchFolder();
        var clean = Planted.Replace("As an AI language model, I cannot taste stew.", "Nearly, the barley wants ten minutes.",
            StringComparison.Ordinal)
            .Replace(" {{user}}", "", StringComparison.Ordinal);
        await CliRun.Of("bench", "score", scratch.Write("t.jsonl", Planted), "--out", scratch.File("a"));
        await CliRun.Of("bench", "score", scratch.Write("t.jsonl", clean), "--out", scratch.File("b"));
        var run = await CliRun.Of("bench", "compare", scratch.File("a"), scratch.File("b"));

        Assert.Equal((0, true), (run.ExitCode, run.Output.Split('\n')[1].TrimEnd().EndsWith(" b", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Compare_MissingReport_ExitTwo()
    {
        using var scratch = new ScratchFolder();
        var run = await CliRun.Of("bench", "compare", scratch.Path, scratch.Path);

        Assert.Equal(2, run.ExitCode);
    }
}
