using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Detectors;

/// <summary>basics.repetition: a reply that reuses long word sequences of recent replies, or opens the way several recent replies
/// opened.</summary>
public sealed class RepetitionDetector : IDetector
{
    /// <summary>Word sequences this long that recur are copying, not idiom (idioms and names rarely reach five words).</summary>
    public const int NgramLength = 5;

    /// <summary>How many earlier NPC replies a reply is compared with.</summary>
    public const int LookBack = 10;

    /// <summary>Share of a reply's n-grams seen in the look-back that makes it a repetition.</summary>
    public const double OverlapThreshold = 0.3;

    /// <summary>Share above which the repetition is severe (most of the reply is old text).</summary>
    public const double SevereOverlap = 0.6;

    /// <summary>Words of the opening compared across replies.</summary>
    public const int OpenerLength = 3;

    /// <summary>How many of the last <see cref="OpenerWindow"/> replies must share the opening for it to count.</summary>
    public const int OpenerRepeats = 2;

    public const int OpenerWindow = 5;

    public string Category => BenchCategory.Repetition;

    public IEnumerable<DetectorHit> Detect(Transcript transcript)
    {
        var earlier = new List<(HashSet<string> Grams, string Opener)>();
        foreach (var (line, index) in transcript.NpcReplies)
        {
            var words = Prose.Words(line.Text);
            var grams = Ngrams(words).ToList();
            var opener = string.Join(' ', words.Take(OpenerLength).Select(w => w.Text));
            var recent = earlier.TakeLast(LookBack).ToList();
            var seen = recent.SelectMany(e => e.Grams).ToHashSet();
            var repeated = grams.Where(g => seen.Contains(g.Key)).ToList();
            var overlap = grams.Count == 0 ? 0 : (double)repeated.Count / grams.Count;
            if (overlap >= OverlapThreshold)
            {
                var first = repeated[0];
                var last = repeated.Last(r => r.Start >= first.Start);
                yield return new DetectorHit(line.Turn, index, line.Speaker, Category, overlap >= SevereOverlap ? 3 : 2,
                    Evidence.Of(line.Text, first.Start, Math.Min(last.End, first.Start + 200) - first.Start),
                    $"{overlap:P0} of this reply's {NgramLength}-word sequences already appeared in the last {recent.Count} replies");
            }
            else if (words.Length >= OpenerLength && recent.TakeLast(OpenerWindow).Count(e => e.Opener == opener) >= OpenerRepeats)
            {
                yield return new DetectorHit(line.Turn, index, line.Speaker, Category, 1,
                    Evidence.Of(line.Text, words[0].Start, words[OpenerLength - 1].Start + words[OpenerLength - 1].Length - words[0].Start),
                    $"opens with '{opener}' like {OpenerRepeats} or more of the last {OpenerWindow} replies");
            }
            earlier.Add((grams.Select(g => g.Key).ToHashSet(), opener));
        }
    }

    private static IEnumerable<(string Key, int Start, int End)> Ngrams(IReadOnlyList<Word> words)
    {
        for (var i = 0; i + NgramLength <= words.Count; i++)
        {
            var last = words[i + NgramLength - 1];
            yield return (string.Join(' ', Enumerable.Range(i, NgramLength).Select(j => words[j].Text)), words[i].Start,
                last.Start + last.Length);
        }
    }
}
