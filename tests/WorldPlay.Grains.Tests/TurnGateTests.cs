using WorldPlay.Contracts;

namespace WorldPlay.Grains.Tests;

/// <summary>The silo's turn gate on its own: first come first served, a bounded line, a bounded wait, and a retry hint.</summary>
public sealed class TurnGateTests
{
    private static TurnGate Gate(int running, int waiting, double waitSeconds) =>
        new(new TurnGateLimits(running, waiting, TimeSpan.FromSeconds(waitSeconds)));

    [Fact]
    public async Task EnterAsync_SlotsFreedOneByOne_AdmitsWaitersInTheOrderTheyAsked()
    {
        var gate = Gate(1, 10, 30);
        var held = await gate.EnterAsync();
        var waiters = Enumerable.Range(0, 4).Select(_ => gate.EnterAsync()).ToList();
        var order = new List<int>();

        held.Dispose();
        var left = waiters.ToList();
        while (left.Count > 0)
        {
            var next = await Task.WhenAny(left);
            order.Add(waiters.IndexOf(next));
            left.Remove(next);
            (await next).Dispose();
        }

        Assert.Equal([0, 1, 2, 3], order);
    }

    [Fact]
    public async Task EnterAsync_LineFull_RefusesAtOnceWithTheCountsAndARetryHint()
    {
        var gate = Gate(1, 1, 30);
        using var held = await gate.EnterAsync();
        var waiting = gate.EnterAsync();

        var busy = await Assert.ThrowsAsync<SiloBusyException>(gate.EnterAsync);

        Assert.Matches(@"^silo busy: 1 turns running, 1 waiting; retry after \d+ ms$", busy.Message);
        Assert.False(waiting.IsCompleted, "the turn already in line keeps its place");
    }

    [Fact]
    public async Task EnterAsync_NoSlotWithinTheWait_IsRefusedAndCountedAsShed()
    {
        var gate = Gate(1, 4, 0.05);
        using var held = await gate.EnterAsync();

        var busy = await Assert.ThrowsAsync<SiloBusyException>(gate.EnterAsync);

        Assert.Equal((1L, 1L, 0, true), (gate.Admitted, gate.Shed, gate.Waiting, busy.RetryAfterMs >= 50));
    }

    [Fact]
    public async Task Read_WhileOneRunsAndOneWaits_SaysSo()
    {
        var gate = Gate(1, 4, 30);
        var held = await gate.EnterAsync();
        var waiting = gate.EnterAsync();

        var reading = gate.Read("silo-a");
        held.Dispose();
        (await waiting).Dispose();

        Assert.Equal(("silo-a", 1, 1, 1, 4), (reading.Silo, reading.Running, reading.Waiting, reading.MaxRunning, reading.MaxWaiting));
    }

    [Fact]
    public async Task Slot_DisposedTwice_FreesOneSlotOnly()
    {
        var gate = Gate(2, 0, 0);
        var slot = await gate.EnterAsync();
        using var other = await gate.EnterAsync();

        slot.Dispose();
        slot.Dispose();

        Assert.Equal(1, gate.Running);
    }
}
