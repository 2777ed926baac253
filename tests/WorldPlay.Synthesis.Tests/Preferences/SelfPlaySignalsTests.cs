using WorldPlay.Synthesis.Preferences;

namespace WorldPlay.Synthesis.Tests.Preferences;

public sealed class SelfPlaySignalsTests(SelfPlaySignals run) : IClassFixture<SelfPlaySignals>
{
    [Fact]
    public void Collect_EveryChoiceMade_IsReadBackFromTheFamilies()
    {
        Assert.Equal(run.Played.Sum(p => p.Choices), run.Signals.Length);
    }

    [Fact]
    public void Collect_Signals_CarryTheirGroupAsTheSimulatorProfile()
    {
        Assert.Equal(["co-creator", "fast-plot", "slow-burn"], run.Signals.Select(s => s.Group).Distinct().Order());
    }

    [Fact]
    public void Collect_Regenerations_AreConcentratedOnPivots()
    {
        var atPivots = run.Signals.Count(s => s.Pivot) / (double)run.Signals.Length;

        Assert.True(atPivots > 0.5, $"{atPivots:0.00} of {run.Signals.Length} signals at pivots");
    }

    [Fact]
    public void Collect_Signals_HaveSessionFigures()
    {
        Assert.All(run.Signals, s => Assert.True(
            s.SessionTurns >= s.Turn && s.TurnsAfter == s.SessionTurns - s.Turn && s.SessionSeconds > 0 && s.Context.Length > 0,
            SignalFile.Line(s)));
    }

    [Fact]
    public void Collect_PlantedLongerGroup_BiasIsVisible()
    {
        var rates = SignalDenoiser.BaseRates(run.Signals).ToDictionary(g => g.Group);

        Assert.True(rates["fast-plot"].ChoseLonger > 0.9 && rates["fast-plot"].LongerExcess > 0.7,
            $"fast-plot {rates["fast-plot"].ChoseLonger} (excess {rates["fast-plot"].LongerExcess}), reference " +
            $"{rates["fast-plot"].ChoseLongerReference}");
    }

    [Fact]
    public void Denoise_PlantedLongerGroup_OnlyItsPairsAreExplainedAway()
    {
        var strata = SignalDenoiser.Denoise(run.Signals).Report.Steps.Single(s => s.Step == "stratification");

        Assert.Equal(["fast-plot"], strata.RemovedByGroup.Keys);
    }

    [Fact]
    public void Denoise_PlantedLongerGroup_LongerShareBeforeIsAboveTheHonestGroups()
    {
        var report = SignalDenoiser.Denoise(run.Signals).Report;

        Assert.True(report.Bias.ChoseLongerBefore > HonestLongerShare() + 0.05,
            $"before {report.Bias.ChoseLongerBefore}, honest groups {HonestLongerShare()}");
    }

    [Fact]
    public void Denoise_PlantedLongerGroup_LongerShareAfterIsTheHonestGroups()
    {
        var report = SignalDenoiser.Denoise(run.Signals).Report;

        Assert.True(Math.Abs(report.Bias.ChoseLongerAfter - HonestLongerShare()) < 0.05,
            $"after {report.Bias.ChoseLongerAfter}, honest groups {HonestLongerShare()}");
    }

    /// <summary>The share of the honest groups' pairs (lengths apart) whose kept reply is the longer.</summary>
    private double HonestLongerShare()
    {
        var directions = run.Signals.Where(s => s.Group != "fast-plot")
            .SelectMany(s => s.Rejected.Select(r => SignalDenoiser.LengthDirection(s.Chosen, r))).Where(d => d != 0).ToList();
        return directions.Count(d => d > 0) / (double)directions.Count;
    }
}
