using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using WorldPlay.Core;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Evaluation.Scenarios;

/// <summary>Where a scenario came from: the file format it was imported from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScenarioFormat>))]
public enum ScenarioFormat
{
    /// <summary>A WorldPlay world file (docs/world-format.md): one scenario per scene.</summary>
    WorldFile,
    /// <summary>A line of RPBench-Auto's <c>scenes.jsonl</c>.</summary>
    RpBenchScene,
    /// <summary>A line of RPBench-Auto's <c>characters.jsonl</c>.</summary>
    RpBenchCharacter,
    /// <summary>A Character Card V2 JSON file (<c>spec: "chara_card_v2"</c>).</summary>
    CharacterCard,
}

/// <summary>One bench setting: a world the engine can simulate, the scene to play in it, who the NPC and the user are, and how it
/// opens.</summary>
/// <param name="Id">Unique and stable across runs, such as <c>rpbench-scenes-12</c>; reports are keyed by it.</param>
/// <param name="Origin">The file and record it was imported from, such as <c>scenes.jsonl line 13 (id 12)</c>.</param>
/// <param name="Npc">The character the model under test plays.</param>
/// <param name="User">The character the user (or a user simulator) plays.</param>
/// <param name="OpeningMessage">The NPC's first message as the source wrote it, or null when the source has none.</param>
/// <param name="AlternateGreetings">Other first messages the source offers (Character Card V2 only).</param>
/// <param name="Progression">When the source considers the scene concluded (RPBench-Auto scenes only).</param>
/// <param name="Instructions">Instructions the source gives the model playing the NPC (a card's system prompt, RPBench-Auto's role-play
/// instruction).</param>
public sealed record Scenario(
    string Id,
    ScenarioFormat Format,
    string Origin,
    string Name,
    WorldDefinition World,
    EntityId Npc,
    EntityId User,
    string SceneId,
    ImmutableArray<string> Objectives,
    string? OpeningMessage,
    string Language,
    ImmutableArray<string> AlternateGreetings,
    ImmutableArray<string> Progression,
    string? Instructions)
{
    /// <summary>The scene this scenario plays.</summary>
    public SceneSpec Scene => World.Scenes.First(s => s.Id == SceneId);

    /// <summary>How the NPC and the user take turns. An imported scenario comes from a one-to-one benchmark, where they alternate
    /// strictly and the NPC opens; a world file's scene keeps the engine's ensemble pacing.</summary>
    public Alternation Alternation => Format == ScenarioFormat.WorldFile ? Alternation.Ensemble : Alternation.Strict;

    /// <summary>The world file JSON <see cref="World"/> was read from, or null (a sample world), so that a transcript can carry its
    /// setting.</summary>
    public string? WorldFile { get; init; }

    /// <summary><see cref="WorldFile"/> as a JSON object, read as the world loader reads it (comments and trailing commas
    /// allowed), or null when there is none.</summary>
    public JsonObject? WorldJson() => WorldFile is { } file
        ? JsonNode.Parse(file, documentOptions: new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        }) as JsonObject
        : null;
}
