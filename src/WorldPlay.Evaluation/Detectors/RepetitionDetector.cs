using System.Collections.Immutable;
using System.Text.RegularExpressions;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Detectors;

/// <summary>basics.repetition: a reply that reuses long word sequences of recent replies, or opens the way several recent replies
/// opened, or repeats a long sentence of one of them word for word. A reply written mostly in Chinese is read as a sequence of Han
/// characters (and any Latin words), since it has no spaces to cut words at.</summary>
public sealed partial class RepetitionDetector : IDetector
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

    /// <summary>A sentence or clause of at least this many words repeated word for word from a recent reply is copying, however
    /// long the reply around it...</summary>
    public const int MinCopiedWords = 8;

    /// <summary>...or of at least this many Han characters, in Chinese.</summary>
    public const int MinCopiedHanCharacters = 10;

    public string Category => BenchCategory.Repetition;

    public IEnumerable<DetectorHit> Detect(Transcript transcript)
    {
        var earlier = new List<Reply>();
        foreach (var (line, index) in transcript.NpcReplies)
        {
            var chinese = Cjk.IsMostlyHan(line.Text);
            var words = chinese ? Characters(line.Text) : Prose.Words(line.Text);
            var (length, openerLength, unit) = chinese
                ? (HanNgramLength, HanOpenerLength, "character")
                : (NgramLength, OpenerLength, "word");
            var grams = Ngrams(words, length).ToList();
            var opener = string.Join(' ', words.Take(openerLength).Select(w => w.Text));
            // In an ensemble the speaker's own last replies count too, however many others spoke in between.
            var recent = Recent(earlier, line.Speaker, LookBack);
            var seen = recent.SelectMany(e => e.Grams).ToHashSet();
            var repeated = grams.Where(g => seen.Contains(g.Key)).ToList();
            var overlap = grams.Count == 0 ? 0 : (double)repeated.Count / grams.Count;
            var sentences = LongSentences(line.Text).ToList();
            var copied = sentences.FirstOrDefault(c => recent.Any(e => e.Letters.Contains(c.Key, StringComparison.Ordinal)));
            if (overlap >= OverlapThreshold)
            {
                var first = repeated[0];
                var last = repeated.Last(r => r.Start >= first.Start);
                yield return new DetectorHit(line.Turn, index, line.Speaker, Category, overlap >= SevereOverlap ? 3 : 2,
                    Evidence.Of(line.Text, first.Start, Math.Min(last.End, first.Start + 200) - first.Start),
                    $"{overlap:P0} of this reply's {length}-{unit} sequences already appeared in the last {recent.Count} replies");
            }
            else if (copied.Key is not null)
            {
                yield return new DetectorHit(line.Turn, index, line.Speaker, Category, 2,
                    Evidence.Of(line.Text, copied.Sentence.Start, copied.Sentence.Text.Length),
                    $"repeats a whole sentence of one of the last {recent.Count} replies word for word");
            }
            else if (words.Length >= openerLength
                && Recent(earlier, line.Speaker, OpenerWindow).Count(e => e.Opener == opener) >= OpenerRepeats)
            {
                var last = words[openerLength - 1];
                yield return new DetectorHit(line.Turn, index, line.Speaker, Category, 1,
                    Evidence.Of(line.Text, words[0].Start, last.Start + last.Length - words[0].Start),
                    $"opens with '{opener}' like {OpenerRepeats} or more of the last {OpenerWindow} replies (or of the speaker's own)");
            }
            earlier.Add(new Reply(line.Speaker, grams.Select(g => g.Key).ToHashSet(), opener, LettersOf(line.Text)));
        }
    }

    /// <summary>What a reply leaves for later ones to be compared with.</summary>
    private sealed record Reply(string Speaker, HashSet<string> Grams, string Opener, string Letters);

    /// <summary>The last <paramref name="count"/> replies, and the last <paramref name="count"/> of <paramref name="speaker"/>.</summary>
    private static List<Reply> Recent(List<Reply> earlier, string speaker, int count) =>
        [.. earlier.TakeLast(count).Union(earlier.Where(e => e.Speaker == speaker).TakeLast(count))];

    /// <summary>The sentences and clauses long enough that repeating one word for word is copying (at least
    /// <see cref="MinCopiedWords"/> words, or <see cref="MinCopiedHanCharacters"/> Han characters), each keyed by its letters.</summary>
    private static IEnumerable<(string Key, Sentence Sentence)> LongSentences(string text)
    {
        foreach (var sentence in Prose.Sentences(text))
        {
            var clauses = ClauseBreak().Matches(sentence.Text)
                .Select(m => new Sentence(m.Value.Trim(), sentence.Start + m.Index + (m.Value.Length - m.Value.TrimStart().Length),
                    sentence.IsNarration));
            foreach (var part in clauses.Prepend(sentence))
            {
                var han = Cjk.HanCount(part.Text);
                if (han >= MinCopiedHanCharacters || (han == 0 && Prose.Words(part.Text).Length >= MinCopiedWords))
                {
                    yield return (LettersOf(part.Text), part);
                }
            }
        }
    }

    /// <summary>The letters and digits of <paramref name="text"/>, lowercased: what stays of a sentence copied with other
    /// punctuation.</summary>
    private static string LettersOf(string text) => new([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    [GeneratedRegex(@"[^,;:，；：—]+", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseBreak();

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
