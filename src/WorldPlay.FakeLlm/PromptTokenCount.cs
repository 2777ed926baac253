using System.Collections.Concurrent;
using WorldPlay.Core.Minds;

namespace WorldPlay.FakeLlm;

/// <summary>Counts prompt tokens with <see cref="TokenCounter"/> (cl100k), line by line with a cache: the prompts of one
/// session repeat most of their lines from turn to turn (persona, place, people, facts, lines heard), and counting is
/// the costliest part of a request. The sum equals the count of the whole text (see <see cref="Count"/>).</summary>
internal sealed class PromptTokenCount(TokenCounter counter, int capacity = 100_000)
{
    private readonly ConcurrentDictionary<string, int> _lines = new(StringComparer.Ordinal);

    /// <summary>The cl100k token count of <paramref name="text"/>.</summary>
    /// <remarks>The text is cut after each newline that is followed by a character other than white space. cl100k's
    /// pre-tokenizer never joins such a newline to what follows (only white space and other newlines continue a newline
    /// piece, and no other piece starts with a newline), so the pieces, and therefore the tokens, are the same as the
    /// whole text's.</remarks>
    public int Count(string text)
    {
        var lookup = _lines.GetAlternateLookup<ReadOnlySpan<char>>();
        var total = 0;
        var start = 0;
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] == '\n' && !char.IsWhiteSpace(text[i + 1]))
            {
                total += Line(lookup, text.AsSpan(start, i + 1 - start));
                start = i + 1;
            }
        }
        return total + Line(lookup, text.AsSpan(start));
    }

    private int Line(ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup, ReadOnlySpan<char> line)
    {
        if (line.IsEmpty)
        {
            return 0;
        }
        if (lookup.TryGetValue(line, out var known))
        {
            return known;
        }
        var text = line.ToString();
        var count = counter.Count(text);
        // Bounded memory over a long load test: forget everything and start over rather than track what is least used.
        if (_lines.Count >= capacity)
        {
            _lines.Clear();
        }
        _lines.TryAdd(text, count);
        return count;
    }
}
