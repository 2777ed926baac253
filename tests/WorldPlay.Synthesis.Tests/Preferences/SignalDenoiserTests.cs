using WorldPlay.Synthesis.Preferences;

namespace WorldPlay.Synthesis.Tests.Preferences;

public sealed class SignalDenoiserTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public void Denoise_FlaggedKeptReply_QualityFloorRemovesItNamingTheCategory(string language)
    {
        var result = SignalDenoiser.Denoise(Signals.PlantedLonger(flagged: true, language));

        var floor = result.Report.Steps.Single(s => s.Step == "quality-floor");
        Assert.Equal(1, floor.RemovedSignals);
        Assert.Contains("content.ooc", floor.RemovedByReason.Keys);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public void Denoise_PlantedLongerGroup_StratificationRemovesItsLongerChoicesOnly(string language)
    {
        var result = SignalDenoiser.Denoise(Signals.PlantedLonger(flagged: false, language));

        var strata = result.Report.Steps.Single(s => s.Step == "stratification");
        Assert.Equal(["longer"], strata.RemovedByGroup.Keys);
        Assert.Equal(40, strata.RemovedPairs);
    }

    [Fact]
    public void Denoise_PlantedLongerGroup_BiasVisibleBeforeAndGoneAfter()
    {
        var result = SignalDenoiser.Denoise(Signals.PlantedLonger(flagged: false));

        Assert.Equal((0.75, 0.5), (result.Report.Bias.ChoseLongerBefore, result.Report.Bias.ChoseLongerAfter));
    }

    [Fact]
    public void Denoise_HonestGroup_KeepsEveryPairAtFullStratification()
    {
        var result = SignalDenoiser.Denoise(Signals.PlantedLonger(flagged: false));

        var honest = result.Kept.Where(s => s.Group == "honest").ToList();
        Assert.Equal(40, honest.Count);
        Assert.All(honest, s => Assert.True(s.Denoise!.Stratification[0] > 0.8, $"turn {s.Turn}: {s.Denoise.Stratification[0]}"));
    }

    [Fact]
    public void Denoise_GroupRegeneratingFarMore_IsDownWeightedToTheMedianRate()
    {
        var calm = Enumerable.Range(0, 20).Select(i => Signals.Of($"calm{i % 2}", 4 + i, Signals.Long, Signals.Short) with
        {
            Session = $"calm{i}", SessionTurns = 60,
        });
        var eager = Enumerable.Range(0, 20).Select(i => Signals.Of("eager", 4 + i, Signals.Long, Signals.Short) with
        {
            Session = "eager-one", SessionTurns = 60,
        });

        var rates = SignalDenoiser.Denoise([.. calm, .. eager]).Report.Groups.Single(g => g.Group == "eager");

        Assert.Equal(1.0 / 20, rates.RegenerationFactor, 3);
    }

    [Fact]
    public void Confidence_LongSessionFewTurns_WeighsAboveShortSessionManyTurns()
    {
        var lingering = Signals.Of("g", 10, Signals.Long, Signals.Short, seconds: 1800, sessionTurns: 20);
        var hurried = Signals.Of("g", 10, Signals.Long, Signals.Short, seconds: 200, sessionTurns: 120);

        Assert.True(SignalDenoiser.Confidence(lingering) > SignalDenoiser.Confidence(hurried),
            $"{SignalDenoiser.Confidence(lingering)} vs {SignalDenoiser.Confidence(hurried)}");
    }

    [Fact]
    public void Confidence_AbandonedRightAfter_IsAQuarterOfGoingOn()
    {
        var goesOn = Signals.Of("g", 10, Signals.Long, Signals.Short, after: 0);
        var leaves = goesOn with { Abandoned = true };

        Assert.Equal(SignalDenoiser.Confidence(goesOn) * SignalDenoiser.AbandonFactor, SignalDenoiser.Confidence(leaves), 9);
    }

    [Fact]
    public void Denoise_SameInputTwice_SameLinesAndReport()
    {
        var signals = Signals.PlantedLonger(flagged: true);

        var (a, b) = (SignalDenoiser.Denoise(signals), SignalDenoiser.Denoise(signals));

        Assert.Equal(a.Kept.Select(SignalFile.Line), b.Kept.Select(SignalFile.Line));
        Assert.Equal(SignalFile.Json(a.Report), SignalFile.Json(b.Report));
    }
}
