using HdrHistogram;
using WorldPlay.Contracts;
using WorldPlay.Load.Sessions;

namespace WorldPlay.Load;

/// <summary>What a load run measures while it plays: every acknowledged turn's latency (HdrHistogram, microseconds), every
/// call's latency, failures and retries by type, and one <see cref="LoadSecond"/> per tick for the timeline.
/// Sessions record from many threads at once, so every member takes one lock; the work under it is a few increments.</summary>
internal sealed class LoadMeter
{
    // An hour: a turn waiting out every retry during a failover takes about a minute, so nothing real gets near it.
    private const long HighestMicroseconds = 3_600_000_000;

    private readonly Lock _gate = new();
    private readonly LongHistogram _turns = new(HighestMicroseconds, 3);
    private readonly LongHistogram _calls = new(HighestMicroseconds, 3);
    // The per-tick histograms only feed the timeline's plot, where two significant digits are plenty.
    private readonly LongHistogram _tickTurns = new(HighestMicroseconds, 2);
    private readonly LongHistogram _tickCalls = new(HighestMicroseconds, 2);
    private readonly List<LoadSecond> _timeline = [];
    private readonly SortedDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _retries = new(StringComparer.Ordinal);
    private readonly List<CommittedTurn> _committed = [];
    private readonly List<GateSample> _gateSamples = [];
    private int _tickErrors;
    private int _tickRetries;
    private int _tickShed;
    private TimeSpan _lastTick;

    public long Acknowledged { get; private set; }

    public int SessionsDone { get; private set; }

    /// <summary>Records the turns one call acknowledged: each turn's latency (as the driver measured it), and the call's. A call
    /// that started at <paramref name="startedAt"/> (since the run started) committed its turns one after another, so each turn
    /// is binned at the call's start plus the latencies of the turns up to it (never past the call's end): when it was committed,
    /// not when the call returned.</summary>
    public void Played(IReadOnlyList<PlayedTurn> turns, TimeSpan call, TimeSpan startedAt = default)
    {
        lock (_gate)
        {
            var (committedAt, callEnd) = (startedAt.TotalSeconds, (startedAt + call).TotalSeconds);
            foreach (var turn in turns)
            {
                var micros = Micros(turn.LatencyMs);
                _turns.RecordValue(micros);
                _tickTurns.RecordValue(micros);
                committedAt = Math.Min(callEnd, committedAt + (turn.LatencyMs / 1000));
                _committed.Add(new CommittedTurn(committedAt, turn.LatencyMs));
            }
            var callMicros = Micros(call.TotalMilliseconds);
            _calls.RecordValue(callMicros);
            _tickCalls.RecordValue(callMicros);
            Acknowledged += turns.Count;
        }
    }

    /// <summary>The silo's turn gate refused a turn (busy); the client waits its retry hint and asks again. Not an error.</summary>
    public void Shed()
    {
        lock (_gate)
        {
            ShedCount++;
            _tickShed++;
        }
    }

    /// <summary>Turns the silos' gates refused and the client asked again.</summary>
    public int ShedCount { get; private set; }

    /// <summary>Keeps the readings of the silos' turn gates taken at <paramref name="at"/> (since the run started) for the
    /// report's time series.</summary>
    public void Sampled(TimeSpan at, IEnumerable<SiloMeterReading> readings)
    {
        lock (_gate)
        {
            _gateSamples.AddRange(readings.Select(r => new GateSample(Math.Round(at.TotalSeconds, 2), r)));
        }
    }

    /// <summary>Every gate reading taken, in order.</summary>
    public IReadOnlyList<GateSample> GateSamples
    {
        get
        {
            lock (_gate)
            {
                return [.. _gateSamples];
            }
        }
    }

    /// <summary>Every acknowledged turn at the time it was committed.</summary>
    public IReadOnlyList<CommittedTurn> Committed
    {
        get
        {
            lock (_gate)
            {
                return [.. _committed];
            }
        }
    }

    /// <summary>A session gave up: its failure outlasted the client's retries.</summary>
    public void Failed(Exception e)
    {
        lock (_gate)
        {
            _errors[e.GetType().Name] = _errors.GetValueOrDefault(e.GetType().Name) + 1;
            _tickErrors++;
            FirstFailure ??= $"{e.GetType().Name}: {e.Message.Split('\n', 2)[0].Trim()}";
        }
    }

