using WorldPlay.Grains;
using static WorldPlay.Hosting.Tests.OptionsTests;

namespace WorldPlay.Hosting.Tests;

/// <summary>The <c>TurnGate</c> keys: defaults from the processor count, values read as given, mistakes named.</summary>
public sealed class TurnGateOptionsTests
{
    [Fact]
    public void TurnGate_NothingConfigured_FourRunningAndSixtyFourWaitingPerProcessorAndTwoSeconds() =>
        Assert.Equal(TurnGateLimits.For(Environment.ProcessorCount), Read().TurnGate.Limits());

    [Fact]
    public void TurnGate_Configured_IsReadAsGiven() =>
        Assert.Equal(new TurnGateLimits(3, 0, TimeSpan.FromMilliseconds(250)),
            Read(("WorldPlay:TurnGate:MaxRunning", "3"), ("WorldPlay:TurnGate:MaxWaiting", "0"), ("WorldPlay:TurnGate:MaxWaitMs", "250"))
                .TurnGate.Limits());

    [Fact]
    public void TurnGate_NoRunningTurn_IsRefusedNamingTheKey() =>
        Assert.Contains("WorldPlay:TurnGate:MaxRunning is '0'; it takes a whole number above 0.",
            Problem(("WorldPlay:TurnGate:MaxRunning", "0")));
}
