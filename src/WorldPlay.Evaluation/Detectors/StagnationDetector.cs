using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Detectors;

/// <summary>diversity.stagnation: several replies in a row that bring nothing new: no new person, place, object or idea in
/// their words, and (when the transcript carries world events) no change to the world beyond talk.</summary>
public sealed class StagnationDetector : IDetector
{
    /// <summary>Replies in a row without anything new before it counts as stagnation.</summary>
    public const int StagnantRun = 4;

    /// <summary>A reply moves the story when at least this share of its content words never appeared earlier in the session...</summary>
    public const double MinNovelty = 0.25;

    /// <summary>...or when it has at least this many such new words (a long reply with a new place in it moves it too).</summary>
    public const int MinNewWords = 4;

    public const int Severity = 2;

    public string Category => BenchCategory.Stagnation;

    public IEnumerable<DetectorHit> Detect(Transcript transcript)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var run = 0;
        for (var i = 0; i < transcript.Lines.Length; i++)
        {
            var line = transcript.Lines[i];
            var stems = Prose.ContentWords(line.Text).Select(w => w.Stem).ToList();
            var fresh = stems.Distinct().Count(s => !seen.Contains(s));
            seen.UnionWith(stems);
            if (!line.IsNpc)
            {
                continue;
            }
            var changedWorld = line.Events.Any(e => e.Change.Kind != "spoke");
            var moves = changedWorld || fresh >= MinNewWords || (stems.Count > 0 && (double)fresh / stems.Distinct().Count() >= MinNovelty);
            run = moves ? 0 : run + 1;
            if (run >= StagnantRun)
            {
                yield return new DetectorHit(line.Turn, i, line.Speaker, Category, Severity, Evidence.WholeLine(line.Text),
                    $"{run} replies in a row with nothing new ({fresh} new content words " +
                        $"here{(transcript.HasEvents ? ", no world change" : "")})");
            }
        }
    }
}
