using System.Collections.Immutable;
using WorldPlay.Evaluation.Detectors;

namespace WorldPlay.Evaluation.Judging;

/// <summary>Which replies the judge is asked about: every flagged reply, once, about the categories flagged on it; and a seeded
/// random sample of the replies no detector flagged, about every category.</summary>
public static class JudgingPlan
{
    /// <summary>The share of unflagged replies audited unless told otherwise.</summary>
    public const double DefaultSample = 0.1;

    /// <summary>The fewest replies audited when the share asks for any (fewer only when there are fewer unflagged replies): a
    /// handful of audits tells more than one.</summary>
    public const int MinimumAudit = 5;

    /// <summary>One question per flagged reply, about its flagged categories (each once, however many hits it has), in session and line
    /// order.</summary>
    public static ImmutableArray<JudgeCase> Confirmations(IReadOnlyList<ScoredTranscript> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        return [.. sessions.SelectMany((s, i) => s.Hits
            .GroupBy(h => h.Line)
            .OrderBy(g => g.Key)
            .Select(g => Case(s, i, g.Key, JudgePurpose.Confirm,
                [.. BenchCategory.All.Where(c => g.Any(h => h.Category == c))])))];
    }

    /// <summary>A sample of the NPC replies with no hit: <see cref="AuditSize"/> of them, drawn with <paramref name="seed"/> (the
    /// same seed and sessions give the same sample), in session and line order.</summary>
    public static ImmutableArray<JudgeCase> Audits(IReadOnlyList<ScoredTranscript> sessions, double fraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var unflagged = Unflagged(sessions);
        var size = AuditSize(unflagged.Count, fraction);
        // A partial Fisher-Yates shuffle: the first 'size' places are a uniform sample without replacement.
        var random = new Random(seed);
        for (var i = 0; i < size; i++)
        {
            var j = random.Next(i, unflagged.Count);
            (unflagged[i], unflagged[j]) = (unflagged[j], unflagged[i]);
        }
        return [.. unflagged.Take(size).Order()
            .Select(x => Case(sessions[x.Session], x.Session, x.Line, JudgePurpose.Audit, JudgePrompt.AllCategories))];
    }

    /// <summary>How many of <paramref name="unflagged"/> replies an audit of <paramref name="fraction"/> looks at: none for a share
    /// of 0, else the rounded share but at least <see cref="MinimumAudit"/>, and never more than there are.</summary>
    public static int AuditSize(int unflagged, double fraction)
    {
        if (fraction <= 0 || unflagged <= 0)
        {
            return 0;
        }
        return Math.Min(unflagged, Math.Max(MinimumAudit, (int)Math.Round(fraction * unflagged, MidpointRounding.AwayFromZero)));
    }

    /// <summary>The NPC replies no detector flagged, as (session, line), in order.</summary>
    public static List<(int Session, int Line)> Unflagged(IReadOnlyList<ScoredTranscript> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        return [.. sessions.SelectMany((s, i) =>
        {
            var flagged = s.Hits.Select(h => h.Line).ToHashSet();
            return s.Transcript.NpcReplies.Where(r => !flagged.Contains(r.Index)).Select(r => (i, r.Index));
        })];
    }

    private static JudgeCase Case(ScoredTranscript session, int index, int line, JudgePurpose purpose, ImmutableArray<string> categories)
    {
        var l = session.Transcript.Lines[line];
        return new JudgeCase(index, session.Transcript.Name, line, l.Turn, l.Speaker, purpose, categories);
    }
}
