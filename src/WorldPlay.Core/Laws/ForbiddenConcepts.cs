using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace WorldPlay.Core.Laws;

/// <summary>Concepts that do not exist in the setting (electricity in a medieval port, say) never enter it through speech,
/// facts, or the names and descriptions of what is created.</summary>
public sealed class ForbiddenConcepts : Law
{
    private readonly ImmutableArray<(string Concept, Regex Pattern)> _concepts;

    public ForbiddenConcepts(IEnumerable<string> concepts) =>
        _concepts = [.. concepts.Select(c => (c, PatternOf(c)))];

    /// <summary>Letters and digits of scripts that space their words. Han, kana and Hangul are left out: they sit against a
    /// word with no space, so a Latin concept written inside Chinese ("他拿出iPhone") still starts and ends a word.</summary>
    private const string SpacedWordCharacter = @"[\p{L}\p{M}\p{N}_-[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]]";

    /// <summary>How a concept is found in a text, the same for the law and for the bench. A concept in Han (or kana, Hangul) is
    /// found anywhere: Chinese has no spaces, so "whole word" has no meaning there. Any other concept is a whole word (with a
    /// plural in s/es) bounded by letters of spaced scripts only, so "gun" is found in "他掏出一把gun" but not in "gunwale"; the
    /// blanks of a multi-word concept match any run of blanks or hyphens ("steam-engine"). Full-width letters ("ｇｕｎ") are
    /// read as their ASCII forms.</summary>
    public static Regex PatternOf(string concept)
    {
        ArgumentNullException.ThrowIfNull(concept);
        var folded = Fold(concept.Trim());
        var escaped = string.Join(@"[\s\-]+",
            folded.Split((char[])[' ', '\t', '-'], StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape));
        var pattern = escaped.Length == 0 ? "(?!)"
            : folded.Any(IsUnspacedScript) ? escaped
            : $"(?<!{SpacedWordCharacter}){escaped}(?:s|es)?(?!{SpacedWordCharacter})";
        return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    /// <summary>Full-width ASCII (U+FF01-U+FF5E) as ASCII, one character for one, so offsets in the text stay valid.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(c => c is >= '\uff01' and <= '\uff5e'))
        {
            return text;
        }
        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            folded.Append(c is >= '\uff01' and <= '\uff5e' ? (char)(c - 0xfee0) : c);
        }
        return folded.ToString();
    }

    private static bool IsUnspacedScript(char c) =>
        c is >= '\u3040' and <= '\u30ff' or >= '\u3400' and <= '\u4dbf' or >= '\u4e00' and <= '\u9fff' or >= '\uf900' and <= '\ufaff'
            or >= '\uac00' and <= '\ud7af';

    public override string Kind => "forbidden-concepts";

    public override string? Judge(WorldState state, WorldEvent proposed, EntityId? scenePlace)
    {
        // The texts are read as one, as Audit reads a fact: a concept split between predicate and value still enters the world.
        return Find(string.Join(" ", proposed.Change.Texts())) is { } concept
            ? $"'{concept}' does not exist in {state.Setting.Name}."
            : null;
    }

    public override IEnumerable<string> Audit(WorldState state)
    {
        foreach (var fact in state.Facts.Values)
        {
            if (Find(fact.Predicate + " " + fact.Value) is { } concept)
            {
                yield return $"Fact '{fact.Id}' speaks of '{concept}', which does not exist in {state.Setting.Name}.";
            }
        }
        foreach (var entity in state.Entities.Values.Where(e => e.Origin is not null))
        {
            if (Find(string.Join(" ", [entity.Name, .. entity.Aliases, entity.Attribute("description") ?? ""])) is { } concept)
            {
                yield return $"{entity.Name} ('{entity.Id}') speaks of '{concept}', which does not exist in {state.Setting.Name}.";
            }
        }
    }

    /// <summary>The first forbidden concept <paramref name="text"/> speaks of, or null.</summary>
    public string? Find(string text)
    {
        var folded = Fold(text);
        foreach (var (concept, pattern) in _concepts)
        {
            if (pattern.IsMatch(folded))
            {
                return concept;
            }
        }
        return null;
    }
}
