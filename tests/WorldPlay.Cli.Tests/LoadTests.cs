using System.Text.Json.Nodes;

namespace WorldPlay.Cli.Tests;

/// <summary>One short load run on the embedded silo (20 sessions x 50 turns), shared by the tests that read its results.</summary>
public sealed class ShortLoadRun : IAsyncLifetime, IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public string Out => _scratch.File("run");

    internal CliRun Run { get; private set; } = new(-1, "", "");

    public JsonObject Json => JsonNode.Parse(File.ReadAllText(Path.Combine(Out, "load.json")))!.AsObject();

    public async Task InitializeAsync() =>
        Run = await CliRun.Of("load", "--sessions", "20", "--turns", "50", "--characters", "5", "--out", Out);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _scratch.Dispose();
}

public sealed class LoadTests(ShortLoadRun load) : IClassFixture<ShortLoadRun>
{
    [Fact]
    public void Load_ShortEmbeddedRun_LosesNoTurn() => Assert.Equal(0, load.Json["lostTurns"]!.GetValue<long>());

    [Fact]
    public void Load_ShortEmbeddedRun_ExitsZero() => Assert.Equal(0, load.Run.ExitCode);

    [Fact]
    public void Load_ShortEmbeddedRun_StoresEveryRequestedTurn() =>
        Assert.Equal((1000L, 1000L), (load.Json["turnsRequested"]!.GetValue<long>(), load.Json["turnsCommitted"]!.GetValue<long>()));

    [Fact]
    public void Load_ShortEmbeddedRun_JsonHasTheReportedFields() =>
        Assert.All(
            new[] { "sessions", "turnsRequested", "turnsCommitted", "lostTurns", "errors", "turnsPerSecond", "p50Ms", "p95Ms", "p99Ms",
                "maxMs", "silos", "process", "model", "timeline", "siloKill" },
            field => Assert.True(load.Json.ContainsKey(field), $"missing {field}"));

    [Fact]
    public void Load_ShortEmbeddedRun_SiloReportsTheSessionsActivations() =>
        Assert.Equal(20, load.Json["silos"]![0]!["activationsByGrain"]!["SceneGrain"]!.GetValue<int>());

    [Fact]
    public void Load_ShortEmbeddedRun_PageHasInlinePlotsAndNoScript()
    {
        var page = File.ReadAllText(Path.Combine(load.Out, "load.html"));

        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Load_ShortEmbeddedRun_ProgressGoesToStandardError() => Assert.Contains("turns/s", load.Run.Error);
}

public sealed class LoadBadInputTests
{
    [Theory]
    [InlineData("--sessions", "0")]
    [InlineData("--characters", "7")]
    [InlineData("--kill-silo-at", "50")]
    [InlineData("--model-concurrency", "200")]
    [InlineData("--mind", "openai")]
    [InlineData("--duration", "0")]
    [InlineData("--api", "ftp://127.0.0.1:5080")]
    [InlineData("--transport", "pigeon")]
    public async Task Load_BadOption_ExitsTwoWithOneErrorLineAndWritesNothing(string option, string value)
    {
        using var scratch = new ScratchFolder();
        var dir = scratch.File("run");

        var run = await CliRun.Of("load", "--sessions", "2", "--turns", "5", option, value, "--out", dir);

        Assert.Equal((2, 1, false),
            (run.ExitCode, run.Error.Split('\n').Count(l => l.StartsWith("error:", StringComparison.Ordinal)), Directory.Exists(dir)));
    }

    [Fact]
    public async Task Load_OutUnderMissingFolder_ExitsTwo()
    {
        using var scratch = new ScratchFolder();

        var run = await CliRun.Of("load", "--sessions", "1", "--turns", "5", "--out", scratch.File("missing/run"));

        Assert.Equal((2, true), (run.ExitCode, run.Error.StartsWith("error:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Load_ApiWithCluster_ExitsTwo()
    {
        using var scratch = new ScratchFolder();

        var run = await CliRun.Of("load", "--api", "http://127.0.0.1:1", "--cluster", "cluster.json", "--out", scratch.File("run"));

        Assert.Equal((2, true), (run.ExitCode, run.Error.Contains("not both", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Load_WithoutOut_ExitsTwo() => Assert.Equal(2, (await CliRun.Of("load", "--sessions", "1")).ExitCode);

    [Fact]
    public async Task Load_Help_ExplainsLostTurnsAndTheExitCodes()
    {
        var run = await CliRun.Of("load", "--help");

        Assert.Contains("lostTurns", run.Output, StringComparison.Ordinal);
        Assert.Contains("--kill-silo-at", run.Output, StringComparison.Ordinal);
    }
}
