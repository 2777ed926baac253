using System.Text.Json.Nodes;

namespace WorldPlay.Load.Tests;

/// <summary>One short load run on an embedded silo in this process (3 sessions x 10 turns, 2 characters), shared by the tests
/// that read its report.</summary>
public sealed class EmbeddedLoadRun : IAsyncLifetime
{
    private readonly StringWriter _progress = new();

    public LoadReport Report { get; private set; } = null!;

    public JsonObject Json { get; private set; } = null!;

    public string Progress => _progress.ToString();

    public async Task InitializeAsync()
    {
        var request = new LoadRequest(3, 10, 2, "harbor", null, null, 0, null, null, null);
        Report = await LoadPlan.Of(request).PlayAsync(null, TextWriter.Synchronized(_progress), CancellationToken.None);
        Json = Report.Json();
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class LoadRunTests(EmbeddedLoadRun run) : IClassFixture<EmbeddedLoadRun>
{
    [Fact]
    public void Run_Embedded_LosesNoTurn() => Assert.Equal(0, run.Report.LostTurns);

    [Fact]
    public void Run_Embedded_StoresEveryRequestedTurn() => Assert.Equal((30, 30), (run.Report.TurnsRequested, run.Report.TurnsCommitted));

    [Fact]
    public void Run_Embedded_HasNoError() => Assert.Equal(0, run.Report.ErrorCount);

    [Fact]
    public void Run_Embedded_TimelinesHaveNoProblem() => Assert.Empty(run.Report.Problems);

    [Fact]
    public void Run_Embedded_EverySessionCompletes() => Assert.Equal(3, run.Json["sessionsCompleted"]!.GetValue<int>());

    [Fact]
    public void Run_Embedded_SiloHoldsOneSceneActivationPerSession() =>
        Assert.Equal(3, run.Json["silos"]![0]!["activationsByGrain"]!["SceneGrain"]!.GetValue<int>());

    [Fact]
    public void Run_Embedded_ReportsThreePhasesHoldingEveryTurn() =>
        Assert.Equal(30, run.Report.Phases.Sum(p => p.Turns));

    [Fact]
    public void Run_Embedded_ReportsP999AndTheGateOfItsSilo() =>
        Assert.Equal((true, 1), (run.Json["p999Ms"]!.GetValue<double>() > 0, run.Json["gate"]!["silos"]!.AsArray().Count));

    [Fact]
    public void Run_Embedded_SaysWhenItReadsBack() =>
        Assert.Contains("sessions back from storage...", run.Progress, StringComparison.Ordinal);
}