    /// <summary>The first session failure, type and first line, so a run that fails everywhere says why.</summary>
    public string? FirstFailure { get; private set; }

    /// <summary>A call failed and the client retries it (every turn is idempotent by its number, so this loses nothing).</summary>
    public void Retried(Exception e)
    {
        lock (_gate)
        {
            _retries[e.GetType().Name] = _retries.GetValueOrDefault(e.GetType().Name) + 1;
            _tickRetries++;
        }
    }

    public void SessionDone()
    {
        lock (_gate)
        {
            SessionsDone++;
        }
    }

    /// <summary>Closes the tick that ends at <paramref name="at"/> (time since the run started) into the timeline.</summary>
    public LoadSecond Tick(TimeSpan at)
    {
        lock (_gate)
        {
            var seconds = Math.Max((at - _lastTick).TotalSeconds, 0.001);
            var point = new LoadSecond(
                Math.Round(at.TotalSeconds, 2),
                (int)_tickTurns.TotalCount,
                Math.Round(_tickTurns.TotalCount / seconds, 1),
                Millis(_tickTurns, 50),
                Millis(_tickTurns, 99),
                _tickTurns.TotalCount == 0 ? 0 : Math.Round(_tickTurns.GetMaxValue() / 1000.0, 1),
                Millis(_tickCalls, 99),
                _tickErrors,
                _tickRetries)
            {
                Shed = _tickShed,
            };
            _timeline.Add(point);
            _tickTurns.Reset();
            _tickCalls.Reset();
            (_tickErrors, _tickRetries, _tickShed, _lastTick) = (0, 0, 0, at);
            return point;
        }
    }

    public IReadOnlyList<LoadSecond> Timeline
    {
        get
        {
            lock (_gate)
            {
                return [.. _timeline];
            }
        }
    }

    public LatencySummary TurnLatency
    {
        get
        {
            lock (_gate)
            {
                return Summary(_turns);
            }
        }
    }

    public LatencySummary CallLatency
    {
        get
        {
            lock (_gate)
            {
                return Summary(_calls);
            }
        }
    }

    public IReadOnlyDictionary<string, int> Errors
    {
        get
        {
            lock (_gate)
            {
                return new SortedDictionary<string, int>(_errors, StringComparer.Ordinal);
            }
        }
    }

    public IReadOnlyDictionary<string, int> Retries
    {
        get
        {
            lock (_gate)
            {
                return new SortedDictionary<string, int>(_retries, StringComparer.Ordinal);
            }
        }
    }

    private static LatencySummary Summary(LongHistogram histogram) => histogram.TotalCount == 0
        ? new LatencySummary(0, 0, 0, 0, 0, 0)
        : new LatencySummary(
            histogram.TotalCount,
            Millis(histogram, 50),
            Millis(histogram, 95),
            Millis(histogram, 99),
            Math.Round(histogram.GetMaxValue() / 1000.0, 2),
            Math.Round(histogram.GetMean() / 1000.0, 2))
        {
            P999Ms = Millis(histogram, 99.9),
        };

    private static double Millis(LongHistogram histogram, double percentile) =>
        histogram.TotalCount == 0 ? 0 : Math.Round(histogram.GetValueAtPercentile(percentile) / 1000.0, 2);

    private static long Micros(double milliseconds) =>
        Math.Clamp((long)Math.Round(milliseconds * 1000), 1, HighestMicroseconds);
}

/// <summary>A silo's turn gate as read <see cref="AtSeconds"/> after the run started.</summary>
public readonly record struct GateSample(double AtSeconds, SiloMeterReading Reading);

/// <summary>Latency percentiles in milliseconds over <see cref="Count"/> recorded values.</summary>
public sealed record LatencySummary(long Count, double P50Ms, double P95Ms, double P99Ms, double MaxMs, double MeanMs)
{
    /// <summary>The 99.9th percentile: one turn in a thousand waited longer.</summary>
    public double P999Ms { get; init; }
}

/// <summary>One tick of the timeline: turns acknowledged in it, their rate and latency, and the calls' p99.</summary>
public sealed record LoadSecond(
    double AtSeconds, int Turns, double TurnsPerSecond, double P50Ms, double P99Ms, double MaxMs, double CallP99Ms, int Errors,
    int Retries)
{
    /// <summary>Turns the silos' gates refused in this tick (each asked again after the retry hint).</summary>
    public int Shed { get; init; }
}
