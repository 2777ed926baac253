using System.Collections.Immutable;
using WorldPlay.Evaluation.Detectors;
using WorldPlay.Evaluation.Reports;
using WorldPlay.Evaluation.SelfPlay;
using WorldPlay.Evaluation.Transcripts;
using WorldPlay.Synthesis.Diversity;
using WorldPlay.Synthesis.Planning;
using WorldPlay.Synthesis.Sessions;

namespace WorldPlay.Synthesis.Output;

/// <summary>The figures of a synthesis run, from its plan and the sessions played raw and synthesized.</summary>
public static class SynthesisReportBuilder
{
    public const int FormatVersion = 1;

    private const int EnrichmentExamples = 3;

    /// <summary>The report. <paramref name="raw"/> and <paramref name="synthesized"/> hold the sessions that finished, by job
    /// name.</summary>
    public static SynthesisReport Build(
        SynthesisSettings settings, SynthesisPlan plan, int sourceScenarios, int skippedRecords,
        IReadOnlyDictionary<string, SynthesizedSession> raw, IReadOnlyDictionary<string, SynthesizedSession> synthesized,
        IReadOnlyList<FailedJob> failed, RowCounts rows, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(synthesized);
        ArgumentNullException.ThrowIfNull(failed);
        var ordered = plan.Jobs.Where(j => synthesized.ContainsKey(j.Name)).Select(j => synthesized[j.Name]).ToList();
        var (rawTranscripts, keptTranscripts, leftOut) = SameJobs(plan, raw, synthesized);
        return new SynthesisReport(
            FormatVersion,
            settings,
            Plan(plan, sourceScenarios, skippedRecords),
            Compare(rawTranscripts, keptTranscripts, leftOut),
            BestOfK(settings.BestOf, ordered),
            Rounds(ordered),
            rows,
            DiversityMeter.Compare(DiversityMeter.Measure(rawTranscripts), DiversityMeter.Measure(keptTranscripts)),
            [.. failed],
            (long)elapsed.TotalMilliseconds);
    }

