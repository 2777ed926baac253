using System.Diagnostics;
using WorldPlay.Contracts;

namespace WorldPlay.Grains;

/// <summary>How many turns one silo runs at once (<see cref="MaxRunning"/>), how many may wait in line behind them
/// (<see cref="MaxWaiting"/>), and how long one may wait (<see cref="MaxWait"/>).</summary>
public sealed record TurnGateLimits(int MaxRunning, int MaxWaiting, TimeSpan MaxWait)
{
    /// <summary>The defaults for a machine with <paramref name="processors"/> processors: 4 running turns and 64 waiting per
    /// processor, a wait of at most 2 s. A procedural turn is about a millisecond of CPU, so 4 per processor keep every core busy
    /// while a turn waits behind at most a few dozen others.</summary>
    public static TurnGateLimits For(int processors) =>
        new(4 * Math.Max(1, processors), 64 * Math.Max(1, processors), TimeSpan.FromSeconds(2));

    /// <summary>The defaults for this machine.</summary>
    public static TurnGateLimits ForThisMachine() => For(Environment.ProcessorCount);
}

/// <summary>A silo's turn gate: admits at most <see cref="TurnGateLimits.MaxRunning"/> turns at once, in the order they asked
/// (<see cref="SemaphoreSlim"/>'s asynchronous waiters are first in, first out), and refuses a turn with a
/// <see cref="SiloBusyException"/> when the line is full or the turn waited its limit, so no turn waits behind an unbounded queue
/// while the CPU is full. A scene holds a slot for a turn's work on this silo; a turn waiting on a language model gives it back
/// (the model's own concurrency limit bounds those).</summary>
public sealed class TurnGate
{
    // The smallest retry hint: a caller asked to come back at once would only meet the same line.
    private const double LeastRetryAfterMs = 50;

    private readonly SemaphoreSlim _running;
    private int _waiting;
    private long _admitted;
    private long _shed;
    // An exponentially weighted mean of how long a turn holds its slot, for the retry hint; written without a lock (a hint).
    private double _meanHoldMs = 1;

    public TurnGate(TurnGateLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (limits.MaxRunning < 1 || limits.MaxWaiting < 0 || limits.MaxWait < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(
                nameof(limits), limits, "A turn gate runs at least 1 turn, lets 0 or more wait, and waits 0 s or longer.");
        }
        Limits = limits;
        _running = new SemaphoreSlim(limits.MaxRunning, limits.MaxRunning);
    }

    public TurnGateLimits Limits { get; }

    /// <summary>Turns holding a slot now.</summary>
    public int Running => Limits.MaxRunning - _running.CurrentCount;

    /// <summary>Turns waiting for a slot now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Turns admitted since the silo started.</summary>
    public long Admitted => Interlocked.Read(ref _admitted);

    /// <summary>Turns refused since the silo started.</summary>
    public long Shed => Interlocked.Read(ref _shed);

    /// <summary>Waits for a slot, first come first served; the slot is the turn's until it is disposed.</summary>
    /// <exception cref="SiloBusyException">The line is full, or no slot came free within <see cref="TurnGateLimits.MaxWait"/>.
    /// </exception>
    public async Task<TurnSlot> EnterAsync()
    {
        // A free slot means nobody waits (a released slot goes to the first waiter), so taking it jumps no queue.
        if (!_running.Wait(0))
        {
            if (Interlocked.Increment(ref _waiting) > Limits.MaxWaiting)
            {
                Interlocked.Decrement(ref _waiting);
                throw Refuse();
            }
            bool admitted;
            try
            {
                admitted = await _running.WaitAsync(Limits.MaxWait).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
            if (!admitted)
            {
                throw Refuse();
            }
        }
        Interlocked.Increment(ref _admitted);
        return new TurnSlot(this);
    }

    /// <summary>The silo's reading of this gate.</summary>
    public SiloMeterReading Read(string silo) =>
        new(silo, DateTimeOffset.UtcNow, Running, Waiting, Limits.MaxRunning, Limits.MaxWaiting, Admitted, Shed);

    private SiloBusyException Refuse()
    {
        Interlocked.Increment(ref _shed);
        var (running, waiting) = (Running, Waiting);
        // Long enough for the line now waiting to pass through the slots at the pace turns have been holding them.
        var drainMs = (waiting + 1) * Volatile.Read(ref _meanHoldMs) / Limits.MaxRunning;
        var longest = Math.Max(LeastRetryAfterMs, Limits.MaxWait.TotalMilliseconds);
        var retryAfterMs = (int)Math.Ceiling(Math.Clamp(drainMs, LeastRetryAfterMs, longest));
        return new SiloBusyException(running, waiting, retryAfterMs);
    }

    private void Leave(TimeSpan held)
    {
        Volatile.Write(ref _meanHoldMs, (0.95 * Volatile.Read(ref _meanHoldMs)) + (0.05 * held.TotalMilliseconds));
        _running.Release();
    }

    /// <summary>One turn's place in the gate: disposing it (once; again does nothing) lets the next turn in.</summary>
    public sealed class TurnSlot : IDisposable
    {
        private readonly TurnGate _gate;
        private readonly long _since = Stopwatch.GetTimestamp();
        private int _left;

        internal TurnSlot(TurnGate gate) => _gate = gate;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                _gate.Leave(Stopwatch.GetElapsedTime(_since));
            }
        }
    }
}
