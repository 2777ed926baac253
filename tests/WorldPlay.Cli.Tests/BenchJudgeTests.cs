using System.Text.Json.Nodes;
using WorldPlay.FakeLlm;

namespace WorldPlay.Cli.Tests;

/// <summary>'worldplay bench score --judge openai' and 'bench run --judge openai' against the fake model started in this process on
/// a free port, and the judge flags that cannot work.</summary>
public sealed class BenchJudgeTests
{
    private const string Planted = """
        {"world": "harbor"}
        {"turn": 1, "speaker": "Wren", "role": "user", "text": "Is the stew ready?"}
        {"turn": 2, "speaker": "Mira", "role": "npc", "text": "As an AI language model, I cannot taste stew. Do you want some anyway?"}
        {"turn": 3, "speaker": "Wren", "role": "user", "text": "Yes please."}
        {"turn": 4, "speaker": "Mira", "role": "npc", "text": "Here you are, love. Two coppers, and mind it's hot {{user}}."}
        {"turn": 5, "speaker": "Wren", "role": "user", "text": "Thanks. What news from the docks?"}
        {"turn": 6, "speaker": "Mira", "role": "npc", "text": "The grain barge came in late, Wren. Will you walk down with me?"}
        """;

    private static JsonNode? JudgeSection(string dir) => JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "report.json")))!["judge"];

    [Fact]
    public async Task Score_JudgeAgainstFake_ReportHasJudgeSection()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions());
        using var scratch = new ScratchFolder();
        var run = await CliRun.Of("bench", "score", scratch.Write("t.jsonl", Planted), "--out", scratch.File("r"),
            "--judge", "openai", "--judge-endpoint", server.Endpoint.ToString(), "--judge-model", "fake", "--judge-sample", "1");

        Assert.Equal((0, 2, 1),
            (run.ExitCode, JudgeSection(scratch.File("r"))!["confirmed"]!.GetValue<int>(),
            JudgeSection(scratch.File("r"))!["auditSampled"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Score_JudgeAgainstFake_PrintsJudgeSummary()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions());
        using var scratch = new ScratchFolder();
        var run = await CliRun.Of("bench", "score", scratch.Write("t.jsonl", Planted), "--out", scratch.File("r"),
            "--judge", "openai", "--judge-endpoint", server.Endpoint.ToString(), "--judge-model", "fake");

        Assert.Contains("judge fake: 2 flagged, 2 confirmed, 0 rejected", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_NoJudge_ReportHasNoJudgeSection()
    {
        using var scratch = new ScratchFolder();
        await CliRun.Of("bench", "score", scratch.Write("t.jsonl", Planted), "--out", scratch.File("r"));

        Assert.Null(JudgeSection(scratch.File("r")));
    }

    [Theory]
    [InlineData("error: --judge openai needs --judge-endpoint", "--judge", "openai", "--judge-model", "fake")]
    [InlineData("error: --judge openai needs --judge-model", "--judge", "openai", "--judge-endpoint", "http://127.0.0.1:9/v1")]
    [InlineData("error: --judge-sample must be between 0 and 1", "--judge", "openai", "--judge-endpoint", "http://127.0.0.1:9/v1",
        "--judge-model", "m", "--judge-sample", "1.5")]
    [InlineData("error: --judge-endpoint, --judge-model and --judge-sample go with --judge openai", "--judge-model", "fake")]
    [InlineData("error: --judge-endpoint 'nowhere' is not an absolute address", "--judge", "openai", "--judge-endpoint", "nowhere",
        "--judge-model", "m")]
    public async Task Score_BadJudgeFlags_OneErrorLineExitTwoNothingWritten(string message, params string[] flags)
    {
        using var scratch = new ScratchFolder();
        var run = await CliRun.Of(["bench", "score", scratch.Write("t.jsonl", Planted), "--out", scratch.File("r"), .. flags]);

        Assert.Equal((2, true, 1, false),
            (run.ExitCode, run.Error.StartsWith(message, StringComparison.Ordinal), run.Error.Trim().Split('\n').Length,
            Directory.Exists(scratch.File("r"))));
    }

    [Fact]
    public async Task Score_UnknownJudge_ExitTwo()
    {
        using var scratch = new ScratchFolder();
        var run = await CliRun.Of("bench", "score", scratch.Write("t.jsonl", Planted), "--out", scratch.File("r"), "--judge", "oracle");

        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public async Task Run_BadJudgeFlags_ExitTwoBeforeAnythingIsWritten()
    {
        using var scratch = new ScratchFolder();
        var run = await CliRun.Of("bench", "run", "--scenarios", SharedData.Path("rpbench-auto", "scenes.jsonl"), "--out",
            scratch.File("b"),
            "--judge", "openai", "--judge-model", "fake");

        Assert.Equal((2, false), (run.ExitCode, Directory.Exists(scratch.File("b"))));
    }

    [Fact]
    public async Task Run_JudgeAgainstFake_ReportAndRunFileNameTheJudge()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions());
        using var scratch = new ScratchFolder();
        var outDir = scratch.File("b");
        var run = await CliRun.Of("bench", "run", "--scenarios", SharedData.Path("rpbench-auto", "scenes.jsonl"), "--limit", "1", "--turns",
            "12", "--repeats", "1",
            "--out", outDir, "--judge", "openai", "--judge-endpoint", server.Endpoint.ToString(), "--judge-model", "fake");
        var runFile = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "run.json")))!;

        Assert.Equal((0, "fake", true), (run.ExitCode, JudgeSection(outDir)!["model"]!.GetValue<string>(),
            runFile["options"]!["judge"]!.GetValue<string>().StartsWith("openai:fake", StringComparison.Ordinal)));
    }
}
