using System.Collections.Immutable;
using WorldPlay.Core;
using WorldPlay.Core.Worlds;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Tests.Constructed;

/// <summary>A small world in English or Chinese where the user (Ren, 任) creates his sister Lena (莲娜) at the town of Vask (瓦斯克)
/// while Mira (米拉) listens and Tomas (托马斯) is out; transcripts built on it carry those creations as world events.</summary>
internal sealed class CoCreatedWorld
{
    private static readonly EntityId Ren = new("ren");
    private static readonly EntityId Mira = new("mira");
    private static readonly EntityId Tomas = new("tomas");
    private static readonly EntityId Corven = new("corven");
    private static readonly EntityId Vask = new("vask");
    private static readonly EntityId Lena = new("lena");

    private readonly List<TranscriptLine> lines = [];
    private long seq;

    private CoCreatedWorld(bool chinese)
    {
        IsChinese = chinese;
        Definition = WorldFiles.Parse(World(chinese), chinese ? "co-created-zh" : "co-created-en");
    }

    public bool IsChinese { get; }

    public WorldDefinition Definition { get; }

    public string RenName => IsChinese ? "任" : "Ren";

    public string MiraName => IsChinese ? "米拉" : "Mira";

    public string TomasName => IsChinese ? "托马斯" : "Tomas";

    /// <summary>Turn 1: Ren says Lena, his sister, lives in Vask; Vask and Lena are created and the tie declared, witnessed by Mira
    /// only (Tomas was out on the docks).</summary>
    public static CoCreatedWorld English() => new CoCreatedWorld(false).Creation("My sister Lena lives in Vask, two days north.");

    /// <summary>The same creation in the Chinese world.</summary>
    public static CoCreatedWorld Chinese() => new CoCreatedWorld(true).Creation("我妹妹莲娜住在瓦斯克，往北走两天。");

    /// <summary>A user line at <paramref name="turn"/>; <paramref name="heardBy"/> hear it (and learn of what it names).</summary>
    public CoCreatedWorld User(int turn, string text, params string[] heardBy) =>
        Add(turn, RenName, SpeakerRole.User, text, Ren, heardBy);

    /// <summary>An NPC line at <paramref name="turn"/> by <paramref name="speaker"/> (its display name); <paramref name="heardBy"/>
    /// hear it.</summary>
    public CoCreatedWorld Npc(int turn, string speaker, string text, params string[] heardBy) =>
        Add(turn, speaker, SpeakerRole.Npc, text, speaker == MiraName ? Mira : Tomas, heardBy);

    public Transcript Transcript() =>
        new(IsChinese ? "co-created-zh" : "co-created-en", BenchSetting.FromWorld(Definition), [.. lines]);

    private CoCreatedWorld Creation(string text)
    {
        var witnesses = ImmutableArray.Create(Mira);
        ImmutableArray<WorldEvent> events =
        [
            Event(1, new Spoke(text, []), witnesses),
            Event(1, new EntityCreated(Vask, EntityKind.Place, IsChinese ? "瓦斯克" : "Vask", [], "A town to the north.", null, null,
                EntityStatus.Alive), witnesses),
            Event(1, new PathOpened(Corven, Vask, 2880), witnesses),
            Event(1, new EntityCreated(Lena, EntityKind.Character, IsChinese ? "莲娜" : "Lena", [], "Ren's younger sister.", Vask, null,
                EntityStatus.Alive), witnesses),
            Event(1, new RelationshipChanged(Lena, Ren, "sister-of", 0.9), witnesses),
        ];
        lines.Add(new TranscriptLine(1, RenName, SpeakerRole.User, text, events));
        return this;
    }

    private CoCreatedWorld Add(int turn, string speaker, SpeakerRole role, string text, EntityId actor, string[] heardBy)
    {
        var witnesses = heardBy.Select(n => n == MiraName ? Mira : n == TomasName ? Tomas : Ren).ToImmutableArray();
        lines.Add(new TranscriptLine(turn, speaker, role, text, [Event(turn, new Spoke(text, []), witnesses, actor)]));
        return this;
    }

    private WorldEvent Event(int turn, WorldChange change, ImmutableArray<EntityId> witnesses, EntityId? actor = null) =>
        new(++seq, turn, 480 + turn, actor ?? Ren, Corven, change, [], witnesses);

    private static string World(bool chinese)
    {
        var (corven, docks, mira, tomas, ren) = chinese
            ? ("科文", "码头", "米拉", "托马斯", "任")
            : ("Corven", "The Docks", "Mira", "Tomas", "Ren");
        return $$"""
            {
              "id": "co-created", "name": "Co-created", "genre": "drama", "language": "{{(chinese ? "zh" : "en")}}",
              "lore": "A market town on a river.",
              "places": [ { "id": "corven", "name": "{{corven}}" }, { "id": "docks", "name": "{{docks}}" } ],
              "paths": [ { "between": ["corven", "docks"], "minutes": 10 } ],
              "characters": [
                { "id": "mira", "name": "{{mira}}", "pronouns": "she/her", "location": "corven", "description": "Innkeeper.",
                  "traits": ["warm"], "speechStyle": "Plain." },
                { "id": "tomas", "name": "{{tomas}}", "pronouns": "he/him", "location": "corven", "description": "Ferryman.",
                  "traits": ["dour"], "speechStyle": "Curt." },
                { "id": "ren", "name": "{{ren}}", "pronouns": "he/him", "role": "user", "location": "corven",
                  "description": "A traveller." }
              ],
              "scenes": [ { "id": "inn", "title": "Inn", "place": "corven", "cast": ["mira", "tomas", "ren"], "user": "ren" } ]
            }
            """;
    }
}
