using System.Text.Json.Nodes;
using WorldPlay.Grains;

namespace WorldPlay.Load.Tests;

/// <summary>A load run on an embedded silo whose turn gate runs one turn and lets none wait (4 sessions x 10 turns): most turns
/// are refused at first, and every one is asked again until played.</summary>
public sealed class TinyGateLoadRun : IAsyncLifetime
{
    public LoadReport Report { get; private set; } = null!;

    public JsonObject Json { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var request = new LoadRequest(4, 10, 2, "harbor", null, null, 0, null, null, null)
        {
            TurnGate = new TurnGateLimits(1, 0, TimeSpan.Zero),
        };
        Report = await LoadPlan.Of(request).PlayAsync(null, TextWriter.Null, CancellationToken.None);
        Json = Report.Json();
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class ShedLoadRunTests(TinyGateLoadRun run) : IClassFixture<TinyGateLoadRun>
{
    [Fact]
    public void Run_TinyGate_ShedsTurns() => Assert.True(run.Report.ShedCount > 0, $"shed {run.Report.ShedCount}");

    [Fact]
    public void Run_TinyGate_RetriesEveryShedTurnToCompletion() =>
        Assert.Equal((40L, 40L, 0L, 0),
            (run.Report.TurnsAcknowledged, run.Report.TurnsCommitted, run.Report.LostTurns, run.Report.ErrorCount));

    [Fact]
    public void Run_TinyGate_ShedIsNoRetry() => Assert.Empty(run.Json["retries"]!.AsObject());

    [Fact]
    public void Run_TinyGate_GateSeenRunningAtMostOne() =>
        Assert.Equal(1, run.Json["gate"]!["silos"]![0]!["maxRunning"]!.GetValue<int>());
}
