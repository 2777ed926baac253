using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using WorldPlay.Core;
using WorldPlay.Core.Serialization;
using WorldPlay.Minds.Llm;

namespace WorldPlay.Minds.Tests;

/// <summary>The schema a model answers with matches the core's JSON form of world changes, and is strict-mode valid.</summary>
public sealed class ActionSchemaTests
{
    private static readonly JsonObject Schema = JsonNode.Parse(ActionSchema.Json)!.AsObject();

    [Fact]
    public void Changes_EveryKindTheCoreKnowsButSpoke_IsInTheSchema()
    {
        var core = typeof(WorldChange).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => (string)a.TypeDiscriminator!)
            .Where(k => k != "spoke");

        Assert.Equal(core.Order(), SchemaKinds().Keys.Order());
    }

    [Fact]
    public void Changes_EachKind_HasExactlyThePropertiesOfTheCoresJsonForm()
    {
        foreach (var change in Scenes.EveryKindChanges)
        {
            var json = JsonNode.Parse(JsonSerializer.Serialize(change, CoreSerialization.Json))!.AsObject();

            Assert.Equal(json.Select(p => p.Key).Order(), SchemaKinds()[change.Kind].Order());
        }
    }

    [Fact]
    public void Schema_EveryObject_RequiresAllItsPropertiesAndNoOthers()
    {
        var objects = Objects(Schema).ToList();

        Assert.All(objects, o => Assert.Equal(
            (string.Join(',', o["properties"]!.AsObject().Select(p => p.Key).Order()), false),
            (string.Join(',', o["required"]!.AsArray().Select(r => r!.GetValue<string>()).Order()),
                o["additionalProperties"]!.GetValue<bool>())));
    }

    private static Dictionary<string, IEnumerable<string>> SchemaKinds() =>
        Schema["properties"]!["proposals"]!["items"]!["anyOf"]!.AsArray().ToDictionary(
            c => c!["properties"]!["kind"]!["enum"]![0]!.GetValue<string>(),
            c => c!["properties"]!.AsObject().Select(p => p.Key));

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject o when o["type"] is JsonValue type && type.GetValue<string>() == "object" => [o, .. o.SelectMany(p => Objects(p.Value))],
        JsonObject o => o.SelectMany(p => Objects(p.Value)),
        JsonArray a => a.SelectMany(Objects),
        _ => [],
    };
}
