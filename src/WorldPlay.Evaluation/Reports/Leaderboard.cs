using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace WorldPlay.Evaluation.Reports;

/// <summary>One entry of a comparison: a report's overall score, and its paired difference to the leader over the scenarios both
/// played.</summary>
public sealed record LeaderboardEntry(int Rank, string Name, double Score, Interval Interval, int SharedScenarios,
    double? DifferenceToLeader, Interval? DifferenceInterval);

/// <summary>Ranks several reports by overall score and compares each to the leader scenario by scenario (sessions with the same
/// name).</summary>
public static class Leaderboard
{
    public static ImmutableArray<LeaderboardEntry> Compare(IReadOnlyList<(string Name, BenchReport Report)> reports,
        int seed = BenchReportBuilder.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var ranked = reports.OrderByDescending(r => r.Report.Overall.Score).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        if (ranked.Count == 0)
        {
            return [];
        }
        var leader = ScenarioScores(ranked[0].Report);
        return [.. ranked.Select((r, i) =>
        {
            var mine = ScenarioScores(r.Report);
            // Pairing by scenario removes the difference between easy and hard scenarios from the comparison.
            var paired = mine.Keys.Where(leader.ContainsKey).Order(StringComparer.Ordinal).Select(k => mine[k] - leader[k]).ToList();
            return new LeaderboardEntry(i + 1, r.Name, r.Report.Overall.Score, r.Report.Overall.Interval, paired.Count,
                i == 0 || paired.Count == 0 ? null : Statistics.Round(paired.Average()),
                i == 0 || paired.Count == 0 ? null : Statistics.Bootstrap(paired, s => s.Average(), seed));
        })];
    }

    /// <summary>The leaderboard as a plain-text table.</summary>
    public static string Format(IReadOnlyList<LeaderboardEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var text = new StringBuilder();
        text.AppendLine("rank  score  95% interval     vs leader (paired)          scenarios  report");
        foreach (var e in entries)
        {
            var difference = e.DifferenceToLeader is { } d && e.DifferenceInterval is { } di
                ? $"{d,6:+0.0;-0.0;0.0} [{di.Low:+0.0;-0.0;0.0}, {di.High:+0.0;-0.0;0.0}]"
                : e.Rank == 1 ? "leader" : "no shared scenario";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{e.Rank,4}  {e.Score,5:0.0}  [{e.Interval.Low,5:0.0}, {e.Interval.High,5:0.0}]   {difference,-26}  " +
                $"{e.SharedScenarios,9}  {e.Name}");
        }
        return text.ToString();
    }

    /// <summary>Mean session score per scenario: repeats of a scenario share its name.</summary>
    private static Dictionary<string, double> ScenarioScores(BenchReport report) =>
        report.SessionResults.GroupBy(s => s.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Average(s => s.Score), StringComparer.Ordinal);
}
