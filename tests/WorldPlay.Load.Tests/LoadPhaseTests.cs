namespace WorldPlay.Load.Tests;

/// <summary>Ramp-up, steady state and drain split from known commits, and the rate counted from the first turn.</summary>
public sealed class LoadPhaseTests
{
    /// <summary>Ten turns of 10 ms committed at 1..10 s, then ten of 100 ms at 11..20 s, then five of 1000 ms at 21..25 s; the
    /// ramp-up ends at 10 s, the drain starts at 20 s, the run ends at 25 s.</summary>
    private static IReadOnlyList<LoadPhase> Phases() => LoadPhase.Split(
        [
            .. Enumerable.Range(1, 10).Select(s => new CommittedTurn(s, 10)),
            .. Enumerable.Range(11, 10).Select(s => new CommittedTurn(s, 100)),
            .. Enumerable.Range(21, 5).Select(s => new CommittedTurn(s, 1000)),
        ],
        rampUpEnd: 10, drainStart: 20, end: 25);

    [Fact]
    public void Split_KnownCommits_EachPhaseHoldsTheTurnsCommittedInIt() =>
        Assert.Equal("rampUp 0-10 10, steady 10-20 10, drain 20-25 5",
            string.Join(", ", Phases().Select(p => $"{p.Name} {p.FromSeconds}-{p.ToSeconds} {p.Turns}")));

    [Fact]
    public void Split_KnownCommits_RatesAreTurnsOverEachPhasesSeconds() =>
        Assert.Equal("1 1 1", string.Join(' ', Phases().Select(p => p.TurnsPerSecond)));

    [Fact]
    public void Split_KnownCommits_LatencyIsEachPhasesOwn() =>
        Assert.Equal("10/10 100/100 1000/1000", string.Join(' ', Phases().Select(p => $"{p.P999Ms}/{p.MaxMs}")));

    [Fact]
    public void Split_DrainBeforeRampUpEnds_HasNoSteadyState() =>
        Assert.Equal(0, LoadPhase.Split([new CommittedTurn(1, 5), new CommittedTurn(3, 5)], 2, 1, 3)[1].Turns);

    [Fact]
    public void Percentile_OneToThousand_P999IsNineHundredNinetyNine() =>
        Assert.Equal(999, LoadPhase.Percentile([.. Enumerable.Range(1, 1000).Select(v => (double)v)], 99.9));

    [Fact]
    public void RateFromFirstTurn_TwentyOneTurnsFromTenToTwentySeconds_IsTwentyOneOverTen()
    {
        var turns = Enumerable.Range(0, 21).Select(i => new CommittedTurn(10 + (i * 0.5), 1));
        Assert.Equal(2.1, LoadPhase.RateFromFirstTurn([.. turns], null));
    }

    [Fact]
    public void RateFromFirstTurn_TurnsAfterTheDeadline_AreNotCounted() =>
        Assert.Equal(1, LoadPhase.RateFromFirstTurn([new CommittedTurn(1, 1), new CommittedTurn(2, 1), new CommittedTurn(9, 1)], 3));
}
