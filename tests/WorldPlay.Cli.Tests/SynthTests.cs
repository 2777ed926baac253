using System.Text.Json.Nodes;
using WorldPlay.Synthesis.Rows;

namespace WorldPlay.Cli.Tests;

/// <summary>One small <c>worldplay synth</c> run on the embedded silo with the procedural minds, shared by the tests that read
/// what it wrote.</summary>
public sealed class SynthRun : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public SynthRun()
    {
        Out = _scratch.File("synth");
        Run = CliRun.Of("synth", "--scenarios", SharedData.Path("rpbench-auto", "scenes.jsonl"), "--limit", "3", "--sessions", "3",
            "--turns", "12", "--best-of", "2", "--rounds", "2", "--review-every", "6", "--concurrency", "3", "--out", Out, "--json")
            .GetAwaiter().GetResult();
    }

    public string Out { get; }

    internal CliRun Run { get; }

    public string File(params string[] parts) => Path.Combine([Out, .. parts]);

    public void Dispose() => _scratch.Dispose();
}

public sealed class SynthTests(SynthRun synth) : IClassFixture<SynthRun>
{
    private static string Scenes => SharedData.Path("rpbench-auto", "scenes.jsonl");

    [Fact]
    public void Synth_SmallRun_ExitsZero()
    {
        Assert.Equal(0, synth.Run.ExitCode);
    }

    [Fact]
    public void Synth_SmallRun_WritesEveryFile()
    {
        string[] files = ["chat.sharegpt.jsonl", "chat.openai.jsonl", "pairs.jsonl", "kto.jsonl", "synth.json", "synth.html"];

        Assert.DoesNotContain(files, f => !File.Exists(synth.File(f)));
    }

    [Fact]
    public void Synth_SmallRun_WritesRawAndKeptTranscriptsPerJob()
    {
        Assert.Equal((3, 6), (Directory.GetFiles(synth.File("transcripts", "raw"), "*.jsonl").Length,
            Directory.GetFiles(synth.File("transcripts", "kept"), "*.jsonl").Length));
    }

    [Fact]
    public void Synth_Json_StdoutParsesWithTheMisalignmentOfBothRuns()
    {
        var json = synth.Run.Json;

        Assert.Equal((3, true, true), ((int)json["jobs"]!, json.ContainsKey("rawMisaligned"), json.ContainsKey("keptMisaligned")));
    }

    [Fact]
    public void Synth_SynthJson_HoldsDispersionBeforeAndAfter()
    {
        var report = JsonNode.Parse(File.ReadAllText(synth.File("synth.json")))!.AsObject();

        var dispersion = report["plan"]!["dispersion"]!.AsObject();
        Assert.Equal(((JsonArray)dispersion["before"]!).Count, ((JsonArray)dispersion["after"]!).Count);
    }

    [Fact]
    public void Synth_SynthHtml_IsSelfContained()
    {
        var html = File.ReadAllText(synth.File("synth.html"));

        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
    }

    [Fact]
    public void Synth_ChatRows_AreShareGptWithASystemTurnFirst()
    {
        var row = JsonNode.Parse(File.ReadLines(synth.File("chat.sharegpt.jsonl")).First())!.AsObject();

        Assert.Equal("system", (string)row["conversations"]![0]!["from"]!);
    }

    [Theory]
    [InlineData("chat.sharegpt.jsonl", TrainingRowFormat.ShareGpt)]
    [InlineData("chat.openai.jsonl", TrainingRowFormat.OpenAiMessages)]
    [InlineData("pairs.jsonl", TrainingRowFormat.Dpo)]
    [InlineData("kto.jsonl", TrainingRowFormat.Kto)]
    public void Synth_EveryRow_HasItsDocumentedShape(string file, TrainingRowFormat format)
    {
        var rows = File.ReadLines(synth.File(file)).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();

        Assert.NotEmpty(rows);
        Assert.Empty(rows.SelectMany((row, i) => TrainingRowShapes.Validate(row, format).Select(p => $"row {i + 1}: {p}")));
    }

