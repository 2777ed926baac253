using System.Text.Json.Nodes;
using WorldPlay.Core;
using WorldPlay.Core.Laws;
using WorldPlay.Core.Worlds;

namespace WorldPlay.Core.Tests;

public class WorldFilesTests
{
    // The minimal complete example of docs/world-format.md; bad files are this one with one thing broken.
    private const string Minimal = """
        {
          "id": "lighthouse",
          "name": "The Lighthouse",
          "genre": "quiet coastal drama",
          "language": "en",
          "lore": "A lighthouse on a rock off a fishing coast. The lamp burns oil; the supply boat comes once a month.",
          "laws": [
            { "kind": "connected-moves" },
            { "kind": "forbidden-concepts", "concepts": ["electricity"] }
          ],
          "places": [
            { "id": "lamp-room", "name": "The Lamp Room", "description": "Glass on every side, and the great lamp." },
            { "id": "landing", "name": "The Landing" }
          ],
          "paths": [ { "between": ["lamp-room", "landing"], "minutes": 3 } ],
          "characters": [
            {
              "id": "agna", "name": "Agna", "pronouns": "she/her", "location": "lamp-room",
              "description": "The keeper, sixty, who has not been ashore in a year.",
              "traits": ["dry", "patient"],
              "speechStyle": "Few words; the weather first, then everything else.",
              "secrets": [ { "id": "agna-letter", "predicate": "never sent", "value": "the letter she wrote to her son" } ]
            },
            {
              "id": "sam", "name": "Sam", "pronouns": "he/him", "role": "user", "location": "lamp-room",
              "description": "The relief keeper, just off the supply boat."
            }
          ],
          "items": [ { "id": "logbook", "name": "logbook", "holder": "agna" } ],
          "relationships": [ { "from": "agna", "to": "sam", "type": "distrusts", "strength": -0.2 } ],
          "facts": [
            { "id": "landing-floods", "subject": "landing", "predicate": "floods", "value": "at every spring tide", "knownBy": "everyone" }
          ],
          "scenes": [
            {
              "id": "handover", "title": "The Handover", "place": "lamp-room", "cast": ["agna", "sam"], "user": "sam",
              "objectives": ["Agna decides whether to trust Sam with the lamp"],
              "opening": "Wind hums in the glass."
            }
          ],
        }
        """;

    public static TheoryData<string> Samples => [.. WorldFiles.SampleNames];

    // ---- the samples ----

    [Fact]
    public void SampleNames_Listed_AreHarborThenCourt() =>
        Assert.Equal(["harbor", "court"], WorldFiles.SampleNames);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Load_SampleName_LoadsThatWorld(string sample) =>
        Assert.Equal(sample, WorldFiles.Load(sample).Setting.Id);

