using System.Collections.Concurrent;
using Microsoft.ML.Tokenizers;

namespace WorldPlay.Core.Minds;

/// <summary>Counts tokens the way OpenAI-family models do (cl100k_base), from data shipped in the package: no network.
/// Counts are taken line by line with a cache: perspectives and prompts repeat most of their lines from turn to turn
/// (persona, place, people, facts, lines heard), and counting whole texts was most of the cost of a turn.</summary>
public sealed class TokenCounter
{
    private static readonly Lazy<TokenCounter> Shared = new(() => new TokenCounter(TiktokenTokenizer.CreateForEncoding("cl100k_base")));

    /// <summary>How many distinct lines are remembered before the cache starts over (a few MB at most).</summary>
    public const int CacheCapacity = 100_000;

    /// <summary>Lines longer than this are counted every time rather than remembered.</summary>
    private const int LongestCachedLine = 1_024;

    private readonly Tokenizer _tokenizer;
    private readonly ConcurrentDictionary<string, int> _lines = new(Environment.ProcessorCount * 4, 4_096, StringComparer.Ordinal);
    private int _size;

    private TokenCounter(Tokenizer tokenizer) => _tokenizer = tokenizer;

    /// <summary>The process-wide counter; the tokenizer is thread-safe and loading it takes a moment.</summary>
    public static TokenCounter Default => Shared.Value;

    /// <summary>The cl100k token count of <paramref name="text"/>: exactly <see cref="CountWhole"/>, from cached counts of its
    /// pieces (see <see cref="Boundary"/>).</summary>
    public int Count(string text) => Count(text.AsSpan());

    /// <summary>The same count of text held in a buffer: a piece seen before is looked up without making a string of it.</summary>
    public int Count(ReadOnlySpan<char> text)
    {
        var lookup = _lines.GetAlternateLookup<ReadOnlySpan<char>>();
        var total = 0;
        var start = 0;
        for (var i = 1; i < text.Length; i++)
        {
            if (Boundary(text, i))
            {
                total += Line(lookup, text[start..i]);
                start = i;
            }
        }
        return total + Line(lookup, text[start..]);
    }

    /// <summary>True where cl100k's pre-tokenizer always ends a piece before <c>text[i]</c>, and ends the one before it the same
    /// way whether the text goes on or stops there; the pieces, and so the tokens, of the two parts counted apart are then those of
    /// the whole (the pattern has no look-behind, and its only look-ahead is <c>\s+(?!\S)</c>). The cuts:
    /// after a newline followed by a character other than white space (only white space and newlines continue a newline piece);
    /// around a run of ASCII digits not joined to other numerals (only <c>\p{N}{1,3}</c> takes a digit), but not after a run of
    /// white space before the digits, which the look-ahead splits differently at the end of a text (a single space is the same
    /// piece either way); and between ASCII punctuation and a space followed by something other than white space (the punctuation
    /// piece stops at the space). Lines repeat from turn to turn, and so do their parts around the numbers and after a
    /// "Name:": the turn's place line and a line heard, again as the line to answer, are cache hits but for their new parts.</summary>
    private static bool Boundary(ReadOnlySpan<char> text, int i)
    {
        var before = text[i - 1];
        var at = text[i];
        return (before == '\n' && !char.IsWhiteSpace(at))
            || (char.IsAsciiDigit(before) && !char.IsNumber(at))
            || (char.IsAsciiDigit(at) && !char.IsNumber(before)
                && (!char.IsWhiteSpace(before) || (before == ' ' && i >= 2 && !char.IsWhiteSpace(text[i - 2]))))
            || (at == ' ' && before is > ' ' and < '\x7f' && !char.IsAsciiLetterOrDigit(before)
                && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]));
    }

    /// <summary>How many distinct lines the cache holds now (at most <see cref="CacheCapacity"/>).</summary>
    public int CachedLines => _lines.Count;

    /// <summary>The count of the whole text in one pass of the tokenizer, without the cache.</summary>
    public int CountWhole(string text) => _tokenizer.CountTokens(text);

    private int Line(ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup, ReadOnlySpan<char> line)
    {
        if (line.IsEmpty)
        {
            return 0;
        }
        if (line.Length > LongestCachedLine)
        {
            return _tokenizer.CountTokens(line);
        }
        if (lookup.TryGetValue(line, out var known))
        {
            return known;
        }
        var text = line.ToString();
        var count = _tokenizer.CountTokens(text);
        // Bounded memory over a long load run: forget everything and start over rather than track what is least used. The size is
        // kept here because ConcurrentDictionary.Count takes every lock of the dictionary, which made threads queue on each miss.
        if (_lines.TryAdd(text, count) && Interlocked.Increment(ref _size) >= CacheCapacity)
        {
            _lines.Clear();
            Interlocked.Exchange(ref _size, 0);
        }
        return count;
    }
}
