using System.Text.Json.Nodes;
using WorldPlay.Core.Laws;
using WorldPlay.Core.Worlds;

namespace WorldPlay.Core.Tests;

/// <summary>Origins and knowledge in world files, and a played state written back as a world file that reads as a designer's.</summary>
public sealed class WorldFileExportTests
{
    private static readonly EntityId Wren = "wren";
    private static readonly EntityId Mira = "mira";
    private static readonly EntityId Tavern = "gull-and-kettle";

    /// <summary>The harbor after its user (Wren) created a far city, a sister there, a key, a tie and a fact at turn 1, and Mira
    /// named her late brother and a ruined chapel at turn 2 (no path leads to the chapel).</summary>
    internal static (WorldDefinition Definition, WorldState State) Grown(bool chinese = false)
    {
        var definition = WorldFiles.Load("harbor");
        var laws = LawBook.For(definition.Setting);
        var state = WorldState.Initial(definition);
        var turn1 = Commitment.Commit(state, laws, 1, Tavern,
        [
            Proposal.Of(Wren, new EntityCreated("vask", EntityKind.Place, chinese ? "瓦斯克" : "Vask", [],
                chinese ? "南边一天航程的商城。" : "The trading city a day's sail south.", null, null, EntityStatus.Alive)),
            Proposal.Of(Wren, new PathOpened("long-quay", "vask", 1440)),
            Proposal.Of(Wren, new EntityCreated("lena", EntityKind.Character, chinese ? "莲娜" : "Lena", chinese ? ["小莲"] : ["Len"],
                chinese ? "雯的妹妹，在瓦斯克当书记。" : "Wren's sister, a clerk in Vask.", "vask", null, EntityStatus.Alive)),
            Proposal.Of(Wren, new EntityCreated("brass-key", EntityKind.Item, chinese ? "铜钥匙" : "brass key", [],
                chinese ? "莲娜家的钥匙。" : "The key to Lena's rooms.", null, Wren, EntityStatus.Alive)),
            Proposal.Of(Wren, new RelationshipChanged(Wren, "lena", "sibling-of", 0.8)),
            Proposal.Of(Wren,
                new FactAsserted("lena-waits", "lena", chinese ? "等着" : "waits", chinese ? "雯回瓦斯克" : "for Wren in Vask")),
        ]);
        Assert.True(turn1.Rejected.IsEmpty, string.Join("; ", turn1.Rejected.Select(r => r.Reason)));
        var turn2 = Commitment.Commit(turn1.State, laws, 2, Tavern,
        [
            Proposal.Of(Mira, new EntityCreated("old-chapel", EntityKind.Place, chinese ? "旧礼拜堂" : "the old chapel", [],
                chinese ? "岬角上的废墟。" : "A ruin on the headland.", null, null, EntityStatus.Destroyed)),
            Proposal.Of(Mira, new EntityCreated("jory", EntityKind.Character, chinese ? "乔里" : "Jory", [],
                chinese ? "米拉死去的哥哥。" : "Mira's late brother, lost at sea.", "long-quay", null, EntityStatus.Dead)),
            Proposal.Of(Mira, new RelationshipChanged(Mira, "jory", "sibling-of", 0.9)),
        ]);
        Assert.True(turn2.Rejected.IsEmpty, string.Join("; ", turn2.Rejected.Select(r => r.Reason)));
        return (definition, turn2.State);
    }

    private static IEnumerable<string> EntitiesOf(IEnumerable<Entity> entities) =>
        entities.OrderBy(e => e.Id).Select(e => string.Join(" | ", e.Id, e.Kind, e.Name, string.Join(",", e.Aliases), e.Status, e.Location,
            e.Holder, e.Attribute("description"), e.Attribute("role"), e.Origin,
            e.KnownBy is null ? "everyone" : string.Join(",", e.KnownBy.Keys)));

