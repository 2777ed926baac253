using System.Text.Json.Nodes;
using WorldPlay.Grains;

namespace WorldPlay.Load.Tests;

/// <summary>A load run on an embedded silo whose turn gate runs one turn and lets none wait (8 sessions x 10 turns, all at once):
/// turns are refused while another runs, and every one is asked again until played. A turn refused as a call's first comes back
/// to the client as busy (shed, retried after the hint); one refused later ends its call early, and the client's next call
/// plays it.</summary>
public sealed class TinyGateLoadRun : IAsyncLifetime
{
    public LoadReport Report { get; private set; } = null!;

    public JsonObject Json { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var request = new LoadRequest(8, 10, 2, "harbor", null, null, 0, null, null, null)
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
    public void Run_TinyGate_SiloShedsTurns() =>
        Assert.True(run.Json["gate"]!["silos"]![0]!["shed"]!.GetValue<long>() > 0, run.Json["gate"]!.ToJsonString());

    [Fact]
    public void Run_TinyGate_RetriesEveryShedTurnToCompletion() =>
        Assert.Equal((80L, 80L, 0L, 0),
            (run.Report.TurnsAcknowledged, run.Report.TurnsCommitted, run.Report.LostTurns, run.Report.ErrorCount));

    [Fact]
    public void Run_TinyGate_ShedIsNoRetry() => Assert.Empty(run.Json["retries"]!.AsObject());

    [Fact]
    public void Run_TinyGate_GateSeenRunningAtMostOne() =>
        Assert.Equal(1, run.Json["gate"]!["silos"]![0]!["maxRunning"]!.GetValue<int>());
}
