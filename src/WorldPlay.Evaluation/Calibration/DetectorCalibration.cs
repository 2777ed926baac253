using System.Collections.Immutable;
using WorldPlay.Evaluation.Detectors;

namespace WorldPlay.Evaluation.Calibration;

/// <summary>One (reply, category) pair where the detectors and the labels part: a <c>false positive</c> (a hit on a pair
/// not labelled; the note is the hit's reason and evidence) or a <c>false negative</c> (a label without a hit; the note is the
/// labeller's why).</summary>
public sealed record CalibrationMiss(string Session, int Turn, string Speaker, string Category, string Kind, string Note)
{
    public const string FalsePositive = "false positive";
    public const string FalseNegative = "false negative";
}

/// <summary>The detectors measured against a labelled corpus: per language, per half when the corpus has both, and every
/// pair where they part from the labels.</summary>
public sealed record DetectorCalibration(
    ImmutableArray<LanguageAgreement> Languages, ImmutableArray<HalfAgreement> Halves, ImmutableArray<CalibrationMiss> Misses)
{
    /// <summary>Scores every session with <see cref="TranscriptScorer"/> (as <c>bench score</c> does, with the transcript's
    /// own world line) and matches hits to labels by (turn, category); several hits of one category on one reply count once.</summary>
    public static DetectorCalibration Measure(IReadOnlyList<LabelledSession> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var findings = new List<RaterFindings>(sessions.Count);
        var misses = ImmutableArray.CreateBuilder<CalibrationMiss>();
        foreach (var session in sessions)
        {
            var replies = session.Transcript.NpcLines.ToDictionary(l => l.Turn);
            var hits = TranscriptScorer.Score(session.Transcript).Hits
                .Where(h => replies.ContainsKey(h.Turn))
                .DistinctBy(h => (h.Turn, h.Category))
                .ToList();
            findings.Add(new RaterFindings(session, hits.Select(h => (h.Turn, h.Category)).ToHashSet(), replies.Keys.ToHashSet()));
            var wrong = hits.Where(h => !session.IsLabelled(h.Turn, h.Category))
                .Select(h => new CalibrationMiss(session.File, h.Turn, h.Speaker, h.Category, CalibrationMiss.FalsePositive,
                    $"{h.Reason}: \"{h.Evidence.Quote}\""));
            var missed = session.Labels.Where(l => !hits.Any(h => h.Turn == l.Turn && h.Category == l.Category))
                .Select(l => new CalibrationMiss(session.File, l.Turn, replies[l.Turn].Speaker, l.Category, CalibrationMiss.FalseNegative,
                    l.Why));
            misses.AddRange(wrong.Concat(missed)
                .OrderBy(m => m.Turn).ThenBy(m => BenchCategory.All.ToList().IndexOf(m.Category)));
        }
        return new DetectorCalibration(LabelAgreement.PerLanguage(findings), LabelAgreement.PerHalf(findings), misses.ToImmutable());
    }
}
