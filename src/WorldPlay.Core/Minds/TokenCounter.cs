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

    /// <summary>The cl100k token count of <paramref name="text"/>: exactly <see cref="CountWhole"/>, from cached line counts.</summary>
    /// <remarks>The text is cut after each newline that is followed by a character other than white space. cl100k's
    /// pre-tokenizer never joins such a newline to what follows (only white space and other newlines continue a newline
    /// piece, and no other piece starts with a newline), so the pieces, and therefore the tokens, are the same as the
    /// whole text's.</remarks>
    public int Count(string text) => Count(text.AsSpan());

    /// <summary>The same count of text held in a buffer: a line seen before is looked up without making a string of it.</summary>
    public int Count(ReadOnlySpan<char> text)
    {
        var lookup = _lines.GetAlternateLookup<ReadOnlySpan<char>>();
        var total = 0;
        var start = 0;
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] == '\n' && !char.IsWhiteSpace(text[i + 1]))
            {
                total += Line(lookup, text.Slice(start, i + 1 - start));
                start = i + 1;
            }
        }
        return total + Line(lookup, text[start..]);
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
