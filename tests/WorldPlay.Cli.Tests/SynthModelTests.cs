using System.Text.Json.Nodes;
using WorldPlay.FakeLlm;
using WorldPlay.Synthesis.Rows;

namespace WorldPlay.Cli.Tests;

/// <summary><c>worldplay synth</c> with the characters on a model: the same command as the procedural run, against the
/// project's fake OpenAI-compatible server, writes every file and rows of the documented shapes.</summary>
public sealed class SynthModelTests
{
    [Fact]
    public async Task Synth_AgainstTheFakeModel_EveryJobAndFileWrittenAndRowsValid()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions());
        using var scratch = new ScratchFolder();
        var outDir = scratch.File("synth");

        var run = await CliRun.Of("synth", "--scenarios", SharedData.Path("rpbench-auto", "scenes.jsonl"), "--limit", "2",
            "--sessions", "2", "--turns", "8", "--best-of", "2", "--rounds", "2", "--review-every", "4", "--mind", "openai",
            "--endpoint", server.Endpoint.ToString(), "--model", "fake", "--styles", "fake,fake-wry", "--out", outDir, "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        var json = run.Json;
        Assert.Equal((2, 0), ((int)json["jobs"]!, (int)json["failed"]!));
        string[] files = ["chat.sharegpt.jsonl", "chat.openai.jsonl", "pairs.jsonl", "kto.jsonl", "synth.json", "synth.html"];
        Assert.DoesNotContain(files, f => !File.Exists(Path.Combine(outDir, f)));
        var rows = File.ReadLines(Path.Combine(outDir, "chat.openai.jsonl")).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.NotEmpty(rows);
        Assert.Empty(rows.SelectMany(row => TrainingRowShapes.Validate(row, TrainingRowFormat.OpenAiMessages)));
        Assert.True(server.Stats.Requests > 0, "the fake model was never asked");
    }
}
