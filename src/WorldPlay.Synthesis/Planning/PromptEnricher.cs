using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WorldPlay.Core;
using WorldPlay.Core.Worlds;
using WorldPlay.Evaluation.Detectors;
using WorldPlay.Evaluation.Scenarios;

namespace WorldPlay.Synthesis.Planning;

/// <summary>Prompt enrichment: a skeletal scenario (a short persona in a world of one place and two people) gets world positioning
/// and plot hooks written as world-file content, every piece drawn from the scenario's own text: where the NPC stands in the
/// setting (the lore sentence closest to the persona), the hook the scene turns on (the latest story-so-far line, or the first
/// objective), a second place the text mentions (joined to the scene's place by a path), the tie to the user the text names, and
/// an item the text puts in the story, held by the NPC. The enriched file is read back by the world loader
/// (<see cref="WorldFiles.Parse"/>); a world it refuses is dropped and the original scenario is played.</summary>
public static partial class PromptEnricher
{
    /// <summary>A persona with less text than this (description, traits, speech style, example lines and goals) is skeletal.</summary>
    public const int SkeletalPersonaCharacters = 400;

    /// <summary>The same for a persona written in Chinese, counted in Han characters (one carries about a word).</summary>
    public const int SkeletalPersonaHan = 150;

    private const int MaxText = 240;
    private const int PathMinutes = 10;

    /// <summary>True when <paramref name="scenario"/>'s NPC is thinly drawn: a short persona, or a world of at most three entities
    /// (NPC, user, one place) with no relationship between anyone.</summary>
    public static bool IsSkeletal(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var world = scenario.World;
        var persona = world.PersonaOf(scenario.Npc);
        var text = persona is null ? "" : string.Join(" ",
            [persona.Description, .. persona.Traits, persona.SpeechStyle, .. persona.ExampleLines, .. persona.Goals]);
        var shortPersona = Cjk.IsMostlyHan(text) ? Cjk.HanCount(text) < SkeletalPersonaHan : text.Length < SkeletalPersonaCharacters;
        var fewEntities = world.Entities.Count(e => e.Kind != EntityKind.Concept) <= 3 && world.Relationships.IsEmpty;
        return shortPersona || fewEntities;
    }

    /// <summary>The scenario enriched when it is skeletal and its world file is at hand; otherwise as it was.</summary>
    public static EnrichmentOutcome Enrich(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (!IsSkeletal(scenario))
        {
            return new EnrichmentOutcome(scenario, false, [], null);
        }
        if (scenario.WorldJson() is not { } world)
        {
            return new EnrichmentOutcome(scenario, true, [], null);
        }
        var additions = Additions(scenario, world);
        return additions.IsEmpty ? new EnrichmentOutcome(scenario, true, [], null) : Load(scenario, world, additions);
    }

    /// <summary>Reads <paramref name="world"/> (the scenario's world file with <paramref name="additions"/> written into it) with the
    /// world loader: the enriched scenario when it loads, the original with the loader's first problem when it does not.</summary>
    internal static EnrichmentOutcome Load(Scenario scenario, JsonObject world, ImmutableArray<WorldAddition> additions)
    {
        var json = world.ToJsonString();
        try
        {
            var definition = WorldFiles.Parse(json, scenario.Origin);
            return new EnrichmentOutcome(scenario with { World = definition, WorldFile = json }, true, additions, null);
        }
        catch (WorldFileException e)
        {
            return new EnrichmentOutcome(scenario, true, additions, e.Problems.FirstOrDefault() ?? e.Message);
        }
    }

