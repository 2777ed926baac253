using System.Collections.Immutable;
using WorldPlay.Evaluation.Scenarios;

namespace WorldPlay.Synthesis.Planning;

/// <summary>Puts the scenarios of a source into groups whose sizes show what the source over-represents: by tag when every record
/// carries tags, otherwise by clusters of persona and scene text.</summary>
public static class ScenarioGrouping
{
    /// <summary>The genre the character-card importer writes for a card without tags: no tag at all.</summary>
    private const string UntaggedCard = "character card role-play";

    /// <summary>The groups of <paramref name="scenarios"/>. Tags are used when every scenario has one and they name at least two
    /// groups; a source without them (RPBench-Auto) is clustered by text into about √n groups.</summary>
    public static ScenarioGroups Group(IReadOnlyList<Scenario> scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var tags = scenarios.Select(PrimaryTag).ToList();
        if (tags.All(t => t is not null) && tags.Distinct(StringComparer.Ordinal).Count() >= 2)
        {
            return new ScenarioGroups(GroupingBasis.Tags, [.. tags.Select(t => t!)]);
        }
        var texts = scenarios.Select(Text).ToList();
        var k = Math.Clamp((int)Math.Round(Math.Sqrt(scenarios.Count)), 1, Math.Max(1, scenarios.Count));
        var clusters = TextClusters.Cluster(texts, k);
        return new ScenarioGroups(GroupingBasis.TextClusters, [.. clusters.Assignment.Select(c => clusters.Labels[c])]);
    }

    /// <summary>The first tag of a scenario, lowercased: a card's first tag (the importer keeps up to three in the genre), a world
    /// file's genre; null for a source without tags.</summary>
    public static string? PrimaryTag(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var genre = scenario.World.Setting.Genre.Trim();
        return scenario.Format switch
        {
            ScenarioFormat.CharacterCard when genre.Length > 0 && genre != UntaggedCard =>
                genre.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)[0].ToLowerInvariant(),
            ScenarioFormat.WorldFile when genre.Length > 0 => genre.ToLowerInvariant(),
            _ => null,
        };
    }

    /// <summary>What a scenario is about, as the clusters read it: the NPC's persona, the setting's lore, the facts the world starts
    /// with and the scene's objectives. Names are left out: they are unique to a record and say nothing about its trope.</summary>
    public static string Text(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var world = scenario.World;
        var persona = world.PersonaOf(scenario.Npc);
        IEnumerable<string> parts =
        [
            persona?.Description ?? "", string.Join(" ", persona?.Traits ?? []), persona?.SpeechStyle ?? "",
            string.Join(" ", persona?.Goals ?? []), world.Setting.Lore, .. world.Facts.Select(f => f.Value), .. scenario.Objectives,
        ];
        var text = string.Join("\n", parts.Where(p => p.Length > 0));
        foreach (var name in world.Personas.Select(p => p.Name).Where(n => n.Length > 0).OrderByDescending(n => n.Length))
        {
            text = text.Replace(name, " ", StringComparison.OrdinalIgnoreCase);
        }
        return text;
    }
}