    [Fact]
    public void Synth_Pairs_HavePromptChosenAndRejected()
    {
        var row = JsonNode.Parse(File.ReadLines(synth.File("pairs.jsonl")).First())!.AsObject();

        Assert.Equal((true, true, true), (row.ContainsKey("prompt"), row.ContainsKey("chosen"), row.ContainsKey("rejected")));
    }

    [Fact]
    public async Task Synth_KeptTranscripts_BenchScoreReadsThem()
    {
        using var scratch = new ScratchFolder();
        var run = await CliRun.Of(["bench", "score", .. Directory.GetFiles(synth.File("transcripts", "kept"), "*.jsonl"), "--out",
            scratch.File("report")]);

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task Synth_Help_TeachesWithAnExample()
    {
        var run = await CliRun.Of("synth", "--help");

        Assert.Contains("worldplay synth --scenarios", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Synth_MissingScenariosFile_OneLineExitTwoNothingWritten()
    {
        using var scratch = new ScratchFolder();
        var outDir = scratch.File("s");
        var run = await CliRun.Of("synth", "--scenarios", scratch.File("nope.jsonl"), "--sessions", "2", "--out", outDir);

        Assert.Equal((2, 1, false), (run.ExitCode, run.ErrorLines.Length, Directory.Exists(outDir)));
    }

    [Fact]
    public async Task Synth_ZeroSessions_ExitTwoNothingWritten()
    {
        using var scratch = new ScratchFolder();
        var outDir = scratch.File("s");
        var run = await CliRun.Of("synth", "--scenarios", Scenes, "--sessions", "0", "--out", outDir);

        Assert.Equal((2, false), (run.ExitCode, Directory.Exists(outDir)));
    }

    [Fact]
    public async Task Synth_UnknownStyle_OneLineNamingItExitTwo()
    {
        using var scratch = new ScratchFolder();
        var outDir = scratch.File("s");
        var run = await CliRun.Of("synth", "--scenarios", Scenes, "--sessions", "2", "--styles", "procedural,baroque", "--out", outDir);

        Assert.Equal((2, 1, true, false), (run.ExitCode, run.ErrorLines.Length, run.Error.Contains("baroque", StringComparison.Ordinal),
            Directory.Exists(outDir)));
    }

    [Fact]
    public async Task Synth_UnknownUserProfile_OneLineNamingItExitTwo()
    {
        using var scratch = new ScratchFolder();
        var outDir = scratch.File("s");
        var run = await CliRun.Of("synth", "--scenarios", Scenes, "--sessions", "2", "--users", "slow-burn,chatty", "--out", outDir);

        Assert.Equal((2, 1, true, false), (run.ExitCode, run.ErrorLines.Length, run.Error.Contains("chatty", StringComparison.Ordinal),
            Directory.Exists(outDir)));
    }

    [Fact]
    public async Task Synth_OpenAiWithoutEndpoint_OneLineExitTwo()
    {
        using var scratch = new ScratchFolder();
        var outDir = scratch.File("s");
        var run = await CliRun.Of(
            "synth", "--scenarios", Scenes, "--sessions", "2", "--mind", "openai", "--model", "fake", "--out", outDir);

        Assert.Equal((2, 1, false), (run.ExitCode, run.ErrorLines.Length, Directory.Exists(outDir)));
    }

    [Fact]
    public async Task Synth_NonEmptyOutWithoutForce_ExitTwoAndLeavesItAlone()
    {
        using var scratch = new ScratchFolder();
        var outDir = Directory.CreateDirectory(scratch.File("s")).FullName;
        File.WriteAllText(Path.Combine(outDir, "keep.txt"), "mine");
        var run = await CliRun.Of("synth", "--scenarios", Scenes, "--sessions", "2", "--out", outDir);

        Assert.Equal((2, "keep.txt"), (run.ExitCode, string.Join(",", Directory.GetFiles(outDir).Select(Path.GetFileName))));
    }
}
