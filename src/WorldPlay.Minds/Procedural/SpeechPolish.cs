using System.Text;
using System.Text.RegularExpressions;

namespace WorldPlay.Minds.Procedural;

/// <summary>The last pass over a rendered line, as people talk: "a" or "an" as the next word sounds, and a name said in full
/// once, then short, and used to call someone at most once a reply ("Ada Holt, ... Ada?" rather than "Ada Holt" in every
/// sentence).</summary>
internal static partial class SpeechPolish
{
    private static readonly string[] VowelSoundExceptions = ["uni", "use", "usu", "uti", "ure", "uro", "eu", "ewe", "one", "once", "ubi"];
    private static readonly string[] SilentH = ["hour", "honest", "honour", "honor", "heir"];

    [GeneratedRegex(@"(?<=^|[\s""(])(a|an|A|An)(?=\s+([\p{L}][\p{L}'\-]*))", RegexOptions.CultureInvariant)]
    private static partial Regex Article();

    /// <summary>"an pertinent question" becomes "a pertinent question", "a old map" becomes "an old map". A capital "A" is only
    /// read as an article at the start of a sentence, so "Plan A is" stays as it is.</summary>
    public static string Articles(string text) =>
        Article().Replace(text, m =>
        {
            var capital = char.IsUpper(m.Value[0]);
            if (capital && !StartsSentence(text, m.Index))
            {
                return m.Value;
            }
            var next = m.Groups[2].Value;
            if (next.Length == 1 && char.IsUpper(next[0]))
            {
                return m.Value;
            }
            var an = SoundsLikeVowel(next);
            return (capital, an) switch
            {
                (true, true) => "An",
                (true, false) => "A",
                (false, true) => "an",
                _ => "a",
            };
        });

    /// <summary>Each person in <paramref name="names"/> (full name, short name) is named in full at most once, then by the short
    /// name; called by name (a vocative: "..., Ada." or "Ada, ...") at most once.</summary>
    public static string Names(string text, IEnumerable<(string Full, string Short)> names)
    {
        foreach (var (full, shortName) in names.Where(n => n.Full.Length > 0).OrderByDescending(n => n.Full.Length))
        {
            if (!string.Equals(full, shortName, StringComparison.Ordinal))
            {
                var first = text.IndexOf(full, StringComparison.Ordinal);
                if (first >= 0)
                {
                    var rest = text[(first + full.Length)..].Replace(full, shortName, StringComparison.Ordinal);
                    text = text[..(first + full.Length)] + rest;
                }
            }
            text = OneVocative(text, full);
            if (!string.Equals(full, shortName, StringComparison.Ordinal))
            {
                text = OneVocative(text, shortName);
            }
        }
        return text;
    }

    private static string OneVocative(string text, string name)
    {
        var called = 0;
        var s = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var at = text.IndexOf(name, i, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }
            var end = at + name.Length;
            var wordEdge = (at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end]));
            var trailing = wordEdge && at >= 2 && text[at - 2] == ',' && text[at - 1] == ' '
                && end < text.Length && text[end] is '.' or '?' or '!' or ',';
            var leading = wordEdge && StartsSentence(text, at) && end + 1 < text.Length && text[end] == ',' && text[end + 1] == ' ';
            if (!trailing && !leading)
            {
                s.Append(text, i, end - i);
                i = end;
                continue;
            }
            if (called++ == 0)
            {
                s.Append(text, i, end - i);
                i = end;
                continue;
            }
            if (trailing)
            {
                // "What now, Ada?" becomes "What now?"; "Listen, Ada, we go." becomes "Listen, we go.".
                s.Append(text, i, at - 2 - i);
                i = end;
            }
            else
            {
                // "Ada, what now?" becomes "What now?".
                s.Append(text, i, at - i);
                i = end + 2;
                if (i < text.Length)
                {
                    s.Append(char.ToUpperInvariant(text[i]));
                    i++;
                }
            }
        }
        s.Append(text, i, text.Length - i);
        return s.ToString();
    }

    private static bool StartsSentence(string text, int at)
    {
        var j = at - 1;
        while (j >= 0 && text[j] is ' ' or '"' or '*')
        {
            j--;
        }
        return j < 0 || text[j] is '.' or '!' or '?';
    }

    private static bool SoundsLikeVowel(string word)
    {
        var w = word.ToLowerInvariant();
        if (SilentH.Any(h => w.StartsWith(h, StringComparison.Ordinal)))
        {
            return true;
        }
        if (VowelSoundExceptions.Any(e => w.StartsWith(e, StringComparison.Ordinal)))
        {
            return false;
        }
        return w[0] is 'a' or 'e' or 'i' or 'o' or 'u';
    }
}