    /// <summary>Writes what the scenario's text offers into <paramref name="world"/> and lists it.</summary>
    private static ImmutableArray<WorldAddition> Additions(Scenario scenario, JsonObject world)
    {
        var definition = scenario.World;
        var chinese = definition.Setting.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var npc = scenario.Npc.Value;
        var user = scenario.User.Value;
        var persona = definition.PersonaOf(scenario.Npc);
        var personaText = persona is null ? "" : string.Join(" ", [persona.Description, .. persona.Traits]);
        var ids = new HashSet<string>(definition.Entities.Select(e => e.Id.Value)
            .Concat(definition.Facts.Select(f => f.Id))
            .Concat(definition.Personas.SelectMany(p => p.Secrets.Select(s => s.FactId))), StringComparer.Ordinal);
        var added = ImmutableArray.CreateBuilder<WorldAddition>();
        var facts = Section(world, "facts");

        // Where the NPC stands: the lore line sharing most with the persona.
        var lore = definition.Facts.Where(f => f.Subject.Value == "lore").Select(f => f.Value)
            .DefaultIfEmpty(definition.Setting.Lore).SelectMany(Sentences).ToList();
        if (Closest(lore, personaText) is { } position)
        {
            var id = Unique($"{npc}-position", ids);
            facts.Add(Fact(id, npc, chinese ? "所处的世界" : "stands in a world where", position));
            added.Add(new WorldAddition("position", id, position));
        }

        // The hook the scene turns on: the latest development of the story so far, else the first objective.
        var story = definition.Facts.Where(f => f.Subject.Value == "story-so-far").Select(f => f.Value).ToList();
        var hookText = story.Count > 0 ? story[^1] : scenario.Objectives.FirstOrDefault();
        if (hookText is { Length: > 0 } && Trimmed(hookText) is var hook)
        {
            var id = Unique($"{npc}-hook", ids);
            facts.Add(Fact(id, npc, chinese ? "正卷入" : "is caught up in this", hook));
            added.Add(new WorldAddition("hook", id, hook));
        }

        // Where the story may move: a place the text names, one walk from the scene's place.
        IEnumerable<string> plot =
        [
            .. definition.Facts.Where(f => f.Subject == scenario.Npc).Select(f => f.Value), .. story.AsEnumerable().Reverse(),
            scenario.OpeningMessage ?? "", .. scenario.Objectives, personaText, .. lore,
        ];
        var known = definition.Entities.Select(e => e.Name.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        if (FindMention(plot, chinese ? EnrichmentLexicon.ChinesePlaces : EnrichmentLexicon.EnglishPlaces, chinese) is { } place
            && !known.Contains(place.Name.ToLowerInvariant()))
        {
            var id = Unique(Slug(place.Name, "place"), ids);
            Section(world, "places").Add(new JsonObject { ["id"] = id, ["name"] = place.Name, ["description"] = place.Sentence });
            Section(world, "paths").Add(new JsonObject
            {
                ["between"] = new JsonArray(scenario.Scene.Place.Value, id), ["minutes"] = PathMinutes,
            });
            added.Add(new WorldAddition("place", id, $"{place.Name}: {place.Sentence}"));
        }

        // The tie the text names between the NPC and the user, when the world declares none.
        if (!definition.Relationships.Any(r => (r.From == scenario.Npc && r.To == scenario.User) ||
                (r.From == scenario.User && r.To == scenario.Npc))
            && Tie(string.Join("\n", [personaText, .. story])) is { } tie)
        {
            Section(world, "relationships").Add(new JsonObject
            {
                ["from"] = npc, ["to"] = user, ["type"] = tie.Type, ["strength"] = tie.Strength,
            });
            added.Add(new WorldAddition("relationship", $"{npc} {tie.Type} {user}",
                string.Create(CultureInfo.InvariantCulture, $"'{tie.Word}' in the text; strength {tie.Strength:0.0}")));
        }

        // Something to hold: an item the text brings into the story, in the NPC's hands.
        if (FindMention(plot, chinese ? EnrichmentLexicon.ChineseItems : EnrichmentLexicon.EnglishItems, chinese) is { } item
            && !known.Contains(item.Name.ToLowerInvariant()))
        {
            var id = Unique(Slug(item.Name, "item"), ids);
            Section(world, "items").Add(new JsonObject
            {
                ["id"] = id, ["name"] = item.Name, ["holder"] = npc, ["description"] = item.Sentence,
            });
            added.Add(new WorldAddition("item", id, $"{item.Name}: {item.Sentence}"));
        }
        return added.ToImmutable();
    }

    private static JsonObject Fact(string id, string subject, string predicate, string value) => new()
    {
        ["id"] = id, ["subject"] = subject, ["predicate"] = predicate, ["value"] = value, ["knownBy"] = "everyone",
    };

    private static JsonArray Section(JsonObject world, string name)
    {
        if (world[name] is JsonArray array)
        {
            return array;
        }
        var created = new JsonArray();
        world[name] = created;
        return created;
    }

    /// <summary>The sentence of <paramref name="candidates"/> sharing the most content terms with <paramref name="text"/>, or null
    /// when none shares any.</summary>
    private static string? Closest(IEnumerable<string> candidates, string text)
    {
        var terms = Terms(text);
        return candidates
            .Select((c, i) => (Text: c, Index: i, Shared: Terms(c).Count(terms.Contains)))
            .Where(c => c.Shared > 0)
            .OrderByDescending(c => c.Shared).ThenBy(c => c.Index)
            .Select(c => Trimmed(c.Text))
            .FirstOrDefault();
    }

    private static HashSet<string> Terms(string text) =>
        [.. Prose.ContentTokens(text).Select(t => Cjk.IsHan(t.Text[0]) ? t.Text : t.Stem)];

    /// <summary>The first mention in <paramref name="texts"/> (in order) of a word of <paramref name="lexicon"/>, named with what
    /// precedes it ("the old library", "你家门口" gives "家门口"), and the sentence it sits in.</summary>
    private static (string Name, string Sentence)? FindMention(IEnumerable<string> texts, ImmutableArray<string> lexicon, bool chinese)
    {
        foreach (var text in texts)
        {
            foreach (var sentence in Sentences(text))
            {
                if (chinese)
                {
                    var word = lexicon.Where(w => sentence.Contains(w, StringComparison.Ordinal))
                        .OrderBy(w => sentence.IndexOf(w, StringComparison.Ordinal)).FirstOrDefault();
                    if (word is not null)
                    {
                        return (word, Trimmed(sentence));
                    }
                    continue;
                }
                var match = lexicon.Select(w => EnglishMention(w).Match(sentence)).Where(m => m.Success).OrderBy(m => m.Index)
                    .FirstOrDefault();
                if (match is not null)
                {
                    var modifier = match.Groups["modifier"].Value.Trim().ToLowerInvariant();
                    var head = match.Groups["head"].Value.ToLowerInvariant();
                    return (modifier.Length > 0 ? $"the {modifier} {head}" : $"the {head}", Trimmed(sentence));
                }
            }
        }
        return null;
    }

    /// <summary>"the/a/his... [one plain word] WORD" as a whole word: the modifier is kept only when it is a plain lowercase word that
    /// is not a function word ("the old library", not "the very library").</summary>
    private static Regex EnglishMention(string word) =>
        new($@"\b(?:the|a|an|his|her|their|your|my|our|its)\s+(?<modifier>(?:[a-z][a-z-]+\s+)?)(?<head>{Regex.Escape(word)})\b",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static (string Word, string Type, double Strength)? Tie(string text)
    {
        foreach (var tie in EnrichmentLexicon.Ties)
        {
            var found = Cjk.IsHan(tie.Word[0])
                ? text.Contains(tie.Word, StringComparison.Ordinal)
                : Regex.IsMatch(text, $@"\b{Regex.Escape(tie.Word)}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            if (found)
            {
                return tie;
            }
        }
        return null;
    }

    private static IEnumerable<string> Sentences(string text) =>
        SentenceEnd().Split(text).Select(s => s.Trim().TrimStart('-', '*', ' ')).Where(s => s.Length > 0);

    private static string Trimmed(string text)
    {
        var plain = text.Replace("**", "", StringComparison.Ordinal).Trim();
        return plain.Length <= MaxText ? plain : plain[..MaxText].TrimEnd() + "…";
    }

    private static string Slug(string name, string fallback)
    {
        var slug = NotSlug().Replace(name.ToLowerInvariant().Replace("the ", "", StringComparison.Ordinal), "-").Trim('-');
        return slug.Length > 0 && EntityId.IsSlug(slug) ? slug : fallback;
    }

    private static string Unique(string id, HashSet<string> taken)
    {
        var candidate = id;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = $"{id}-{n}";
        }
        return candidate;
    }

    [GeneratedRegex(@"(?<=[.!?。！？])\s+|\n+|(?<=[。！？])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}
