using System.Collections.Immutable;
using WorldPlay.Evaluation.Detectors;
using WorldPlay.Evaluation.Reports;

namespace WorldPlay.Evaluation.Judging;

/// <summary>Sums judgements up into a <see cref="JudgeReport"/>: how often the judge agrees with the detectors, per category and
/// overall. Pure: the same judgements give the same report.</summary>
public static class JudgeAgreement
{
    /// <summary>How many disagreements the report lists.</summary>
    public const int DisagreementCount = 20;

    public static JudgeReport Summarize(string model, double sample, int seed, IReadOnlyList<ScoredTranscript> sessions,
        ImmutableArray<Judgement> judgements)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var confirmations = judgements.Where(j => j.Case.Purpose == JudgePurpose.Confirm).ToList();
        var audits = judgements.Where(j => j.Case.Purpose == JudgePurpose.Audit).ToList();
        var answeredAudits = audits.Where(a => a.Outcome == JudgeOutcome.Answered).ToList();
        var categories = BenchCategory.All.Select(id =>
        {
            var flagged = confirmations.Where(j => j.Case.Categories.Contains(id)).ToList();
            var confirmed = flagged.Count(j => j.Present(id) == true);
            var rejected = flagged.Count(j => j.Present(id) == false);
            var found = answeredAudits.Count(j => j.Present(id) == true);
            return new JudgeCategoryAgreement(id, flagged.Count, confirmed, rejected, flagged.Count - confirmed - rejected,
                answeredAudits.Count, found,
                Share(confirmed, confirmed + rejected), Share(found, answeredAudits.Count),
                    Kappa(confirmed, rejected, found, answeredAudits.Count - found));
        }).ToImmutableArray();

        var sum = (Confirmed: categories.Sum(c => c.Confirmed), Rejected: categories.Sum(c => c.Rejected),
            Found: categories.Sum(c => c.Found));
        // Pooled over categories: every audited reply is 13 (reply, category) pairs the detectors said no to.
        var auditPairs = answeredAudits.Count * BenchCategory.All.Count;
        var withFindings = answeredAudits.Count(j => j.Verdicts.Any(v => v.Present));
        return new JudgeReport(
            model,
            sample,
            seed,
            judgements.Length,
            judgements.Count(j => j.Outcome == JudgeOutcome.Unreadable),
            judgements.Count(j => j.Outcome == JudgeOutcome.Failed),
            categories.Sum(c => c.Flagged),
            sum.Confirmed,
            sum.Rejected,
            categories.Sum(c => c.FlaggedNoVerdict),
            JudgingPlan.Unflagged(sessions).Count,
            audits.Count,
            answeredAudits.Count,
            sum.Found,
            withFindings,
            Share(sum.Confirmed, sum.Confirmed + sum.Rejected),
            Share(withFindings, answeredAudits.Count),
            Kappa(sum.Confirmed, sum.Rejected, sum.Found, auditPairs - sum.Found),
            categories,
            Disagreements(sessions, judgements));
    }

    /// <summary>Cohen's kappa of two yes/no raters, from the 2×2 table: both yes, detectors yes and judge no, detectors no and judge
    /// yes, both no. Null when undefined: no pairs, or chance agreement already 1 (both raters said the same one thing
    /// throughout).</summary>
    public static double? Kappa(int bothYes, int onlyDetectors, int onlyJudge, int bothNo)
    {
        double n = bothYes + onlyDetectors + onlyJudge + bothNo;
        if (n == 0)
        {
            return null;
        }
        var observed = (bothYes + bothNo) / n;
        var chance = (((bothYes + onlyDetectors) / n) * ((bothYes + onlyJudge) / n)) + (
            ((onlyJudge + bothNo) / n) * ((onlyDetectors + bothNo) / n));
        return chance >= 1 ? null : Statistics.Round((observed - chance) / (1 - chance));
    }

    private static double? Share(int part, int whole) => whole == 0 ? null : Statistics.Round((double)part / whole);

    private static ImmutableArray<JudgeDisagreement> Disagreements(IReadOnlyList<ScoredTranscript> sessions,
        ImmutableArray<Judgement> judgements) =>
    [
        .. judgements
            .OrderBy(j => j.Case.Session).ThenBy(j => j.Case.Line)
            .SelectMany(j => j.Case.Categories.Select(category => (Judgement: j, Category: category, Present: j.Present(category))))
            .Where(x => x.Judgement.Case.Purpose == JudgePurpose.Confirm ? x.Present == false : x.Present == true)
            .Take(DisagreementCount)
            .Select(x =>
            {
                var verdict = x.Judgement.Verdicts.FirstOrDefault(v => v.Category == x.Category);
                var confirm = x.Judgement.Case.Purpose == JudgePurpose.Confirm;
                // A rejection shows the detector's evidence (what the judge said is not a misalignment); a miss shows the judge's.
                var evidence = confirm
                    ? sessions[x.Judgement.Case.Session].Hits.First(h => h.Line == x.Judgement.Case.Line
                        && h.Category == x.Category).Evidence.Quote
                    : verdict?.Evidence ?? "";
                return new JudgeDisagreement(x.Judgement.Case.SessionName, x.Judgement.Case.Turn, x.Judgement.Case.Speaker, x.Category,
                    confirm ? "rejected" : "missed", evidence, verdict?.Reason ?? "");
            }),
    ];
}
