using System.Text.RegularExpressions;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Detectors;

/// <summary>knowledge.law_violation: a reply brings into the world a concept its forbidden-concepts law keeps out
/// (electricity in a harbor of sail and tallow). Matches as the world's own law does: whole words, any case, plurals in s/es.</summary>
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
            .Select(c => (Concept: c,
                Pattern: new Regex($@"\b{Regex.Escape(c)}(s|es)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)))
            .ToList();
        foreach (var (line, index) in transcript.NpcReplies)
        {
            foreach (var (concept, pattern) in patterns)
            {
                var match = pattern.Match(line.Text);
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
