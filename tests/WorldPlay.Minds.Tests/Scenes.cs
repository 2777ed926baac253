using System.Collections.Immutable;
using System.Text.Json;
using WorldPlay.Core;
using WorldPlay.Core.Characters;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Serialization;
using WorldPlay.Minds.Llm;
using static WorldPlay.Testing.TestWorlds;

namespace WorldPlay.Minds.Tests;

/// <summary>Perspectives from the core's harbor town, options pointing at a scripted server, and a reply that proposes one
/// change of every kind.</summary>
internal static class Scenes
{
    public static readonly SceneCue Cue = new("dockside", Harbor, "Old Harbor", false, Pacing.Steady, ["settle Oren's debt"], null, [], 7);

    /// <summary>A reply that says something to Tomas and proposes one change of every kind a mind may propose.</summary>
    public const string EveryKind =
        """
        {"speech":"Tide waits for no one, Tomas. Will you walk with me?","narration":"Mira coils a rope.","addressees":["tomas"],
         "proposals":[
          {"kind":"moved","to":"market"},
          {"kind":"travelled","to":"temple","minutes":15},
          {"kind":"gave","item":"lantern","to":"tomas"},
          {"kind":"took","item":"silver-coin"},
          {"kind":"relationship-changed","from":"mira","to":"tomas","type":"sibling","strength":0.7},
          {"kind":"fact-asserted","factId":"mira-plan","subject":"mira","predicate":"plans","value":"to buy a ship"},
          {"kind":"fact-retracted","factId":"harbor-busy"},
          {"kind":"status-changed","entity":"oren","status":"missing"},
          {"kind":"time-advanced","minutes":5}]}
        """;

    public static readonly ImmutableArray<WorldChange> EveryKindChanges =
    [
        new Moved(Market),
        new Travelled(Temple, 15),
        new Gave(Lantern, Tomas),
        new Took(Coin),
        new RelationshipChanged(Mira, Tomas, "sibling", 0.7),
        new FactAsserted("mira-plan", Mira, "plans", "to buy a ship"),
        new FactRetracted("harbor-busy"),
        new StatusChanged(Oren, EntityStatus.Missing),
        new TimeAdvanced(5),
    ];

    public const string Simple = """{"speech":"Fog again. Who let it in, Tomas?","narration":"","addressees":["tomas"],"proposals":[]}""";

    /// <summary>Mira's perspective at the start, with whatever she heard in <paramref name="heard"/>.</summary>
    public static Perspective AsMira(params WorldEvent[] heard) => Of(Mira, Initial, heard);

    public static Perspective Of(EntityId who, WorldState state, IEnumerable<WorldEvent> heard, SceneCue? cue = null) =>
        Of(who, state, EmptyMemory(who).Witness(heard), cue);

    public static Perspective Of(EntityId who, WorldState state, CharacterMemory memory, SceneCue? cue = null) =>
        PerspectiveBuilder.Build(PersonaOf(who), memory, WorldSlice.Of(state, who), cue ?? Cue, PerspectiveBuilder.DefaultBudget,
            TokenCounter.Default);

    /// <summary>A line <paramref name="speaker"/> said at the harbor, witnessed by everyone there.</summary>
    public static WorldEvent Line(long seq, EntityId speaker, string text) =>
        new(seq, (int)seq, 0, speaker, Harbor, new Spoke(text, []), [], [Mira, Tomas, speaker]);

    public static LlmMindOptions Options(ScriptedServer server, bool streaming = false) => new()
    {
        Endpoint = server.Endpoint,
        Model = "scripted",
        ApiKeyVariable = "WORLDPLAY_TESTS_UNSET_KEY",
        Streaming = streaming,
        AttemptTimeout = TimeSpan.FromSeconds(20),
        RetryDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryDelay = TimeSpan.FromSeconds(5),
    };

    /// <summary>An action as JSON, without its usage: equal actions give equal text.</summary>
    public static string Json(CharacterAction action) =>
        JsonSerializer.Serialize(action with { Usage = MindUsage.Free("-") }, CoreSerialization.Json);
}

/// <summary>Collects speech deltas as they are reported, in order.</summary>
internal sealed class SpeechLog : IProgress<SpeechDelta>
{
    public List<SpeechDelta> Deltas { get; } = [];

    /// <summary>The speech as a listener would show it: everything since the last restart.</summary>
    public string Shown
    {
        get
        {
            var start = Deltas.FindLastIndex(d => d.Restart);
            return string.Concat(Deltas.Skip(Math.Max(start, 0)).Select(d => d.Text));
        }
    }

    public void Report(SpeechDelta value) => Deltas.Add(value);
}
