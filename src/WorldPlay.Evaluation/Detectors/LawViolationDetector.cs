using WorldPlay.Core.Laws;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Detectors;

/// <summary>knowledge.law_violation: a reply brings into the world a concept its forbidden-concepts law keeps out
/// (electricity in a harbor of sail and tallow). Matches as the world's own law does (<see cref="ForbiddenConcepts.PatternOf"/>):
/// a concept in Han anywhere in the text (手机 in 她掏出手机), any other as a whole word in any case with a plural in s/es, bounded
/// only by letters of spaced scripts (iPhone in 他拿出iPhone给我看), full-width letters read as ASCII.</summary>
public sealed class LawViolationDetector : IDetector
{
    public const int Severity = 4;

    public string Category => BenchCategory.LawViolation;

    public IEnumerable<DetectorHit> Detect(Transcript transcript)
    {
        var concepts = transcript.Setting?.ForbiddenConcepts ?? [];
        if (concepts.IsDefaultOrEmpty)
        {
            yield break;
        }
        var patterns = concepts
            .Select(c => (Concept: c, Pattern: ForbiddenConcepts.PatternOf(c)))
            .ToList();
        foreach (var (line, index) in transcript.NpcReplies)
        {
            foreach (var (concept, pattern) in patterns)
            {
                // Folding full-width letters keeps every offset, so the evidence quotes the line as written.
                var match = pattern.Match(ForbiddenConcepts.Fold(line.Text));
                if (match.Success)
                {
                    yield return new DetectorHit(line.Turn, index, line.Speaker, Category, Severity,
                        Evidence.Of(line.Text, match.Index, match.Length),
                            $"'{concept}' does not exist in this setting (forbidden-concepts law)");
                    break;
                }
            }
        }
    }
}
