using System.Collections.Immutable;

namespace WorldPlay.Load;

/// <summary>A turn as the run bins it: when it was committed (seconds since the run started) and its latency in milliseconds.
/// </summary>
public readonly record struct CommittedTurn(double AtSeconds, double LatencyMs);

/// <summary>One phase of a run: <c>rampUp</c> (from the start until every session has its first turn), <c>steady</c>, and
/// <c>drain</c> (after the first session finished or the run's deadline), with the turns committed in it, their rate, and
/// their latency percentiles (nearest rank over the exact values).</summary>
public sealed record LoadPhase(
    string Name, double FromSeconds, double ToSeconds, long Turns, double TurnsPerSecond, double P50Ms, double P95Ms, double P99Ms,
    double P999Ms, double MaxMs)
{
    /// <summary>Splits <paramref name="turns"/> at <paramref name="rampUpEnd"/> and <paramref name="drainStart"/> (a drain that
    /// would start before the ramp-up ends starts where it ends: that run had no steady state) into the three phases; the drain
    /// ends at <paramref name="end"/> or the last commit, whichever is later. A turn exactly on a boundary belongs to the phase
    /// before it.</summary>
    public static ImmutableArray<LoadPhase> Split(IReadOnlyList<CommittedTurn> turns, double rampUpEnd, double drainStart, double end)
    {
        ArgumentNullException.ThrowIfNull(turns);
        drainStart = Math.Max(drainStart, rampUpEnd);
        end = Math.Max(Math.Max(end, drainStart), turns.Count == 0 ? 0 : turns.Max(t => t.AtSeconds));
        return
        [
            Of("rampUp", turns, 0, rampUpEnd, first: true),
            Of("steady", turns, rampUpEnd, drainStart, first: false),
            Of("drain", turns, drainStart, end, first: false),
        ];
    }

    /// <summary>Turns per second counted from the first commit until <paramref name="until"/> (null: the last commit), so the
    /// seconds before any session played and the calls still in flight after a deadline weigh on nothing.</summary>
    public static double RateFromFirstTurn(IReadOnlyList<CommittedTurn> turns, double? until)
    {
        ArgumentNullException.ThrowIfNull(turns);
        if (turns.Count == 0)
        {
            return 0;
        }
        var first = turns.Min(t => t.AtSeconds);
        var last = until ?? turns.Max(t => t.AtSeconds);
        var counted = turns.Count(t => t.AtSeconds <= last);
        return last <= first ? 0 : Math.Round(counted / (last - first), 1);
    }

    /// <summary>The value at <paramref name="percentile"/> of <paramref name="sorted"/> by nearest rank; 0 when empty.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double percentile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return 0;
        }
        // Rounded first: 99.9 / 100 * 1000 is 999.0000000000001 in doubles, whose ceiling would skip a rank.
        var rank = (int)Math.Ceiling(Math.Round(percentile / 100 * sorted.Count, 9));
        return Math.Round(sorted[Math.Clamp(rank, 1, sorted.Count) - 1], 2);
    }

    private static LoadPhase Of(string name, IReadOnlyList<CommittedTurn> turns, double from, double to, bool first)
    {
        var latencies = turns.Where(t => (first ? t.AtSeconds >= from : t.AtSeconds > from) && t.AtSeconds <= to)
            .Select(t => t.LatencyMs).Order().ToList();
        var seconds = to - from;
        return new LoadPhase(
            name, Math.Round(from, 2), Math.Round(to, 2), latencies.Count,
            seconds <= 0 ? 0 : Math.Round(latencies.Count / seconds, 1),
            Percentile(latencies, 50), Percentile(latencies, 95), Percentile(latencies, 99), Percentile(latencies, 99.9),
            latencies.Count == 0 ? 0 : Math.Round(latencies[^1], 2));
    }
}
