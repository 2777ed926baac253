using System.Text.Json;
using System.Text.Json.Nodes;
using WorldPlay.Core;
using WorldPlay.Core.Serialization;
using WorldPlay.Minds.Llm;
using static WorldPlay.Testing.TestWorlds;

namespace WorldPlay.Minds.Tests;

/// <summary>The action schema and reader know the change kinds that create: entity-created (an enum kind, a nullable location
/// and holder, aliases as an array), path-opened and description-changed.</summary>
public sealed class CreationKindsTests
{
    private static readonly JsonObject Schema = JsonNode.Parse(ActionSchema.Json)!.AsObject();

    private static readonly NamesInView Names = new(Scenes.AsMira());

    [Fact]
    public void Schema_EntityCreated_HasTheKindEnumNullableLocationAndHolderAndAliasesArray()
    {
        var properties = KindSchema("entity-created")["properties"]!;

        Assert.Equal(
            """{"type":"string","enum":["character","place","item","faction","concept"]}|{"type":["string","null"]}|"""
            + """{"type":["string","null"]}|{"type":"array","items":{"type":"string"}}""",
            string.Join('|', new[] { "entityKind", "location", "holder", "aliases" }.Select(p => properties[p]!.ToJsonString())));
    }

    [Fact]
    public void Schema_NewKinds_HaveExactlyThePropertiesOfTheCoresJsonForm()
    {
        WorldChange[] changes =
        [
            new EntityCreated("lena-2", EntityKind.Item, "Lena's comb", ["comb"], "A bone comb.", Market, Mira, EntityStatus.Alive),
            new PathOpened(Market, Temple, 12),
            new DescriptionChanged(Lantern, "Dented now."),
        ];

        foreach (var change in changes)
        {
            var json = JsonNode.Parse(JsonSerializer.Serialize(change, CoreSerialization.Json))!.AsObject();
            Assert.Equal(string.Join(',', json.Select(p => p.Key).Order()),
                string.Join(',', KindSchema(change.Kind)["properties"]!.AsObject().Select(p => p.Key).Order()));
        }
    }

    [Fact]
    public void Outline_NewKinds_ShowNullableWhereAndAliases()
    {
        Assert.Contains(
            """{"kind":"entity-created","id":"<id>","entityKind":"character|place|item|faction|concept","name":"<name>","aliases":"""
            + """["<text>", ...],"description":"<text>","location":"<id>"|null,"holder":"<id>"|null""",
            ActionSchema.Outline, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EntityCreatedWithNullHolder_GivesTheCreationWithNamesReadAsIds()
    {
        var change = ReadOne(
            """{"kind":"entity-created","id":"aldo","entityKind":"character","name":"Aldo","aliases":"""
            + """["Old Aldo"],"description":"Mira's late uncle.","location":"[market]","holder":null,"status":"dead"}""");

        Assert.Equal(
            """{"kind":"entity-created","id":"aldo","entityKind":"character","name":"Aldo","aliases":"""
            + """["Old Aldo"],"description":"Mira\u0027s late uncle.","location":"market","status":"dead"}""",
            JsonSerializer.Serialize(change, CoreSerialization.Json));
    }

    [Fact]
    public void Read_EntityCreatedLeavingOutWhereAndAliases_ReadsThemAsNone()
    {
        var change = (EntityCreated)ReadOne(
            """{"kind":"entity-created","id":"vask","entityKind":"place","name":"Vask","description":"A hill town.","status":"alive"}""");

        Assert.Equal((null, null, 0), (change.Location, change.Holder, change.Aliases.Length));
    }

    [Fact]
    public void Read_EntityCreatedWithAnUnknownEntityKind_DropsIt()
    {
        var action = ActionReader.Read(
            """{"speech":"Hm.","proposals":[{"kind":"entity-created","id":"x","entityKind":"dragon","name":"X","aliases":"""
            + """[],"description":"","location":null,"holder":null,"status":"alive"}]}""", Names).Action!;

        Assert.Empty(action.Changes);
    }

    [Fact]
    public void Read_PathOpenedAndDescriptionChanged_GiveTheCoreChanges()
    {
        var action = ActionReader.Read(
            """{"speech":"There.","proposals":[{"kind":"path-opened","from":"market","to":"temple","minutes":12},"""
            + """{"kind":"description-changed","entity":"lantern","description":"Dented now."}]}""", Names).Action!;

        Assert.Equal<WorldChange>([new PathOpened(Market, Temple, 12), new DescriptionChanged(Lantern, "Dented now.")], action.Changes);
    }

    private static WorldChange ReadOne(string proposal) =>
        ActionReader.Read($$"""{"speech":"Listen.","proposals":[{{proposal}}]}""", Names).Action!.Changes.Single();

    private static JsonObject KindSchema(string kind) =>
        Schema["properties"]!["proposals"]!["items"]!["anyOf"]!.AsArray()
            .Single(c => c!["properties"]!["kind"]!["enum"]![0]!.GetValue<string>() == kind)!.AsObject();
}