    private static IEnumerable<string> RelationshipsOf(IEnumerable<Relationship> relationships) =>
        relationships.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} | {r.Strength} | {r.Origin}");

    private static IEnumerable<string> FactsOf(IEnumerable<Fact> facts) =>
        facts.OrderBy(f => f.Id, StringComparer.Ordinal)
            .Select(f => $"{f.Id} | {f.Subject} | {f.Predicate} | {f.Value} | {string.Join(",", f.KnownBy)} | {f.Origin}");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Write_GrownHarbor_ReadsBackWithTheSameEntitiesAndOrigins(bool chinese)
    {
        var (definition, state) = Grown(chinese);

        var read = WorldFiles.Parse(WorldFiles.Write(definition, state), "grown.json");

        Assert.Equal(EntitiesOf(state.Entities.Values), EntitiesOf(read.Entities));
    }

    [Fact]
    public void Write_GrownHarbor_ReadsBackWithTheSameRelationshipsAndOrigins()
    {
        var (definition, state) = Grown();

        var read = WorldFiles.Parse(WorldFiles.Write(definition, state), "grown.json");

        Assert.Equal(RelationshipsOf(state.Relationships.Values), RelationshipsOf(read.Relationships));
    }

    [Fact]
    public void Write_GrownHarbor_ReadsBackWithTheSameFactsKnowersAndOrigins()
    {
        var (definition, state) = Grown();

        var read = WorldFiles.Parse(WorldFiles.Write(definition, state), "grown.json");

        Assert.Equal(FactsOf(state.Facts.Values), FactsOf(read.Facts));
    }

    [Fact]
    public void Write_GrownHarbor_KeepsOpenedPathsClockAndScene()
    {
        var (definition, state) = Grown();

        var read = WorldFiles.Parse(WorldFiles.Write(definition, state), "grown.json");

        Assert.Equal(
            (state.Setting.Paths.Length, true, state.StoryMinute, "gull-and-kettle", definition.Scenes[0].Cast.Length, "wren"),
            (read.Setting.Paths.Length, read.Setting.AreConnected("long-quay", "vask"), read.Setting.StartMinute,
                read.Scenes[0].Place.Value, read.Scenes[0].Cast.Length, read.Scenes[0].User?.Value));
    }

    [Fact]
    public void Write_CreatedCharacter_GetsAPlainPersonaFromItsNameAndDescription()
    {
        var (definition, state) = Grown();

        var lena = WorldFiles.Parse(WorldFiles.Write(definition, state), "grown.json").PersonaOf("lena");

        Assert.Equal(("Lena", "Wren's sister, a clerk in Vask.", true, true),
            (lena?.Name, lena?.Description, lena?.Traits.Length > 0, lena?.SpeechStyle.Length > 0));
    }

    [Fact]
    public void Write_ChineseWorld_KeepsTheTextReadable()
    {
        var (definition, state) = Grown(chinese: true);

        var text = WorldFiles.Write(definition, state);

        Assert.Contains("\"name\": \"莲娜\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_UserDeclaredTie_WritesItsOriginObject()
    {
        var (definition, state) = Grown();

        var file = JsonNode.Parse(WorldFiles.Write(definition, state))!;

        var tie = file["relationships"]!.AsArray().Single(r => r!["to"]!.GetValue<string>() == "lena")!;
        Assert.Equal("""{"source":"user","by":"wren","turn":1,"event":5}""", tie["origin"]!.ToJsonString());
    }

    [Fact]
    public void Write_UserMovedAway_SceneGoesOnWhereTheUserStands()
    {
        var (definition, state) = Grown();
        var moved = Commitment.Commit(state, LawBook.For(definition.Setting), 3, null,
            [Proposal.Of(Wren, new Moved("long-quay")), Proposal.Of(Mira, new Moved("long-quay"))]);
        Assert.True(moved.Rejected.IsEmpty, string.Join("; ", moved.Rejected.Select(r => r.Reason)));

        var scene = WorldFiles.Parse(WorldFiles.Write(definition, moved.State), "grown.json").Scenes[0];

        Assert.Equal(("long-quay", "mira, wren"), (scene.Place.Value, string.Join(", ", scene.Cast.Select(c => c.Value).Order())));
    }

    // ---- origins and knownBy as a designer writes them ----

    private const string Tiny = """
        {
          "id": "cove", "name": "The Cove", "genre": "quiet", "language": "en", "lore": "A cove.",
          "places": [ { "id": "beach", "name": "The Beach" } ],
          "characters": [
            { "id": "ada", "name": "Ada", "pronouns": "she/her", "location": "beach", "description": "A fisher.",
              "traits": ["calm"], "speechStyle": "Short." },
            { "id": "ren", "name": "Ren", "pronouns": "they/them", "role": "user", "location": "beach", "description": "A visitor." }
          ],
          "relationships": [ { "from": "ren", "to": "ada", "type": "cousin-of", "strength": 0.5 } ]
        }
        """;

    private static string Changed(Action<JsonObject> change)
    {
        var world = JsonNode.Parse(Tiny)!.AsObject();
        change(world);
        return world.ToJsonString();
    }

    private static IReadOnlyList<string> Problems(Action<JsonObject> change) =>
        Assert.Throws<WorldFileException>(() => WorldFiles.Parse(Changed(change), "cove.json")).Problems;

    private static JsonNode Origin(string json) => JsonNode.Parse(json)!;

    [Fact]
    public void Parse_UserOrigin_KeepsItOnTheRelationship()
    {
        var world = WorldFiles.Parse(
            Changed(w => w["relationships"]![0]!["origin"] = Origin("""{"source":"user","by":"ren","turn":12,"event":40}""")), "cove.json");

        Assert.Equal(new Origin(OriginSource.User, "ren", 40, 12), world.Relationships[0].Origin);
    }

    [Fact]
    public void Parse_NoOrigin_IsTheDesigners()
    {
        var world = WorldFiles.Parse(Tiny, "cove.json");

        Assert.Equal("the designer's file", world.Relationships[0].Provenance.Describe(id => id.Value));
    }

    [Fact]
    public void Parse_KnownByOnACreatedCharacter_OnlyThoseKnowIt()
    {
        var world = WorldFiles.Parse(Changed(w =>
        {
            w["characters"]![0]!["origin"] = Origin("""{"source":"character","by":"ren","turn":3,"event":9}""");
            w["characters"]![0]!["knownBy"] = new JsonArray("ren");
        }), "cove.json");

        var ada = world.Entities.Single(e => e.Id == "ada");
        Assert.Equal((true, false), (ada.IsKnownBy("ren"), ada.IsKnownBy("ada")));
    }

    [Theory]
    [InlineData("""{"source":"player","by":"ren","turn":1,"event":2}""",
        "relationships[0].origin.source: 'player' is not a source; allowed: designer, user, character")]
    [InlineData("""{"source":"user","by":"nobody","turn":1,"event":2}""",
        "relationships[0].origin.by: 'nobody' is not a character id; known characters: ada, ren")]
    [InlineData("""{"source":"user","by":"ren","event":2}""",
        "relationships[0].origin.turn: required but missing; the turn it was brought in at, such as 12")]
    [InlineData("""{"source":"user","by":"ren","turn":-1,"event":2}""", "relationships[0].origin.turn: -1 is negative; turns count from 0")]
    [InlineData("""{"source":"user","by":"ren","turn":1,"event":0}""",
        "relationships[0].origin.event: 0 is not an event number; events count from 1")]
    [InlineData("""{"source":"designer","by":"ren"}""",
        "relationships[0].origin: the designer's origin takes no by, turn or event; remove them or the whole origin")]
    [InlineData("""{"source":"user","by":"ren","turn":1,"event":2,"when":"dusk"}""",
        "relationships[0].origin.when: not a field here; known fields: source, by, turn, event")]
    public void Parse_BadOrigin_SaysWhatIsWrong(string origin, string problem) =>
        Assert.Contains(problem, Problems(w => w["relationships"]![0]!["origin"] = Origin(origin)));

    [Fact]
    public void Parse_KnownByNamesNoCharacter_SaysSo() =>
        Assert.Contains("places[0].knownBy[0]: 'beach' is a place, not a character; known characters: ada, ren",
            Problems(w => w["places"]![0]!["knownBy"] = new JsonArray("beach")));

    [Fact]
    public void Parse_KnownByTwice_SaysSo() =>
        Assert.Contains("places[0].knownBy[1]: 'ada' is already listed; name each character once",
            Problems(w => w["places"]![0]!["knownBy"] = new JsonArray("ada", "ada")));

    [Fact]
    public void Parse_BadPlaceStatus_ListsTheStatuses() =>
        Assert.Contains("places[0].status: 'burnt' is not a status; allowed: alive, missing, destroyed, dead",
            Problems(w => w["places"]![0]!["status"] = "burnt"));

    [Fact]
    public void Parse_CreatedPlaceWithoutPath_IsReachedByTravel()
    {
        var world = WorldFiles.Parse(Changed(w =>
        {
            w["laws"] = JsonNode.Parse("""[{"kind":"connected-moves"}]""");
            w["places"]!.AsArray().Add(JsonNode.Parse(
                """{"id":"far-isle","name":"Far Isle","origin":{"source":"user","by":"ren","turn":2,"event":5}}"""));
        }), "cove.json");

        Assert.Equal(OriginSource.User, world.Entities.Single(e => e.Id == "far-isle").Provenance.Source);
    }

    [Fact]
    public void Parse_DesignedPlaceWithoutPath_IsStillStranded() =>
        Assert.Contains("paths: no path leads from 'beach' to 'far-isle'; the connected-moves law needs every place joined to the others",
            Problems(w =>
            {
                w["laws"] = JsonNode.Parse("""[{"kind":"connected-moves"}]""");
                w["places"]!.AsArray().Add(JsonNode.Parse("""{"id":"far-isle","name":"Far Isle"}"""));
            }));

    [Fact]
    public void Write_KnownByOfCreatedCharacter_SurvivesTheFile()
    {
        var (definition, state) = Grown();

        var read = WorldFiles.Parse(WorldFiles.Write(definition, state), "grown.json");

        var expected = string.Join(", ", state.Get("lena").KnownBy!.Keys);
        Assert.Equal(expected, string.Join(", ", read.Entities.Single(e => e.Id == "lena").KnownBy!.Keys));
    }
}
