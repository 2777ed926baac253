using System.Collections.Immutable;
using WorldPlay.Evaluation.Detectors;

namespace WorldPlay.Synthesis.Diversity;

/// <summary>How diversity figures cut a reply into tokens: the words of spaced scripts as the detectors read them
/// (<see cref="Prose.Words"/>, lowercased, punctuation and digits dropped) and one token per Han character, in text order, so
/// that "他拿出iPhone。" is 他, 拿, 出, iphone.</summary>
public static class ReplyTokens
{
    public static ImmutableArray<string> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Prose.Words(Cjk.RemoveHan(text)).Select(w => (w.Start, w.Text));
        var han = text.Select((c, i) => (Start: i, Char: c)).Where(x => Cjk.IsHan(x.Char)).Select(x => (x.Start, Text: x.Char.ToString()));
        return [.. words.Concat(han).OrderBy(t => t.Start).Select(t => t.Text)];
    }
}
