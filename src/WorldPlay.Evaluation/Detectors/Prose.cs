using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace WorldPlay.Evaluation.Detectors;

/// <summary>A word of a line, lowercased, with where it starts in the original text.</summary>
public readonly record struct Word(string Text, int Start, int Length)
{
    /// <summary>A crude stem so that "boats", "boat" and "boating" meet: enough for overlap, not for linguistics.</summary>
    public string Stem => Prose.StemOf(Text);
}

/// <summary>A sentence of a line with its offset, and whether it sits in speech (inside quotes) or narration.</summary>
public readonly record struct Sentence(string Text, int Start, bool IsNarration);

/// <summary>How detectors cut lines into words, sentences, speech and narration.</summary>
public static partial class Prose
{
    /// <summary>English function words: they carry no content, so overlap and novelty ignore them.</summary>
    public static readonly ImmutableHashSet<string> FunctionWords =
    [
        "the", "a", "an", "and", "or", "but", "if", "then", "so", "of", "to", "in", "on", "at", "by", "for", "with", "from",
        "up", "down", "out", "over", "under", "into", "onto", "off", "about", "as", "is", "am", "are", "was", "were", "be",
        "been", "being", "do", "does", "did", "have", "has", "had", "will", "would", "shall", "should", "can", "could",
        "may", "might", "must", "i", "me", "my", "mine", "you", "your", "yours", "he", "him", "his", "she", "her", "hers",
        "it", "its", "we", "us", "our", "they", "them", "their", "this", "that", "these", "those", "there", "here", "what",
        "which", "who", "whom", "whose", "when", "where", "why", "how", "not", "no", "yes", "all", "any", "some", "just",
        "than", "too", "very", "now", "still", "again", "once", "only", "own", "same", "such", "more", "most", "other",
        "each", "few", "both", "nor", "don't", "i'm", "it's", "you're", "that's", "there's", "can't", "won't", "isn't",
        "didn't", "i'll", "you'll", "i've", "let", "let's", "get", "got", "go", "going", "one", "know", "say", "said",
        "tell", "ask", "like", "well", "oh", "yeah", "aye", "ever", "even", "also", "because", "while", "though",
    ];

    [GeneratedRegex(@"[\p{L}\p{M}][\p{L}\p{M}'’]*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    /// <summary>A sentence ends at . ! ? … and at the Chinese 。！？, with a closing quote or bracket after the mark kept with it; a
    /// Chinese action in （） or 【】 is a sentence of its own even without a mark ("（她笑了）你来了。" is two).</summary>
    [GeneratedRegex(@"[（【]?[^.!?…。！？\n（【）】]+(?:[.!?…。！？]+(?:[""”’'」』）】]{1,2})?|[）】]|(?=[（【])|$)", RegexOptions.CultureInvariant)]
    private static partial Regex SentencePattern();

    public static ImmutableArray<Word> Words(string text) =>
        [.. WordPattern().Matches(text).Select(m => new Word(m.Value.ToLowerInvariant().Replace('’', '\''), m.Index, m.Length))];

    /// <summary>The words that carry content: not function words, at least three letters.</summary>
    public static IEnumerable<Word> ContentWords(string text) =>
        Words(text).Where(w => w.Text.Length >= 3 && !FunctionWords.Contains(w.Text));

    /// <summary>The words of a line in any script: the words of spaced scripts as <see cref="Words"/> gives them, and the
    /// character bigrams of Chinese (<see cref="Cjk.Bigrams"/>), in text order.</summary>
    public static ImmutableArray<Word> Tokens(string text) =>
        [.. Words(Cjk.RemoveHan(text)).Concat(Cjk.Bigrams(text)).OrderBy(w => w.Start)];

    /// <summary>The tokens that carry content: <see cref="ContentWords"/> of spaced scripts and content bigrams of Chinese.</summary>
    public static IEnumerable<Word> ContentTokens(string text) =>
        ContentWords(Cjk.RemoveHan(text)).Concat(Cjk.ContentBigrams(text)).OrderBy(w => w.Start);

    public static string StemOf(string word)
    {
        foreach (var suffix in (string[])["ings", "ing", "ies", "ied", "es", "ed", "ly", "s"])
        {
            if (word.Length - suffix.Length >= 3 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return word[..^suffix.Length];
            }
        }
        return word;
    }

    /// <summary>The sentences of <paramref name="text"/>, each marked as narration or speech: text between asterisks, or in the
    /// Chinese action brackets （） and 【】, is narration; when the line quotes its speech ("", “”, 「」, 『』), what lies outside
    /// the quotes is narration too.</summary>
    public static ImmutableArray<Sentence> Sentences(string text)
    {
        var narration = NarrationMask(text);
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        foreach (Match m in SentencePattern().Matches(text))
        {
            var trimmed = m.Value.TrimStart(' ', '*', '"', '“', '\t', '「', '『', '（', '【', '　');
            var start = m.Index + (m.Value.Length - trimmed.Length);
            trimmed = trimmed.TrimEnd(' ', '*', '\t', '）', '】', '　');
            if (trimmed.Any(char.IsLetter))
            {
                sentences.Add(new Sentence(trimmed, start, narration[Math.Min(start, text.Length - 1)]));
            }
        }
        return sentences.ToImmutable();
    }

    /// <summary>For each character of <paramref name="text"/>, whether it is narration rather than speech.</summary>
    public static bool[] NarrationMask(string text)
    {
        var mask = new bool[text.Length];
        var quoted = text.IndexOfAny(['"', '“', '「', '『']) >= 0;
        var inAsterisks = false;
        var inQuotes = false;
        var brackets = 0;
        var cornerQuotes = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '*':
                    inAsterisks = !inAsterisks;
                    break;
                case '"' or '“' or '”':
                    inQuotes = c switch { '“' => true, '”' => false, _ => !inQuotes };
                    break;
                case '（' or '【':
                    brackets++;
                    break;
                case '）' or '】':
                    // The closing bracket still belongs to the action it closes.
                    mask[i] = true;
                    brackets = Math.Max(0, brackets - 1);
                    continue;
                case '「' or '『':
                    cornerQuotes++;
                    break;
                case '」' or '』':
                    cornerQuotes = Math.Max(0, cornerQuotes - 1);
                    break;
            }
            var inSpeech = inQuotes || cornerQuotes > 0 || c is '"' or '”' or '」' or '』';
            mask[i] = inAsterisks || brackets > 0 || (quoted && !inSpeech);
        }
        return mask;
    }

    /// <summary>The narration of <paramref name="text"/> with speech blanked out, offsets kept.</summary>
    public static string NarrationOnly(string text)
    {
        var mask = NarrationMask(text);
        return new string([.. text.Select((c, i) => mask[i] ? c : ' ')]);
    }

    /// <summary>The speech of <paramref name="text"/> with narration blanked out, offsets kept.</summary>
    public static string SpeechOnly(string text)
    {
        var mask = NarrationMask(text);
        return new string([.. text.Select((c, i) => mask[i] ? ' ' : c)]);
    }
}