    [Fact]
    public void Load_SampleNameInOtherCase_LoadsSample() =>
        Assert.Equal("harbor", WorldFiles.Load("Harbor").Setting.Id);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_NonUserCharacters_AtLeastFive(string sample)
    {
        var world = WorldFiles.Load(sample);

        var count = world.Entities.Count(e => e.IsCharacter && e.Attribute("role") != "user" && e.Status == EntityStatus.Alive);

        Assert.InRange(count, 5, int.MaxValue);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_UserCharacter_IsExactlyOne(string sample) =>
        Assert.Single(WorldFiles.Load(sample).Entities, e => e.Attribute("role") == "user");

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_Places_AtLeastSix(string sample) =>
        Assert.InRange(WorldFiles.Load(sample).Entities.Count(e => e.Kind == EntityKind.Place), 6, int.MaxValue);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_Items_AtLeastSix(string sample) =>
        Assert.InRange(WorldFiles.Load(sample).Entities.Count(e => e.Kind == EntityKind.Item), 6, int.MaxValue);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_SceneCast_AllStartAtTheScenePlace(string sample)
    {
        var world = WorldFiles.Load(sample);
        var state = WorldState.Initial(world);
        var scene = Assert.Single(world.Scenes);

        var elsewhere = scene.Cast.Where(id => state.Get(id).Location != scene.Place);

        Assert.Empty(elsewhere);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_Scene_HasUserObjectivesAndOpening(string sample)
    {
        var scene = WorldFiles.Load(sample).Scenes[0];

        Assert.True(scene.User is not null && scene.Objectives.Length > 0 && scene.Opening.Length > 0,
            $"scene {scene.Id} lacks a user, objectives or an opening");
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_EveryCharacter_HasPersona(string sample)
    {
        var world = WorldFiles.Load(sample);

        var without = world.Entities.Where(e => e.IsCharacter && world.PersonaOf(e.Id) is null).Select(e => e.Id);

        Assert.Empty(without);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_EveryCharacter_HasSecret(string sample)
    {
        var world = WorldFiles.Load(sample);

        var without = world.Personas.Where(p => p.Secrets.IsEmpty).Select(p => p.Id);

        Assert.Empty(without);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_LivingNonUserPersonas_HaveDistinctVoices(string sample)
    {
        var world = WorldFiles.Load(sample);
        var speaking = world.Personas.Where(p =>
            world.Entities.Single(e => e.Id == p.Id) is { Status: EntityStatus.Alive } e && e.Attribute("role") != "user").ToList();

        var thin = speaking.Where(p => p.SpeechStyle.Length == 0 || p.ExampleLines.Length < 3 || p.Catchphrases.Length < 2)
            .Select(p => p.Id);

        Assert.Empty(thin);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_Talkativeness_Varies(string sample) =>
        Assert.InRange(WorldFiles.Load(sample).Personas.Select(p => p.Talkativeness).Distinct().Count(), 3, int.MaxValue);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_Laws_DeclareEveryKind(string sample) =>
        Assert.Equal(LawBook.Kinds.Keys.Order(StringComparer.Ordinal),
            WorldFiles.Load(sample).Setting.Laws.Select(l => l.Kind).Order(StringComparer.Ordinal));

    [Fact]
    public void Harbor_Relationships_CoverKinshipRivalryDebtAndLove()
    {
        var types = WorldFiles.Load("harbor").Relationships.Select(r => r.Type).ToHashSet();

        Assert.Superset(new HashSet<string> { "sibling-of", "parent-of", "rival-of", "owes", "loves" }, types);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_LawBook_HasIntegrityPlusDeclaredLaws(string sample)
    {
        var setting = WorldFiles.Load(sample).Setting;

        var laws = LawBook.For(setting).Laws.Select(l => l.Kind);

        Assert.Equal(["integrity", .. setting.Laws.Select(l => l.Kind)], laws);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_InitialState_BreaksNoLaw(string sample)
    {
        var world = WorldFiles.Load(sample);

        var violations = LawBook.For(world.Setting).Audit(WorldState.Initial(world));

        Assert.Empty(violations);
    }

    // ---- mapping ----

    [Fact]
    public void Parse_MinimalWorld_HasItsEntitiesInFileOrder() =>
        Assert.Equal(["lamp-room", "landing", "agna", "sam", "logbook"], Parse(Minimal).Entities.Select(e => e.Id.Value));

    [Fact]
    public void Parse_Secret_BecomesFactKnownOnlyByItsOwner() =>
        Assert.Equal(["agna"], Parse(Minimal).Facts.Single(f => f.Id == "agna-letter").KnownBy.Select(k => k.Value));

    [Fact]
    public void Parse_SecretWithoutSubject_IsAboutItsOwner() =>
        Assert.Equal("agna", Parse(Minimal).Facts.Single(f => f.Id == "agna-letter").Subject.Value);

    [Fact]
    public void Parse_Secret_IsInOwnersPersona() =>
        Assert.Equal("agna-letter", Assert.Single(Parse(Minimal).PersonaOf("agna")!.Secrets).FactId);

    [Fact]
    public void Parse_KnownByEveryone_IsKnownByEveryCharacter() =>
        Assert.Equal(["agna", "sam"], Parse(Minimal).Facts.Single(f => f.Id == "landing-floods").KnownBy.Select(k => k.Value));

    [Fact]
    public void Parse_UserCharacter_GetsPersonaFromDescription() =>
        Assert.Equal("The relief keeper, just off the supply boat.", Parse(Minimal).PersonaOf("sam")?.Description);

    [Fact]
    public void Parse_Character_GetsDescriptionPronounsAndRoleAttributes() =>
        Assert.Equal(
            ["description", "pronouns", "role"],
            Parse(Minimal).Entities.Single(e => e.Id == "agna").Attributes.Keys);

    [Fact]
    public void Parse_Relationship_HoldsFromTheStart() =>
        Assert.Equal(Validity.FromStart, Parse(Minimal).Relationships.Single().Validity);

    [Fact]
    public void Parse_OmittedOptionalFields_TakeDefaults()
    {
        var world = Parse(Minimal);

        Assert.Equal(
            (0L, TurnTakingPolicy.AddressedFirst, 0.5, EntityStatus.Alive),
            (world.Setting.StartMinute, world.Scenes[0].TurnTaking, world.PersonaOf("agna")!.Talkativeness,
                world.Entities.Single(e => e.Id == "agna").Status));
    }

    [Fact]
    public void Parse_TurnTakingRoundRobin_MapsToPolicy() =>
        Assert.Equal(TurnTakingPolicy.RoundRobin, Parse(Change(w => w["scenes"]![0]!["turnTaking"] = "round-robin")).Scenes[0].TurnTaking);

    // ---- the errors a designer sees ----

    [Fact]
    public void Parse_MalformedJson_GivesOneMessageWithLineAndPosition()
    {
        var error = Assert.Throws<WorldFileException>(() => WorldFiles.Parse("{\n  \"id\": \"x\",\n  \"name\" \"y\"\n}", "broken.json"));

        Assert.Equal("broken.json: malformed JSON at line 3, position 10: '\"' is invalid after a property name. Expected a ':'",
            error.Message);
    }

    [Fact]
    public void Parse_WrongValueType_NamesFieldAndExpectedType()
    {
        var error = Assert.Throws<WorldFileException>(() =>
            WorldFiles.Parse(Change(w => w["characters"]![0]!["talkativeness"] = "high"), "w.json"));

        Assert.StartsWith("w.json: characters[0].talkativeness: expected a number (line ", error.Message);
    }

    [Fact]
    public void Load_UnknownName_SaysItIsNeitherSampleNorFile()
    {
        var error = Assert.Throws<WorldFileException>(() => WorldFiles.Load("no-such-world"));

        Assert.Equal($"Unknown world 'no-such-world': not a sample (harbor, court) and no file at '{Path.GetFullPath("no-such-world")}'.",
            error.Message);
    }

    [Fact]
    public void Load_MisspeltSampleName_SuggestsTheSample() =>
        Assert.EndsWith("Did you mean 'harbor'?", Assert.Throws<WorldFileException>(() => WorldFiles.Load("harbour")).Message);

    [Fact]
    public void Load_FilePath_LoadsTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"worldplay-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, Minimal);
        try
        {
            Assert.Equal("lighthouse", WorldFiles.Load(path).Setting.Id);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_RelationshipToUnknownEntity_NamesPathValueAndKnownIds() =>
        Assert.Contains(
            "relationships[0].to: 'nobody' is not an entity id; known: lamp-room, landing, agna, sam, logbook",
            Problems(w => w["relationships"]![0]!["to"] = "nobody"));

    [Fact]
    public void Parse_UnknownLawKind_ListsKnownKinds() =>
        Assert.Contains(
            $"laws[0].kind: 'gravity' is not a law kind; known: {string.Join(", ", LawBook.Kinds.Keys)}",
            Problems(w => w["laws"]![0]!["kind"] = "gravity"));

    [Fact]
    public void Parse_BadTurnTaking_ListsAllowedPolicies() =>
        Assert.Contains(
            "scenes[0].turnTaking: 'loudest-first' is not a turn-taking policy; allowed: addressed-first, pooled, weighted, round-robin",
            Problems(w => w["scenes"]![0]!["turnTaking"] = "loudest-first"));

    [Fact]
    public void Parse_BadStatus_ListsAllowedStatuses() =>
        Assert.Contains(
            "characters[0].status: 'asleep' is not a status; allowed: alive, dead, missing",
            Problems(w => w["characters"]![0]!["status"] = "asleep"));

    [Fact]
    public void Parse_StrengthOutOfRange_NamesTheRange() =>
        Assert.Contains("relationships[0].strength: 1.5 is outside [-1, 1]", Problems(w => w["relationships"]![0]!["strength"] = 1.5));

    [Fact]
    public void Parse_TalkativenessOutOfRange_NamesTheRange() =>
        Assert.Contains(
            "characters[0].talkativeness: 2 is outside [0, 1]; 0 is taciturn, 1 talks whenever it can",
            Problems(w => w["characters"]![0]!["talkativeness"] = 2));

    [Fact]
    public void Parse_DuplicateId_NamesTheFirstUse() =>
        Assert.Contains(
            "items[0].id: 'landing' is already the id of places[1]; ids are unique across places, characters, items, factions and concepts",
            Problems(w => w["items"]![0]!["id"] = "landing"));

    [Fact]
    public void Parse_ItemWithLocationAndHolder_AsksForExactlyOne() =>
        Assert.Contains(
            "items[0]: has both location 'landing' and holder 'agna'; "
                + "an item lies at a place or is held by a character, so give exactly one",
            Problems(w => w["items"]![0]!["location"] = "landing"));

    [Fact]
    public void Parse_CharacterAtAnItem_SaysWhatKindItIs() =>
        Assert.Contains(
            "characters[0].location: 'logbook' is an item, not a place; known places: lamp-room, landing",
            Problems(w => w["characters"]![0]!["location"] = "logbook"));

    [Fact]
    public void Parse_IdNotASlug_ExplainsSlugs() =>
        Assert.Contains(
            "places[1].id: 'The Landing' is not a valid id; "
                + "use lowercase letters, digits and dashes, starting with a letter or digit, such as 'old-pier'",
            Problems(w => w["places"]![1]!["id"] = "The Landing"));

    [Fact]
    public void Parse_MissingRequiredField_SaysRequired() =>
        Assert.Contains(
            "characters[0].speechStyle: required but missing; how the character talks",
            Problems(w => w["characters"]![0]!.AsObject().Remove("speechStyle")));

    [Fact]
    public void Parse_UnknownField_ListsKnownFields() =>
        Assert.Contains(
            "places[0].weather: not a field here; known fields: id, name, aliases, status, description, origin, knownBy",
            Problems(w => w["places"]![0]!["weather"] = "rain"));

    [Fact]
    public void Parse_MisspelledField_SuggestsTheField() =>
        Assert.Contains(
            "characters[0].speachStyle: not a field here (did you mean 'speechStyle'?); "
                + "known fields: id, name, aliases, status, description, pronouns, role, location, traits, speechStyle, "
                + "exampleLines, catchphrases, goals, talkativeness, secrets, origin, knownBy",
            Problems(w => w["characters"]![0]!["speachStyle"] = "Loud."));

    [Fact]
    public void Parse_MisspelledReference_SuggestsTheId() =>
        Assert.Contains(
            "scenes[0].place: 'lamproom' is not a place id (did you mean 'lamp-room'?); known places: lamp-room, landing",
            Problems(w => w["scenes"]![0]!["place"] = "lamproom"));

    [Fact]
    public void Parse_FieldGivenTwice_IsReported()
    {
        var json = Minimal.Replace("\"name\": \"The Lighthouse\",", "\"name\": \"The Lighthouse\", \"name\": \"Lighthouse\",",
            StringComparison.Ordinal);

        var error = Assert.Throws<WorldFileException>(() => WorldFiles.Parse(json, "test.json"));

        Assert.Equal(["name: given more than once in the same object; keep one"], error.Problems);
    }

    [Fact]
    public void Parse_EmptyFile_SaysItIsEmpty() =>
        Assert.Equal(
            "empty.json: the file is empty; a world file is one JSON object { \"id\": ..., ... }",
            Assert.Throws<WorldFileException>(() => WorldFiles.Parse("  ", "empty.json")).Message);

    [Fact]
    public void Parse_CastMemberElsewhere_SaysWhereTheyStart() =>
        Assert.Contains(
            "scenes[0].cast[1]: 'sam' starts at 'landing', not at the scene's place 'lamp-room'; "
                + "set characters[1].location to 'lamp-room' or drop 'sam' from the cast",
            Problems(w => w["characters"]![1]!["location"] = "landing"));

    [Fact]
    public void Parse_SceneUserNotInCast_AsksToAddThem() =>
        Assert.Contains(
            "scenes[0].user: 'sam' is not in the cast; add 'sam' to scenes[0].cast",
            Problems(w => w["scenes"]![0]!["cast"] = new JsonArray("agna")));

    [Fact]
    public void Parse_ForbiddenConceptsWithoutConcepts_AsksForThem() =>
        Assert.Contains(
            "laws[1].concepts: required but missing; the concepts that do not exist, such as [\"electricity\", \"gun\"]",
            Problems(w => w["laws"]![1]!.AsObject().Remove("concepts")));

    [Fact]
    public void Parse_ForbiddenConceptInFact_PointsAtTheField() =>
        Assert.Contains(
            "facts[0].value: mentions 'electricity', which a forbidden-concepts law keeps out of this world; "
                + "reword it or drop the concept from laws",
            Problems(w => w["facts"]![0]!["value"] = "when the electricity fails"));

    [Fact]
    public void Parse_PathMinutesZero_AsksForAtLeastOne() =>
        Assert.Contains("paths[0].minutes: 0 is not allowed; a walk takes at least 1 minute",
            Problems(w => w["paths"]![0]!["minutes"] = 0));

    [Fact]
    public void Parse_PlaceWithoutPathUnderConnectedMoves_IsReported() =>
        Assert.Contains(
            "paths: no path leads from 'lamp-room' to 'landing'; the connected-moves law needs every place joined to the others",
            Problems(w => w["paths"] = new JsonArray()));

    [Fact]
    public void Parse_SeveralProblems_ReportsEveryOne()
    {
        var problems = Problems(w =>
        {
            w["relationships"]![0]!["strength"] = 3;
            w["laws"]![0]!["kind"] = "gravity";
            w["items"]![0]!["holder"] = "nobody";
        });

        Assert.Equal(3, problems.Count);
    }

    [Fact]
    public void Parse_Problems_ArePrefixedWithTheSourceInTheMessage()
    {
        var error = Assert.Throws<WorldFileException>(() =>
            WorldFiles.Parse(Change(w => w["relationships"]![0]!["strength"] = 3), "lighthouse.json"));

        Assert.Equal("lighthouse.json: relationships[0].strength: 3 is outside [-1, 1]", error.Message);
    }

    private static WorldDefinition Parse(string json) => WorldFiles.Parse(json, "test.json");

    private static string Change(Action<JsonObject> change)
    {
        var world = JsonNode.Parse(Minimal, documentOptions: new() { AllowTrailingCommas = true })!.AsObject();
        change(world);
        return world.ToJsonString();
    }

    private static IReadOnlyList<string> Problems(Action<JsonObject> change) =>
        Assert.Throws<WorldFileException>(() => WorldFiles.Parse(Change(change), "test.json")).Problems;
}
