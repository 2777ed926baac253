namespace WorldPlay.Load.Tests;

public sealed class LoadMeterTests
{
    /// <summary>A meter that saw one call acknowledge 100 turns of 1, 2, ..., 100 ms.</summary>
    private static LoadMeter OneToHundredMs()
    {
        var meter = new LoadMeter();
        meter.Played(Played.Ramp(100), TimeSpan.FromMilliseconds(200));
        return meter;
    }

    [Fact]
    public void TurnLatency_OneToHundredMs_MedianIsFiftyMs() => Assert.InRange(OneToHundredMs().TurnLatency.P50Ms, 49.9, 50.1);

    [Fact]
    public void TurnLatency_OneToHundredMs_P99IsNinetyNineMs() => Assert.InRange(OneToHundredMs().TurnLatency.P99Ms, 98.9, 99.1);

    [Fact]
    public void TurnLatency_OneToHundredMs_MaxIsHundredMs() => Assert.InRange(OneToHundredMs().TurnLatency.MaxMs, 99.9, 100.1);

    [Fact]
    public void TurnLatency_OneToThousandMs_P999IsNineHundredNinetyNineMs()
    {
        var meter = new LoadMeter();
        meter.Played(Played.Ramp(1000), TimeSpan.FromSeconds(600));

        Assert.InRange(meter.TurnLatency.P999Ms, 998.5, 999.5);
    }

    [Fact]
    public void Committed_ACallOfThreeTurns_BinsEachAtTheCallsStartPlusTheLatenciesUpToIt()
    {
        var meter = new LoadMeter();
        meter.Played(Played.Turns(1000, 2000, 3000), TimeSpan.FromSeconds(5), startedAt: TimeSpan.FromSeconds(10));

        Assert.Equal("11 13 15", string.Join(' ', meter.Committed.Select(t => t.AtSeconds)));
    }

    [Fact]
    public void Shed_TwoRefusals_CountedInTotalAndInTheTick()
    {
        var meter = new LoadMeter();
        meter.Shed();
        meter.Shed();

        Assert.Equal((2, 2), (meter.ShedCount, meter.Tick(TimeSpan.FromSeconds(1)).Shed));
    }

    [Fact]
    public void TurnLatency_NothingPlayed_IsAllZero() =>
        Assert.Equal(new LatencySummary(0, 0, 0, 0, 0, 0), new LoadMeter().TurnLatency);

    [Fact]
    public void CallLatency_TwoCalls_CountsCallsNotTurns()
    {
        var meter = new LoadMeter();
        meter.Played(Played.Ramp(20), TimeSpan.FromMilliseconds(40));
        meter.Played(Played.Ramp(5), TimeSpan.FromMilliseconds(10));

        Assert.Equal(2, meter.CallLatency.Count);
    }

    [Fact]
    public void Acknowledged_TwoCalls_CountsEveryTurn()
    {
        var meter = new LoadMeter();
        meter.Played(Played.Ramp(20), TimeSpan.FromMilliseconds(40));
        meter.Played(Played.Ramp(5), TimeSpan.FromMilliseconds(10));

        Assert.Equal(25, meter.Acknowledged);
    }

    [Fact]
    public void Tick_TwentyTurnsInTwoSeconds_TenTurnsPerSecond()
    {
        var meter = new LoadMeter();
        meter.Played(Played.Ramp(20), TimeSpan.FromMilliseconds(40));

        Assert.Equal(10, meter.Tick(TimeSpan.FromSeconds(2)).TurnsPerSecond);
    }

    [Fact]
    public void Tick_AfterATick_StartsEmpty()
    {
        var meter = new LoadMeter();
        meter.Played(Played.Ramp(20), TimeSpan.FromMilliseconds(40));
        meter.Tick(TimeSpan.FromSeconds(1));

        Assert.Equal(0, meter.Tick(TimeSpan.FromSeconds(2)).Turns);
    }

    [Fact]
    public void Timeline_TwoTicks_HoldsBothInOrder()
    {
        var meter = new LoadMeter();
        meter.Tick(TimeSpan.FromSeconds(1));
        meter.Tick(TimeSpan.FromSeconds(2));

        Assert.Equal([1.0, 2.0], meter.Timeline.Select(p => p.AtSeconds));
    }

    [Fact]
    public void Errors_TwoTimeoutsAndOneOther_CountedByType()
    {
        var meter = new LoadMeter();
        meter.Failed(new TimeoutException("slow"));
        meter.Failed(new TimeoutException("slow again"));
        meter.Failed(new InvalidOperationException("gone"));

        Assert.Equal(
            new Dictionary<string, int> { ["InvalidOperationException"] = 1, ["TimeoutException"] = 2 },
            meter.Errors);
    }

    [Fact]
    public void FirstFailure_TwoFailures_IsTheFirstOnesTypeAndFirstLine()
    {
        var meter = new LoadMeter();
        meter.Failed(new TimeoutException(" no answer \nfrom the silo"));
        meter.Failed(new InvalidOperationException("gone"));

        Assert.Equal("TimeoutException: no answer", meter.FirstFailure);
    }

    [Fact]
    public void Retries_CountedByTypeAndApartFromErrors()
    {
        var meter = new LoadMeter();
        meter.Retried(new TimeoutException("slow"));

        Assert.Equal((1, 0), (meter.Retries["TimeoutException"], meter.Errors.Count));
    }

    [Fact]
    public void Tick_ErrorsAndRetriesSinceLastTick_AreInThePoint()
    {
        var meter = new LoadMeter();
        meter.Failed(new TimeoutException("slow"));
        meter.Retried(new TimeoutException("slow"));
        meter.Retried(new TimeoutException("slow"));

        var point = meter.Tick(TimeSpan.FromSeconds(1));

        Assert.Equal((1, 2), (point.Errors, point.Retries));
    }
}