    /// <summary>The transcripts of the jobs both runs finished and whose simulated users held up in both, raw and kept (one per
    /// round), and the jobs left out with why.</summary>
    public static (List<Transcript> Raw, List<Transcript> Kept, List<string> LeftOut) SameJobs(
        SynthesisPlan plan, IReadOnlyDictionary<string, SynthesizedSession> raw,
        IReadOnlyDictionary<string, SynthesizedSession> synthesized)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(synthesized);
        var (rawTranscripts, keptTranscripts, leftOut) = (new List<Transcript>(), new List<Transcript>(), new List<string>());
        foreach (var job in plan.Jobs)
        {
            if (!raw.TryGetValue(job.Name, out var r) || !synthesized.TryGetValue(job.Name, out var s) || r.Rounds.IsDefaultOrEmpty)
            {
                leftOut.Add($"{job.Name}: did not finish");
                continue;
            }
            var rawTranscript = SessionTranscripts.Of(r, r.Rounds[0], job.Name);
            var kept = s.Rounds.Select(round => SessionTranscripts.Of(s, round, SessionTranscripts.KeptName(s, round))).ToList();
            if (new[] { rawTranscript }.Concat(kept).Select(t => (t.Name, Break: SessionTranscript.UserBreak(t)))
                    .FirstOrDefault(b => b.Break is not null) is { Break: { } broke } where)
            {
                leftOut.Add($"{job.Name}: the simulated user broke in {where.Name} ({broke.Kind})");
                continue;
            }
            rawTranscripts.Add(rawTranscript);
            keptTranscripts.AddRange(kept);
        }
        return (rawTranscripts, keptTranscripts, leftOut);
    }

    private static MisalignmentComparison Compare(List<Transcript> rawTranscripts, List<Transcript> keptTranscripts, List<string> leftOut)
    {
        var rawReport = rawTranscripts.Count == 0 ? null : BenchReportBuilder.Build([.. rawTranscripts.Select(TranscriptScorer.Score)]);
        var keptReport = keptTranscripts.Count == 0 ? null : BenchReportBuilder.Build([.. keptTranscripts.Select(TranscriptScorer.Score)]);
        var categories = WorldPlay.Evaluation.BenchCategory.All.Select(id =>
        {
            var r = rawReport?.Categories.FirstOrDefault(c => c.Id == id);
            var k = keptReport?.Categories.FirstOrDefault(c => c.Id == id);
            return new CategoryComparison(id, r?.Group ?? k?.Group ?? "", r?.Hits ?? 0, r?.Rate ?? 0, k?.Hits ?? 0, k?.Rate ?? 0);
        });
        return new MisalignmentComparison(
            rawTranscripts.Count, Side(rawReport, rawTranscripts.Count), Side(keptReport, keptTranscripts.Count),
            [.. categories], [.. leftOut]);
    }

    private static MisalignmentSide Side(BenchReport? report, int transcripts) => report is null
        ? new MisalignmentSide(transcripts, 0, 0, 100)
        : new MisalignmentSide(transcripts, report.NpcTurns, 1 - (report.Overall.Score / 100), report.Overall.Score);

    /// <summary>The first sample of a ranked turn is the reply played on the session's path (<see cref="ReplyCandidate.Sample"/>
    /// 0); the others are its regenerations. Turns ranked among fewer than two alternatives (the opening, a turn that cannot be
    /// regenerated) count as ranked but not in the rates.</summary>
    private static BestOfKFigures BestOfK(int k, IReadOnlyList<SynthesizedSession> sessions)
    {
        var (ranked, identified, firstKept, keptWithFindings) = (0, 0, 0, 0);
        var keptScores = new List<double>();
        var rejectedScores = new List<double>();
        foreach (var c in sessions.SelectMany(s => s.Rounds).SelectMany(r => r.Candidates.IsDefault ? [] : r.Candidates))
        {
            ranked++;
            keptScores.Add(c.Kept.Score);
            keptWithFindings += c.Kept.Findings.IsDefaultOrEmpty ? 0 : 1;
            var rejected = c.Rejected.IsDefault ? [] : c.Rejected;
            rejectedScores.AddRange(rejected.Select(r => r.Score));
            if (FirstSample(c) is { } first)
            {
                identified++;
                firstKept += ReferenceEquals(first, c.Kept) ? 1 : 0;
            }
        }
        return new BestOfKFigures(
            k, ranked, identified, firstKept, identified - firstKept, Rate(firstKept, identified), Rate(identified - firstKept, identified),
            keptScores.Count == 0 ? 0 : keptScores.Average(), rejectedScores.Count == 0 ? 0 : rejectedScores.Average(), keptWithFindings);
    }

    /// <summary>The alternative every other one of <paramref name="c"/> was regenerated from, or null.</summary>
    public static ReplyCandidate? FirstSample(TurnCandidates c)
    {
        ArgumentNullException.ThrowIfNull(c);
        List<ReplyCandidate> all = [c.Kept, .. c.Rejected.IsDefault ? [] : c.Rejected];
        return all.Count < 2 ? null : all.FirstOrDefault(x => x.Sample == 0);
    }

    private static ImmutableArray<RoundFigures> Rounds(IReadOnlyList<SynthesizedSession> sessions) =>
    [
        .. sessions.SelectMany(s => s.Rounds).GroupBy(r => r.Number).OrderBy(g => g.Key).Select(g => new RoundFigures(
            g.Key,
            g.Count(),
            g.Sum(r => r.Transcript.Count(t => t.Turn > r.StartTurn)),
            g.Sum(r => r.Reviews.IsDefault ? 0 : r.Reviews.Length),
            g.Sum(r => r.Reviews.IsDefault ? 0 : r.Reviews.Count(v => !v.Findings.IsDefaultOrEmpty)),
            g.Sum(r => r.Reviews.IsDefault ? 0 : r.Reviews.Count(v => v.Rewritten)))),
    ];

    private static PlanFigures Plan(SynthesisPlan plan, int sourceScenarios, int skippedRecords)
    {
        var additions = plan.Enrichments.Where(e => e.Enriched).SelectMany(e => e.Added).GroupBy(a => a.Kind)
            .ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var enrichment = new EnrichmentFigures(
            plan.Enrichments.Length, plan.Skeletal, plan.Enriched, plan.Refused, additions,
            [
                .. plan.Enrichments.Where(e => e.Enriched).Take(EnrichmentExamples)
                    .Select(e => new EnrichmentExample(e.Scenario.Id, e.Added)),
            ],
            [.. plan.Enrichments.Where(e => e.Refused is not null).Select(e => $"{e.Scenario.Id}: {e.Refused}")]);
        return new PlanFigures(sourceScenarios, skippedRecords, plan.Jobs.Length, plan.Dispersion, enrichment,
            Counts(plan.Jobs.Select(j => j.Style)), Counts(plan.Jobs.Select(j => j.User)));
    }

    private static ImmutableSortedDictionary<string, int> Counts(IEnumerable<string> values) =>
        values.GroupBy(v => v, StringComparer.Ordinal).ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static double Rate(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
