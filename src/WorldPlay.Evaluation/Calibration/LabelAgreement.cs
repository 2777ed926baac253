using System.Collections.Immutable;
using WorldPlay.Evaluation.Judging;
using WorldPlay.Evaluation.Reports;

namespace WorldPlay.Evaluation.Calibration;

/// <summary>A rater (the detectors, or the judge) against the labels on one category, over (NPC reply, category) pairs:
/// <c>labelled</c> = true positives + false negatives. <see cref="Precision"/> = TP / (TP + FP), <see cref="Recall"/> =
/// TP / labelled, <see cref="Kappa"/> = Cohen's kappa of rater and labels; each null where undefined (nothing found, nothing
/// labelled, both said the same one thing throughout).</summary>
public sealed record AgreementCounts(string Category, int Labelled, int TruePositives, int FalsePositives, int FalseNegatives,
    int TrueNegatives)
{
    /// <summary>The row that pools every category's pairs.</summary>
    public const string AllCategories = "all categories";

    public double? Precision => TruePositives + FalsePositives == 0
        ? null
        : Statistics.Round((double)TruePositives / (TruePositives + FalsePositives));

    public double? Recall => Labelled == 0 ? null : Statistics.Round((double)TruePositives / Labelled);

    public double? Kappa => JudgeAgreement.Kappa(TruePositives, FalseNegatives, FalsePositives, TrueNegatives);
}

/// <summary>One language's figures: how many sessions and NPC replies were counted, each category, and all categories
/// pooled.</summary>
public sealed record LanguageAgreement(string Language, int Sessions, int Replies, ImmutableArray<AgreementCounts> Categories,
    AgreementCounts Total);

/// <summary>The figures of one half of the corpus (<c>dev</c> or <c>test</c>), per language.</summary>
public sealed record HalfAgreement(string Half, ImmutableArray<LanguageAgreement> Languages);

/// <summary>What a rater found on one labelled session: the (turn, category) pairs it says are present, and the NPC turns it
/// gave an answer on (every NPC reply for the detectors; the readable answers for a judge).</summary>
public sealed record RaterFindings(LabelledSession Session, IReadOnlySet<(int Turn, string Category)> Found, IReadOnlySet<int> Answered);

/// <summary>Counts a rater's findings against the labels, per language and per half. Pure: the same findings give the same
/// figures.</summary>
public static class LabelAgreement
{
    /// <summary>One entry per language present, in <see cref="LabelledCorpus.Languages"/> order.</summary>
    public static ImmutableArray<LanguageAgreement> PerLanguage(IReadOnlyList<RaterFindings> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        return [.. LabelledCorpus.Languages
            .Select(language => findings.Where(f => f.Session.Language == language).ToList())
            .Where(group => group.Count > 0)
            .Select(group => Tally(group[0].Session.Language, group))];
    }

    /// <summary>One entry per half present, in <see cref="LabelledCorpus.Halves"/> order, when more than one half is present
    /// (with one half, the per-language figures are already that half's); otherwise empty.</summary>
    public static ImmutableArray<HalfAgreement> PerHalf(IReadOnlyList<RaterFindings> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var halves = Present(findings.Select(f => f.Session));
        return halves.Length < 2
            ? []
            : [.. halves.Select(half => new HalfAgreement(half, PerLanguage([.. findings.Where(f => f.Session.Half == half)])))];
    }

    /// <summary>The halves that hold at least one of <paramref name="sessions"/>, in <see cref="LabelledCorpus.Halves"/>
    /// order.</summary>
    public static ImmutableArray<string> Present(IEnumerable<LabelledSession> sessions)
    {
        var halves = sessions.Select(s => s.Half).ToHashSet();
        return [.. LabelledCorpus.Halves.Where(halves.Contains)];
    }

    private static LanguageAgreement Tally(string language, List<RaterFindings> group)
    {
        var counts = BenchCategory.All.ToDictionary(c => c, _ => new int[4]);
        var replies = 0;
        foreach (var f in group)
        {
            foreach (var line in f.Session.Transcript.NpcLines.Where(l => f.Answered.Contains(l.Turn)))
            {
                replies++;
                foreach (var category in BenchCategory.All)
                {
                    var labelled = f.Session.IsLabelled(line.Turn, category);
                    var found = f.Found.Contains((line.Turn, category));
                    // Cells: 0 true positive, 1 false positive, 2 false negative, 3 true negative.
                    counts[category][(labelled, found) switch { (true, true) => 0, (false, true) => 1, (true, false) => 2, _ => 3 }]++;
                }
            }
        }
        var categories = BenchCategory.All.Select(c => Row(c, counts[c])).ToImmutableArray();
        var total = Row(AgreementCounts.AllCategories,
            [.. Enumerable.Range(0, 4).Select(cell => BenchCategory.All.Sum(c => counts[c][cell]))]);
        return new LanguageAgreement(language, group.Count, replies, categories, total);
    }

    private static AgreementCounts Row(string category, int[] cells) =>
        new(category, cells[0] + cells[2], cells[0], cells[1], cells[2], cells[3]);
}
