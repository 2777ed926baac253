using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace WorldPlay.Core.Laws;

/// <summary>Concepts that do not exist in the setting (electricity in a medieval port, say) never enter it through speech,
/// facts, or the names and descriptions of what is created.</summary>
public sealed class ForbiddenConcepts : Law
{
    private readonly ImmutableArray<(string Concept, Regex Pattern)> _concepts;

    public ForbiddenConcepts(IEnumerable<string> concepts) =>
        _concepts = [.. concepts.Select(c => (c, new Regex(PatternOf(c), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)))];

    /// <summary>A whole word (with a plural ending) in scripts that space their words; anywhere in Chinese, whose words sit in their
    /// sentence with no boundary a regular expression can see (every Han character is a word character).</summary>
    private static string PatternOf(string concept) =>
        concept.Any(c => c is >= '\u3400' and <= '\u9fff' or >= '\uf900' and <= '\ufaff')
            ? Regex.Escape(concept)
            : $@"\b{Regex.Escape(concept)}(s|es)?\b";

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
        foreach (var (concept, pattern) in _concepts)
        {
            if (pattern.IsMatch(text))
            {
                return concept;
            }
        }
        return null;
    }
}
