using System.Collections.Immutable;
using WorldPlay.Core;
using WorldPlay.Core.Worlds;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Tests.Grounded;

/// <summary>A small world in English or Chinese for world-grounded checks: an inn (茶馆) where Mira (米拉) and her brother Tomas
/// (老周) serve Wren (阿任, the user); Mira's mother Edda (秀兰) is at the docks (码头); Cass (老陈) is dead. Tomas holds the brass
/// lantern (铜灯笼), Mira the iron key (铁钥匙). Lines may carry events that change the state mid-session.</summary>
internal sealed class GroundedWorld
{
    public static readonly EntityId Mira = new("mira");
    public static readonly EntityId Tomas = new("tomas");
    public static readonly EntityId Wren = new("wren");
    public static readonly EntityId Inn = new("inn");
    public static readonly EntityId Docks = new("docks");
    public static readonly EntityId Lantern = new("lantern");

    private readonly List<TranscriptLine> lines = [];
    private long seq;

    private GroundedWorld(bool chinese)
    {
        IsChinese = chinese;
        Definition = WorldFiles.Parse(World(chinese), chinese ? "grounded-zh" : "grounded-en");
    }

    public bool IsChinese { get; }

    public WorldDefinition Definition { get; }

    public string MiraName => IsChinese ? "米拉" : "Mira";

    public string TomasName => IsChinese ? "老周" : "Tomas";

    public string WrenName => IsChinese ? "阿任" : "Wren";

    public static GroundedWorld Of(string language) => new(language == "zh");

    /// <summary>A user line at <paramref name="turn"/>.</summary>
    public GroundedWorld User(int turn, string text) => Add(turn, WrenName, SpeakerRole.User, text, Wren, [], null);

    /// <summary>An NPC line at <paramref name="turn"/> by Mira unless <paramref name="speaker"/> names Tomas; <paramref name="changes"/>
    /// are committed with it (after it is spoken).</summary>
    public GroundedWorld Npc(int turn, string text, string? speaker = null, params WorldChange[] changes) =>
        Npc(turn, text, speaker, changes, null);

    /// <summary>An NPC line spoken to <paramref name="addressee"/> (its <c>spoke</c> event names them).</summary>
    public GroundedWorld Npc(int turn, string text, string? speaker, WorldChange[] changes, EntityId? addressee)
    {
        var name = speaker ?? MiraName;
        return Add(turn, name, SpeakerRole.Npc, text, name == TomasName ? Tomas : Mira, changes, addressee);
    }

    /// <summary>An NPC line by Tomas whose events move him, kill him, or hand over an item.</summary>
    public GroundedWorld TomasDoes(int turn, string text, params WorldChange[] changes) => Npc(turn, text, TomasName, changes);

    public Transcript Transcript() => new(IsChinese ? "grounded-zh" : "grounded-en", BenchSetting.FromWorld(Definition), [.. lines]);

    private GroundedWorld Add(int turn, string speaker, SpeakerRole role, string text, EntityId actor, WorldChange[] changes,
        EntityId? addressee)
    {
        var events = ImmutableArray.CreateBuilder<WorldEvent>();
        ImmutableArray<EntityId> to = addressee is { } a ? [a] : [];
        events.Add(new WorldEvent(++seq, turn, 480 + turn, actor, Inn, new Spoke(text, to), [], []));
        foreach (var change in changes)
        {
            var who = change is StatusChanged or Moved ? Tomas : actor;
            events.Add(new WorldEvent(++seq, turn, 480 + turn, who, Inn, change, [], []));
        }
        lines.Add(new TranscriptLine(turn, speaker, role, text, events.ToImmutable()));
        return this;
    }

    private static string World(bool chinese)
    {
        var (inn, docks, mira, tomas, wren, edda, cass, lantern, key) = chinese
            ? ("茶馆", "码头", "米拉", "老周", "阿任", "秀兰", "老陈", "铜灯笼", "铁钥匙")
            : ("The Gull", "The Docks", "Mira", "Tomas", "Wren", "Edda", "Cass", "brass lantern", "iron key");
        var innAlias = chinese ? "茶楼" : "the inn";
        return $$"""
            {
              "id": "grounded", "name": "Grounded", "genre": "drama", "language": "{{(chinese ? "zh" : "en")}}",
              "lore": "A river town.",
              "places": [ { "id": "inn", "name": "{{inn}}", "aliases": ["{{innAlias}}"] }, { "id": "docks", "name": "{{docks}}" } ],
              "paths": [ { "between": ["inn", "docks"], "minutes": 10 } ],
              "characters": [
                { "id": "mira", "name": "{{mira}}", "pronouns": "she/her", "location": "inn", "description": "Innkeeper.",
                  "traits": ["warm"], "speechStyle": "Plain." },
                { "id": "tomas", "name": "{{tomas}}", "pronouns": "he/him", "location": "inn", "description": "Her brother.",
                  "traits": ["dour"], "speechStyle": "Curt." },
                { "id": "edda", "name": "{{edda}}", "pronouns": "she/her", "location": "docks", "description": "Their mother.",
                  "traits": ["stern"], "speechStyle": "Curt." },
                { "id": "cass", "name": "{{cass}}", "pronouns": "he/him", "location": "inn", "status": "dead",
                  "description": "The old keeper.", "traits": ["stern"], "speechStyle": "Curt." },
                { "id": "wren", "name": "{{wren}}", "pronouns": "he/him", "role": "user", "location": "inn",
                  "description": "A traveller." }
              ],
              "items": [
                { "id": "lantern", "name": "{{lantern}}", "holder": "tomas" },
                { "id": "key", "name": "{{key}}", "holder": "mira" }
              ],
              "relationships": [
                { "from": "tomas", "to": "mira", "type": "sibling-of", "strength": 0.6 },
                { "from": "mira", "to": "tomas", "type": "sibling-of", "strength": 0.6 },
                { "from": "edda", "to": "mira", "type": "parent-of", "strength": 0.8 },
                { "from": "edda", "to": "tomas", "type": "parent-of", "strength": 0.8 }
              ],
              "scenes": [ { "id": "night", "title": "Night", "place": "inn", "cast": ["mira", "tomas", "wren"], "user": "wren" } ]
            }
            """;
    }
}
