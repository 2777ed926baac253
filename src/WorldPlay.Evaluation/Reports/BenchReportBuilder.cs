using System.Collections.Immutable;
using WorldPlay.Evaluation.Detectors;

namespace WorldPlay.Evaluation.Reports;

/// <summary>Folds scored transcripts into a <see cref="BenchReport"/>.</summary>
public static class BenchReportBuilder
{
    public const int FormatVersion = 1;

    /// <summary>The seed every bootstrap starts from, so that a report is reproducible byte for byte.</summary>
    public const int DefaultSeed = 20240605;

    /// <summary>Width of the windows of NPC replies the wall compares.</summary>
    public const int WallWindow = 10;

    /// <summary>A window is a wall when its rise over the first window has a one-sided p-value below this.</summary>
    public const double WallSignificance = 0.05;

    /// <summary>How many of the worst replies the report shows.</summary>
    public const int WorstTurnCount = 10;

    /// <summary>One NPC reply as statistics see it: its session, position among the session's replies, hits and length.</summary>
    private sealed record Reply(int Session, int Index, ImmutableArray<DetectorHit> Hits, int Length);

    public static BenchReport Build(IReadOnlyList<ScoredTranscript> sessions, int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var replies = sessions.Select((s, i) => RepliesOf(s, i).ToImmutableArray()).ToImmutableArray();
        var all = replies.SelectMany(r => r).ToList();
        // Sessions are the unit a model is run on, so they are what the bootstrap resamples; a lone session can only
        // be resampled by its replies, which gives a narrower (optimistic) interval, as docs/bench.md says.
        Interval Interval(Func<IEnumerable<Reply>, double> statistic, int salt) => sessions.Count > 1
            ? Statistics.Bootstrap(replies, s => statistic(s.SelectMany(r => r)), seed + salt)
            : Statistics.Bootstrap(all, s => statistic(s), seed + salt);

        var categories = BenchCategory.All.Select((id, i) =>
        {
            double Rate(IEnumerable<Reply> rs)
            {
                var list = rs as IReadOnlyCollection<Reply> ?? [.. rs];
                return list.Count == 0 ? 0 : (double)list.Sum(r => r.Hits.Count(h => h.Category == id)) / list.Count;
            }
            return new CategoryResult(id, BenchGroups.Of(id), all.Sum(r => r.Hits.Count(h => h.Category == id)),
                Statistics.Round(Rate(all)), Interval(Rate, i + 1));
        }).ToImmutableArray();

        GroupScore Group(string name, Func<string, bool> inGroup, int salt)
        {
            double Score(IEnumerable<Reply> rs)
            {
                var list = rs as IReadOnlyCollection<Reply> ?? [.. rs];
                return list.Count == 0 ? 100 : 100.0 * (1 - ((double)list.Count(r => r.Hits.Any(h => inGroup(h.Category))) / list.Count));
            }
            return new GroupScore(name, Statistics.Round(Score(all)), Interval(Score, salt));
        }

        var groups = BenchGroups.All.Select((g, i) => Group(g, c => BenchGroups.Of(c) == g, 100 + i)).ToImmutableArray();
        var curve = all.GroupBy(r => r.Index).OrderBy(g => g.Key).Select(g => new TurnPoint(
            g.Key,
            g.Count(),
            Statistics.Round((double)g.Count(r => !r.Hits.IsEmpty) / g.Count()),
            Statistics.Round(g.Average(r => r.Length)))).ToImmutableArray();
        var worst = sessions
            .SelectMany((s, i) => replies[i].Where(r => !r.Hits.IsEmpty).Select(r => (Session: s, Reply: r)))
            .OrderByDescending(x => x.Reply.Hits.Sum(h => h.Severity))
            .ThenBy(x => x.Reply.Session)
            .ThenBy(x => x.Reply.Index)
            .Take(WorstTurnCount)
            .Select(x =>
            {
                var line = x.Session.Transcript.Lines[x.Reply.Hits[0].Line];
                return new WorstTurn(x.Session.Transcript.Name, line.Turn, line.Speaker, line.Text, x.Reply.Hits.Max(h => h.Severity),
                    x.Reply.Hits);
            })
            .ToImmutableArray();
        var recalls = sessions.Select(ConstructedRecall.Of).ToImmutableArray();
        var results = sessions.Select((s, i) => new SessionResult(
            s.Transcript.Name,
            replies[i].Length,
            s.Hits.Length,
            Statistics.Round(replies[i].Length == 0 ? 100
                : 100.0 * (1 - ((double)replies[i].Count(r => !r.Hits.IsEmpty) / replies[i].Length))),
            recalls[i].Probes,
            recalls[i].Consistent)).ToImmutableArray();
        var recall = ConstructedRecall.Of(recalls);
        return new BenchReport(
            FormatVersion,
            seed,
            sessions.Count,
            all.Count,
            Group("Overall", _ => true, 99),
            groups,
            categories,
            curve,
            FindWall(all),
            worst,
            results,
            UserConstructedRecall: new RecallResult(recall.Probes, recall.Consistent, ConstructedRecall.MinTurnsSinceCreation));
    }

    /// <summary>The first window of <see cref="WallWindow"/> reply positions whose misalignment rate rises significantly over the
    /// first window's (two-proportion z-test, one-sided), or null when none does.</summary>
    public static Wall? FindWall(IReadOnlyList<(int Index, bool Misaligned)> replies)
    {
        ArgumentNullException.ThrowIfNull(replies);
        var windows = replies.GroupBy(r => (r.Index - 1) / WallWindow).OrderBy(g => g.Key).ToList();
        if (windows.Count < 2 || windows[0].Key != 0)
        {
            return null;
        }
        var baseline = windows[0];
        var k1 = baseline.Count(r => r.Misaligned);
        foreach (var window in windows.Skip(1))
        {
            var k2 = window.Count(r => r.Misaligned);
            var p = Statistics.ProportionIncreasePValue(k1, baseline.Count(), k2, window.Count());
            if (p < WallSignificance)
            {
                return new Wall((window.Key * WallWindow) + 1, window.Max(r => r.Index), Statistics.Round((double)k2 / window.Count()),
                    Statistics.Round((double)k1 / baseline.Count()), Statistics.Round(p));
            }
        }
        return null;
    }

    private static Wall? FindWall(IEnumerable<Reply> replies) => FindWall([.. replies.Select(r => (r.Index, !r.Hits.IsEmpty))]);

    private static IEnumerable<Reply> RepliesOf(ScoredTranscript scored, int session)
    {
        var byLine = scored.Hits.GroupBy(h => h.Line).ToDictionary(g => g.Key, g => g.ToImmutableArray());
        var index = 0;
        foreach (var (line, lineIndex) in scored.Transcript.NpcReplies)
        {
            yield return new Reply(session, ++index, byLine.GetValueOrDefault(lineIndex, []), line.Text.Length);
        }
    }
}
