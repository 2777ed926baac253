using System.Collections.Immutable;
using WorldPlay.Evaluation.Judging;

namespace WorldPlay.Evaluation.Calibration;

/// <summary>An LLM judge measured against a labelled corpus: every NPC reply asked about all thirteen categories (the judge's
/// audit question), its verdicts counted against the labels per language and per half, with kappa, precision and recall.
/// Unreadable answers and failed calls give no verdict: they are counted, and their replies left out of the figures.</summary>
public sealed record JudgeCalibration(
    string Model,
    int Questions,
    int Answered,
    int Unreadable,
    int Failed,
    ImmutableArray<LanguageAgreement> Languages,
    ImmutableArray<HalfAgreement> Halves)
{
    /// <summary>Asks <paramref name="judge"/> about every NPC reply of <paramref name="sessions"/>, <paramref name="concurrency"/>
    /// at a time; <paramref name="progress"/> hears (answered so far, questions) after each answer, one call at a time and in
    /// order.</summary>
    public static async Task<JudgeCalibration> RunAsync(LlmJudge judge, IReadOnlyList<LabelledSession> sessions,
        int concurrency = LlmJudge.DefaultConcurrency, Action<int, int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        var cases = Cases(sessions);
        var judgements = new Judgement[cases.Length];
        var done = 0;
        var gate = new Lock();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, cases.Length),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                judgements[i] = await judge.JudgeAsync(sessions[cases[i].Session].Transcript, cases[i], ct).ConfigureAwait(false);
                lock (gate)
                {
                    progress?.Invoke(++done, cases.Length);
                }
            }).ConfigureAwait(false);
        return Summarize(judge.Model, sessions, [.. judgements]);
    }

    /// <summary>One audit question (all thirteen categories) per NPC reply, in session and line order.</summary>
    public static ImmutableArray<JudgeCase> Cases(IReadOnlyList<LabelledSession> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        return [.. sessions.SelectMany((s, i) => s.Transcript.NpcReplies.Select(r =>
            new JudgeCase(i, s.Transcript.Name, r.Index, r.Line.Turn, r.Line.Speaker, JudgePurpose.Audit, JudgePrompt.AllCategories)))];
    }

    /// <summary>The judge's answers counted against the labels. Pure: the same answers give the same figures.</summary>
    public static JudgeCalibration Summarize(string model, IReadOnlyList<LabelledSession> sessions, ImmutableArray<Judgement> judgements)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var answered = judgements.Where(j => j.Outcome == JudgeOutcome.Answered).ToList();
        var findings = sessions.Select((s, i) =>
        {
            var own = answered.Where(j => j.Case.Session == i).ToList();
            return new RaterFindings(s,
                own.SelectMany(j => BenchCategory.All.Where(c => j.Present(c) == true).Select(c => (j.Case.Turn, c))).ToHashSet(),
                own.Select(j => j.Case.Turn).ToHashSet());
        }).ToList();
        return new JudgeCalibration(model, judgements.Length, answered.Count,
            judgements.Count(j => j.Outcome == JudgeOutcome.Unreadable), judgements.Count(j => j.Outcome == JudgeOutcome.Failed),
            LabelAgreement.PerLanguage(findings), LabelAgreement.PerHalf(findings));
    }
}
