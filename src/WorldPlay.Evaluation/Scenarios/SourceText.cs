using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace WorldPlay.Evaluation.Scenarios;

/// <summary>How the free text of imported records is cut into the pieces a world is made of: bullets, paragraphs, traits, ids.</summary>
internal static partial class SourceText
{
    /// <summary>The items of a Markdown bullet list (<c>- </c>, <c>* </c>, <c>• </c>, <c>1. </c>), continuation lines joined;
    /// text without bullets is cut into paragraphs instead. Bold and heading marks are dropped.</summary>
    public static ImmutableArray<string> Bullets(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (!lines.Any(l => BulletStart().IsMatch(l)))
        {
            return Paragraphs(text);
        }
        var items = new List<StringBuilder>();
        StringBuilder? current = null;
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                current = null;
                continue;
            }
            var bullet = BulletStart().Match(line);
            if (bullet.Success || current is null)
            {
                current = new StringBuilder(bullet.Success ? line[bullet.Length..] : line);
                items.Add(current);
            }
            else
            {
                current.Append(' ').Append(line.Trim());
            }
        }
        return [.. items.Select(b => Plain(b.ToString())).Where(t => t.Length > 0)];
    }

    /// <summary>Blank-line separated paragraphs, each on one line.</summary>
    public static ImmutableArray<string> Paragraphs(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : [.. BlankLines().Split(text.Trim()).Select(p => Plain(Whitespace().Replace(p, " "))).Where(p => p.Length > 0)];

    /// <summary>The text without Markdown bold and heading marks, trimmed.</summary>
    public static string Plain(string text) => Heading().Replace(text.Replace("**", "", StringComparison.Ordinal), "").Trim();

    /// <summary>Personality words from a list such as "Antagonistic, possessive, envious": the short pieces that contain a
    /// letter.</summary>
    public static ImmutableArray<string> Traits(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        return [.. TraitSeparators().Split(text)
            .Select(t => t.Trim().TrimEnd('.', '!').Trim())
            .Where(t => t.Length > 0 && t.Any(char.IsLetter) && t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4)
            .Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>A world id from a name: lowercase ASCII letters and digits joined by dashes, at most 64 characters; null when nothing is
    /// left.</summary>
    public static string? Slug(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var slug = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(c);
            }
            else if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark && slug.Length > 0
                && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        var text = slug.ToString().Trim('-');
        if (text.Length > 48)
        {
            text = text[..48].TrimEnd('-');
        }
        return text.Length == 0 ? null : text;
    }

    /// <summary>The text with the card placeholders for the character and the user (<c>{{char}}</c>, <c>{{user}}</c>, <c>&lt;BOT&gt;</c>,
    /// <c>&lt;USER&gt;</c>, any case) replaced by their names.</summary>
    public static string Substitute(string text, string character, string user) =>
        Placeholder().Replace(text, m => m.Groups["who"].Value.Equals("user", StringComparison.OrdinalIgnoreCase) ? user : character);

    [GeneratedRegex(@"^\s*(?:[-*•]|\d{1,2}[.)])\s+")]
    private static partial Regex BulletStart();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^#{1,6}\s+")]
    private static partial Regex Heading();

    [GeneratedRegex(@"[,;|/\n]")]
    private static partial Regex TraitSeparators();

    [GeneratedRegex(@"\{\{\s*(?<who>char|user)\s*\}\}|<(?<who>BOT|USER)>", RegexOptions.IgnoreCase)]
    private static partial Regex Placeholder();
}
