using System.Collections.Immutable;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Detectors;

/// <summary>basics.repetition: a reply that reuses long word sequences of recent replies, or opens the way several recent replies
/// opened. A reply written mostly in Chinese is read as a sequence of Han characters (and any Latin words), since it has no spaces
/// to cut words at.</summary>
public sealed class RepetitionDetector : IDetector
{
    /// <summary>Word sequences this long that recur are copying, not idiom (idioms and names rarely reach five words).</summary>
    public const int NgramLength = 5;

    /// <summary>Characters in a sequence of a Chinese reply: about the span of five English words (a Chinese word is one to two
    /// characters), longer than the idioms (成语, four characters) and names that recur honestly.</summary>
    public const int HanNgramLength = 8;

    /// <summary>How many earlier NPC replies a reply is compared with.</summary>
    public const int LookBack = 10;

    /// <summary>Share of a reply's n-grams seen in the look-back that makes it a repetition.</summary>
    public const double OverlapThreshold = 0.3;

    /// <summary>Share above which the repetition is severe (most of the reply is old text).</summary>
    public const double SevereOverlap = 0.6;

    /// <summary>Words of the opening compared across replies.</summary>
    public const int OpenerLength = 3;

    /// <summary>Characters of the opening compared across Chinese replies (about three words).</summary>
    public const int HanOpenerLength = 5;

    /// <summary>How many of the last <see cref="OpenerWindow"/> replies must share the opening for it to count.</summary>
    public const int OpenerRepeats = 2;

    public const int OpenerWindow = 5;

    public string Category => BenchCategory.Repetition;

    public IEnumerable<DetectorHit> Detect(Transcript transcript)
    {
        var earlier = new List<(HashSet<string> Grams, string Opener)>();
        foreach (var (line, index) in transcript.NpcReplies)
        {
            var chinese = Cjk.IsMostlyHan(line.Text);
            var words = chinese ? Characters(line.Text) : Prose.Words(line.Text);
            var (length, openerLength, unit) = chinese
                ? (HanNgramLength, HanOpenerLength, "character")
                : (NgramLength, OpenerLength, "word");
            var grams = Ngrams(words, length).ToList();
            var opener = string.Join(' ', words.Take(openerLength).Select(w => w.Text));
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
                    $"{overlap:P0} of this reply's {length}-{unit} sequences already appeared in the last {recent.Count} replies");
            }
            else if (words.Length >= openerLength && recent.TakeLast(OpenerWindow).Count(e => e.Opener == opener) >= OpenerRepeats)
            {
                var last = words[openerLength - 1];
                yield return new DetectorHit(line.Turn, index, line.Speaker, Category, 1,
                    Evidence.Of(line.Text, words[0].Start, last.Start + last.Length - words[0].Start),
                    $"opens with '{opener}' like {OpenerRepeats} or more of the last {OpenerWindow} replies");
            }
            earlier.Add((grams.Select(g => g.Key).ToHashSet(), opener));
        }
    }

    private static IEnumerable<(string Key, int Start, int End)> Ngrams(IReadOnlyList<Word> words, int length)
    {
        for (var i = 0; i + length <= words.Count; i++)
        {
            var last = words[i + length - 1];
            yield return (string.Join(' ', Enumerable.Range(i, length).Select(j => words[j].Text)), words[i].Start,
                last.Start + last.Length);
        }
    }

    /// <summary>Each Han character of <paramref name="text"/> as a word of its own, with the words of other scripts, in text order;
    /// punctuation is skipped, so "她笑了。" and "她笑了，" give the same sequence.</summary>
    private static ImmutableArray<Word> Characters(string text) =>
        [.. Prose.Words(Cjk.RemoveHan(text))
            .Concat(text.Select((c, i) => (c, i)).Where(x => Cjk.IsHan(x.c)).Select(x => new Word(x.c.ToString(), x.i, 1)))
            .OrderBy(w => w.Start)];
}
