using System.Collections.Frozen;
using System.Text.RegularExpressions;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Detectors;

/// <summary>basics.formatting: chat-template tokens leaking into the reply, and markup left open (asterisks, quotes, brackets), the
/// full-width pairs of Chinese included: （）【】「」『』“”《》.</summary>
public sealed partial class FormattingDetector : IDetector
{
    /// <summary>A leaked token breaks the fiction for everyone reading it.</summary>
    public const int LeakSeverity = 4;

    /// <summary>Open markup is ugly but the reply still reads.</summary>
    public const int UnbalancedSeverity = 2;

    public string Category => BenchCategory.Formatting;

    [GeneratedRegex(
        @"\{\{\s*(user|char)\s*\}\}|<\|[a-z_]+\|>|\[/?INST\]|</?s>|<<SYS>>|<start_of_turn>|<end_of_turn>|^\s*#{2,}|(?<=\s)#{3,}",
        RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex LeakedToken();

    public IEnumerable<DetectorHit> Detect(Transcript transcript)
    {
        foreach (var (line, index) in transcript.NpcReplies)
        {
            var text = line.Text;
            var leak = LeakedToken().Match(text);
            if (leak.Success)
            {
                yield return new DetectorHit(line.Turn, index, line.Speaker, Category, LeakSeverity,
                    Evidence.Of(text, leak.Index, leak.Length), $"template token '{leak.Value.Trim()}' leaked into the reply");
                continue;
            }
            if (Unbalanced(text) is { } open)
            {
                yield return new DetectorHit(line.Turn, index, line.Speaker, Category, UnbalancedSeverity,
                    Evidence.Of(text, open.At, Math.Min(40, text.Length - open.At)), open.Reason);
            }
        }
    }

    /// <summary>The first piece of markup that is opened and never closed (or closed and never opened), or null.</summary>
    private static (int At, string Reason)? Unbalanced(string text)
    {
        var asterisks = AllIndexes(text, '*');
        if (asterisks.Count % 2 == 1)
        {
            return (asterisks[^1], "an odd number of asterisks: an action is opened and never closed");
        }
        var quotes = AllIndexes(text, '"');
        if (quotes.Count % 2 == 1)
        {
            return (quotes[^1], "an odd number of double quotes: speech is opened and never closed");
        }
        var open = new Stack<(char Close, int At)>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (Pairs.TryGetValue(c, out var close))
            {
                open.Push((close, i));
            }
            else if (Closers.Contains(c))
            {
                if (open.Count == 0 || !Closes(c, open.Peek().Close))
                {
                    return (i, $"'{c}' closes nothing that was opened");
                }
                open.Pop();
            }
        }
        return open.Count > 0 ? (open.Peek().At, $"'{text[open.Peek().At]}' is opened and never closed") : null;
    }

    /// <summary>Each opening mark with the mark that closes it.</summary>
    private static readonly FrozenDictionary<char, char> Pairs = new Dictionary<char, char>
    {
        ['('] = ')', ['['] = ']', ['“'] = '”', ['（'] = '）', ['【'] = '】', ['「'] = '」', ['『'] = '』', ['《'] = '》',
    }.ToFrozenDictionary();

    private static readonly FrozenSet<char> Closers = Pairs.Values.ToFrozenSet();

    /// <summary>Round brackets of either width close each other: "（她笑了)" is a typing slip, not open markup.</summary>
    private static bool Closes(char mark, char expected) =>
        mark == expected || (mark is ')' or '）' && expected is ')' or '）');

    private static List<int> AllIndexes(string text, char c) => [.. text.Select((ch, i) => (ch, i)).Where(x => x.ch == c).Select(x => x.i)];
}
