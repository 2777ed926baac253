using System.Collections.Immutable;
using System.Text.Json.Nodes;
using WorldPlay.Core;
using WorldPlay.Core.Worlds;

namespace WorldPlay.Evaluation.Scenarios;

/// <summary>A character of an imported scene, before it becomes a world-file character.</summary>
internal sealed record CastDraft(
    string Name,
    string Description,
    ImmutableArray<string> Traits,
    string? SpeechStyle,
    ImmutableArray<string> ExampleLines);

/// <summary>What an imported record says the scene's world holds.</summary>
internal enum FactTopic
{
    /// <summary>Lore of the setting: background bullets, lore-book entries. Reads "the lore says ...".</summary>
    Lore,
    /// <summary>What happened before the scene: plot recap, card scenario. Reads "the story so far includes ...".</summary>
    StorySoFar,
    /// <summary>How the NPC is at the start. Reads "Marco is now ...".</summary>
    NpcState,
}

internal sealed record FactDraft(FactTopic Topic, string Text);

/// <summary>A one-scene world as an importer understands a record: an NPC, the user, one place, facts and objectives.
/// <see cref="Build"/> writes it as a world file and loads that through <see cref="WorldFiles.Parse"/>, so an imported
/// world passes exactly the checks a designer's world file does.</summary>
internal sealed record SceneDraft(
    string ScenarioId,
    ScenarioFormat Format,
    string Title,
    string Genre,
    string Lore,
    string Language,
    CastDraft Npc,
    CastDraft User,
    ImmutableArray<FactDraft> Facts,
    ImmutableArray<string> Objectives,
    ImmutableArray<string> Progression,
    string? OpeningMessage,
    ImmutableArray<string> AlternateGreetings,
    string? Instructions)
{
    public const string PlaceId = "meeting-place";
    public const string SceneId = "scene";
    private const string LoreId = "lore";
    private const string StoryId = "story-so-far";
    private const string UnstatedPronouns = "unspecified";

    // The world format requires at least one trait and a speech style for an NPC; many sources give neither.
    public const string DefaultTrait = "true to their description";
    public const string DefaultSpeechStyle = "In character, as the description suggests.";

    /// <summary>The laws every imported world declares: the sample worlds' physical laws, and no forbidden concepts,
    /// since no source lists any.</summary>
    private static readonly ImmutableArray<string> Laws =
        ["one-place-at-a-time", "connected-moves", "holder-gives", "dead-do-not-act", "present-to-act", "relationship-strength-bounds"];

    /// <summary>The scenario, or the world reader's problems, each reported against <paramref name="where"/>.</summary>
    public (Scenario? Scenario, ImmutableArray<ScenarioProblem> Problems) Build(ScenarioProblem where)
    {
        var npcId = SourceText.Slug(Npc.Name) is { } slug && slug is not (PlaceId or LoreId or StoryId) ? slug : "npc";
        var userId = SourceText.Slug(User.Name) is { } u && u != npcId && u is not (PlaceId or LoreId or StoryId) ? u : "user";
        if (userId == npcId)
        {
            userId = "the-user";
        }
        var world = new JsonObject
        {
            ["id"] = ScenarioId,
            ["name"] = Title,
            ["genre"] = Genre,
            ["language"] = Language,
            ["lore"] = Lore,
            ["laws"] = new JsonArray([.. Laws.Select(k => (JsonNode)new JsonObject { ["kind"] = k })]),
            ["places"] = new JsonArray(new JsonObject
            {
                ["id"] = PlaceId,
                ["name"] = "the meeting place",
                ["description"] = $"Where {Npc.Name} and {User.Name} meet.",
            }),
            ["characters"] = new JsonArray(Character(npcId, Npc, "npc"), Character(userId, User, "user")),
            ["facts"] = WorldFacts(npcId),
            ["scenes"] = new JsonArray(new JsonObject
            {
                ["id"] = SceneId,
                ["title"] = Title,
                ["place"] = PlaceId,
                ["cast"] = new JsonArray(npcId, userId),
                ["user"] = userId,
                ["objectives"] = Strings(Objectives),
            }),
        };
        var concepts = new JsonArray();
        if (Facts.Any(f => f.Topic == FactTopic.Lore))
        {
            concepts.Add(new JsonObject { ["id"] = LoreId, ["name"] = "the lore" });
        }
        if (Facts.Any(f => f.Topic == FactTopic.StorySoFar))
        {
            concepts.Add(new JsonObject { ["id"] = StoryId, ["name"] = "the story so far" });
        }
        world["concepts"] = concepts;

        WorldDefinition definition;
        try
        {
            definition = WorldFiles.Parse(world.ToJsonString(), where.File);
        }
        catch (WorldFileException e)
        {
            return (null, [.. e.Problems.Select(p => where with { Field = "", Message = $"does not make a valid world: {p}" })]);
        }
        var scenario = new Scenario(
            ScenarioId, Format, where.Where, Title, definition, npcId, userId, SceneId, Objectives, OpeningMessage, Language,
            AlternateGreetings, Progression, Instructions) { WorldFile = world.ToJsonString() };
        return (scenario, []);
    }

    private static JsonObject Character(string id, CastDraft cast, string role)
    {
        var character = new JsonObject
        {
            ["id"] = id,
            ["name"] = cast.Name,
            ["pronouns"] = UnstatedPronouns,
            ["role"] = role,
            ["location"] = PlaceId,
            ["description"] = cast.Description,
            ["traits"] = Strings(cast.Traits.IsEmpty && role == "npc" ? [DefaultTrait] : cast.Traits),
            ["exampleLines"] = Strings(cast.ExampleLines),
        };
        if (cast.SpeechStyle is { } style || role == "npc")
        {
            character["speechStyle"] = cast.SpeechStyle ?? DefaultSpeechStyle;
        }
        return character;
    }

    private JsonArray WorldFacts(string npcId)
    {
        var facts = new JsonArray();
        var counts = new Dictionary<FactTopic, int>();
        foreach (var fact in Facts)
        {
            var n = counts[fact.Topic] = counts.GetValueOrDefault(fact.Topic) + 1;
            var (id, subject, predicate) = fact.Topic switch
            {
                FactTopic.Lore => ($"lore-{n}", LoreId, "says"),
                FactTopic.StorySoFar => ($"story-{n}", StoryId, "includes"),
                _ => ($"{npcId}-state-{n}", npcId, "is now"),
            };
            facts.Add(new JsonObject
            {
                ["id"] = id,
                ["subject"] = subject,
                ["predicate"] = predicate,
                ["value"] = fact.Text,
                ["knownBy"] = "everyone",
            });
        }
        return facts;
    }

    private static JsonArray Strings(IEnumerable<string> texts) => new([.. texts.Select(t => (JsonNode?)JsonValue.Create(t))]);
}
