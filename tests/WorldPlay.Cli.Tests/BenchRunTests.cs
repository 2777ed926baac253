using System.Text.Json.Nodes;

namespace WorldPlay.Cli.Tests;

/// <summary><c>worldplay bench run</c> on the embedded silo with the procedural minds, over the shared RPBench-Auto scenes.</summary>
public sealed class BenchRunTests
{
    private static string Scenes => SharedData.Path("rpbench-auto", "scenes.jsonl");

    private static Task<CliRun> SmallRun(string outDir, params string[] extra) =>
        CliRun.Of(["bench", "run", "--scenarios", Scenes, "--limit", "2", "--turns", "12", "--repeats", "2", "--concurrency", "4", "--out",
            outDir, .. extra]);

    private static JsonObject RunFile(string outDir) => JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "run.json")))!.AsObject();

    [Fact]
    public async Task Run_SmallRun_ExitsZero()
    {
        using var scratch = new ScratchFolder();
        var run = await SmallRun(scratch.File("b"));

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task Run_SmallRun_WritesBothReportsAndRunFile()
    {
        using var scratch = new ScratchFolder();
        var outDir = scratch.File("b");
        await SmallRun(outDir);

        Assert.All(["report.json", "report.html", "run.json"], name => Assert.True(File.Exists(Path.Combine(outDir, name)), name));
    }

    [Fact]
    public async Task Run_SmallRun_CountsMatchTranscriptsAndReport()
    {
        using var scratch = new ScratchFolder();
        var outDir = scratch.File("b");
        await SmallRun(outDir, "--users", "slow-burn,terse");

        var record = RunFile(outDir);
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")))!.AsObject();
        var discarded = Directory.Exists(Path.Combine(outDir, "discarded"))
            ? Directory.GetFiles(Path.Combine(outDir, "discarded"), "*.jsonl").Length : 0;
        Assert.Equal(
            (8, 8, 0),
            ((int)record["sessions"]!, (int)record["kept"]! + (int)record["discarded"]!, (int)record["failed"]!));
        Assert.Equal(
            ((int)record["kept"]!, (int)record["discarded"]!, (int)record["kept"]!),
            (Directory.GetFiles(Path.Combine(outDir, "transcripts"), "*.jsonl").Length, discarded, (int)report["sessions"]!));
    }

    [Fact]
    public async Task Run_SmallRun_TranscriptStartsWithWorldLine()
    {
        using var scratch = new ScratchFolder();
        var outDir = scratch.File("b");
        await SmallRun(outDir);

        var first = File.ReadLines(Path.Combine(outDir, "transcripts", "rpbench-scenes-0-slow-burn-r1.jsonl")).First();
        Assert.True(JsonNode.Parse(first)!.AsObject().ContainsKey("world"));
    }

    [Fact]
    public async Task Run_SmallRun_PrintsOverallScoreAndWhereReportsAre()
    {
        using var scratch = new ScratchFolder();
        var run = await SmallRun(scratch.File("b"));

        Assert.Contains("overall", run.Output, StringComparison.Ordinal);
        Assert.Contains("report.json", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_AdversarialFromSituationsFile_PlaysIt()
    {
        using var scratch = new ScratchFolder();
        var outDir = scratch.File("b");
        var run = await SmallRun(outDir, "--users", "adversarial", "--situations", SharedData.Path("pingpong", "situations.en.json"));

        Assert.Equal((0, 4), (run.ExitCode, (int)RunFile(outDir)["sessions"]!));
    }

    [Fact]
    public async Task Run_MissingScenariosFile_ExitsTwoAndWritesNothing()
    {
        using var scratch = new ScratchFolder();
        var outDir = scratch.File("b");
        var run = await CliRun.Of("bench", "run", "--scenarios", scratch.File("nope.jsonl"), "--out", outDir);

        Assert.Equal((2, false), (run.ExitCode, Directory.Exists(outDir)));
    }

    [Fact]
    public async Task Run_ZeroTurns_ExitsTwoAndWritesNothing()
    {
        using var scratch = new ScratchFolder();
        var outDir = scratch.File("b");
        var run = await CliRun.Of("bench", "run", "--scenarios", Scenes, "--turns", "0", "--out", outDir);

        Assert.Equal((2, false), (run.ExitCode, Directory.Exists(outDir)));
    }

    [Fact]
    public async Task Run_UnknownUserProfile_ExitsTwoNamingIt()
    {
        using var scratch = new ScratchFolder();
        var outDir = scratch.File("b");
        var run = await CliRun.Of("bench", "run", "--scenarios", Scenes, "--users", "slow-burn,chatty", "--out", outDir);

        Assert.Equal((2, true, false), (run.ExitCode, run.Error.Contains("chatty", StringComparison.Ordinal), Directory.Exists(outDir)));
    }

    [Fact]
    public async Task Run_NonEmptyOutWithoutForce_ExitsTwoAndLeavesItAlone()
    {
        using var scratch = new ScratchFolder();
        var outDir = Directory.CreateDirectory(scratch.File("b")).FullName;
        File.WriteAllText(Path.Combine(outDir, "keep.txt"), "mine");
        var run = await SmallRun(outDir);

        Assert.Equal((2, "keep.txt"), (run.ExitCode, string.Join(",", Directory.GetFileSystemEntries(outDir).Select(Path.GetFileName))));
    }

    [Fact]
    public async Task Run_OpenAiWithoutEndpoint_ExitsTwo()
    {
        using var scratch = new ScratchFolder();
        var run = await CliRun.Of("bench", "run", "--scenarios", Scenes, "--mind", "openai", "--out", scratch.File("b"));

        Assert.Equal((2, true), (run.ExitCode, run.Error.Contains("--endpoint", StringComparison.Ordinal)));
    }
}

/// <summary>The shared public data sets: the <c>shared/data</c> folder of the nearest ancestor of the test assembly that has one.</summary>
internal static class SharedData
{
    public static string Path(params string[] parts)
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = System.IO.Path.Combine(d.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return System.IO.Path.Combine([candidate, .. parts]);
            }
        }
        throw new InvalidOperationException(
            $"No 'shared/data' folder above '{AppContext.BaseDirectory}'. Clone the repository beside the 'shared' folder " +
            "(so that ../shared/data holds rpbench-auto/ and pingpong/); the bench run tests read the public scenes from there.");
    }
}
