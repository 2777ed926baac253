using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace WorldPlay.Evaluation.Detectors;

/// <summary>What detectors need to read Chinese: Han characters, the full-width marks that end sentences and hold actions and
/// speech, character bigrams in place of words (Chinese has no spaces to cut at), and whole-word matching of Latin terms inside
/// unspaced text.</summary>
public static class Cjk
{
    /// <summary>Marks that end a Chinese sentence (the full-width question and exclamation marks, the ideographic full stop and
    /// the ellipsis, which Chinese writes doubled as ……).</summary>
    public const string SentenceEnds = "。！？…";

    /// <summary>Brackets that hold an action or stage direction in Chinese role-play: （她笑了） or 【她笑了】.</summary>
    public static readonly ImmutableArray<(char Open, char Close)> ActionBrackets = [('（', '）'), ('【', '】')];

    /// <summary>Quotation marks of Chinese speech: corner brackets, white corner brackets and curly double quotes.</summary>
    public static readonly ImmutableArray<(char Open, char Close)> Quotes = [('「', '」'), ('『', '』'), ('“', '”')];

    /// <summary>Characters that carry grammar rather than content (particles, pronouns, the commonest verbs and measure words):
    /// a bigram holding one of them is not a content bigram.</summary>
    public static readonly FrozenSet<char> FunctionCharacters =
        "的了吗呢吧啊呀哦嗯么嘛哈是在有和与也就都很还又才把被给让对向从到着过得地之其我你您他她它们这那哪什怎为谁几个一不没些"
            .ToFrozenSet();

    /// <summary>Words and particles that make a Chinese sentence a question even without a question mark.</summary>
    public static readonly ImmutableArray<string> QuestionWords = ["吗", "呢", "什么", "怎么", "为什么", "为何", "哪", "谁", "几", "多少", "难道"];

    /// <summary>A letter or digit of a spaced script (Latin, Cyrillic, Greek...): Han, kana and Hangul are left out, because
    /// a Latin word inside Chinese ("他拿出iPhone") touches Han characters on both sides and still is a whole word.</summary>
    public const string SpacedWordCharacter =
        @"[\p{L}\p{M}\p{N}_-[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]]";

    /// <summary>True for a CJK unified ideograph (the basic block, extension A and the compatibility block).</summary>
    public static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf' or >= '\uf900' and <= '\ufaff';

    public static int HanCount(string text) => text.Count(IsHan);

    /// <summary>True when <paramref name="text"/> is written mostly in Chinese: at least as many Han characters as words in
    /// other scripts (a Han character carries about as much as a word).</summary>
    public static bool IsMostlyHan(string text)
    {
        var han = HanCount(text);
        return han > 0 && han >= Prose.Words(RemoveHan(text)).Length;
    }

    /// <summary>The text with each Han character replaced by a blank, offsets kept.</summary>
    public static string RemoveHan(string text) => new([.. text.Select(c => IsHan(c) ? ' ' : c)]);

    /// <summary>The character bigrams of every run of Han characters, the Chinese analogue of words; a run of one character gives
    /// that character.</summary>
    public static ImmutableArray<Word> Bigrams(string text)
    {
        var grams = ImmutableArray.CreateBuilder<Word>();
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsHan(text[i]))
            {
                continue;
            }
            var end = i;
            while (end < text.Length && IsHan(text[end]))
            {
                end++;
            }
            if (end - i == 1)
            {
                grams.Add(new Word(text[i].ToString(), i, 1));
            }
            for (var j = i; j + 1 < end; j++)
            {
                grams.Add(new Word(text.Substring(j, 2), j, 2));
            }
            i = end - 1;
        }
        return grams.ToImmutable();
    }

    /// <summary>The bigrams that carry content: two characters, neither a function character.</summary>
    public static IEnumerable<Word> ContentBigrams(string text) =>
        Bigrams(text).Where(b => b.Length == 2 && !FunctionCharacters.Contains(b.Text[0]) && !FunctionCharacters.Contains(b.Text[1]));

    /// <summary>True when <paramref name="sentence"/> asks something: a question mark (full-width or not), or a Chinese
    /// question word or particle.</summary>
    public static bool IsQuestion(string sentence) =>
        sentence.Contains('?', StringComparison.Ordinal) || sentence.Contains('？', StringComparison.Ordinal)
            || (HanCount(sentence) > 0 && QuestionWords.Any(w => sentence.Contains(w, StringComparison.Ordinal)));

    /// <summary>A pattern finding <paramref name="term"/> as a whole word: anywhere when it holds Han characters (Chinese has no
    /// word boundaries to see), else bounded by no letter of a spaced script, so "Mira" is found in "米拉和Mira" and not in
    /// "Miranda".</summary>
    public static Regex TermPattern(string term, RegexOptions options = RegexOptions.None)
    {
        ArgumentNullException.ThrowIfNull(term);
        var escaped = Regex.Escape(term);
        return new Regex(term.Any(IsHan) ? escaped : $"(?<!{SpacedWordCharacter}){escaped}(?!{SpacedWordCharacter})",
            options | RegexOptions.CultureInvariant);
    }
}
