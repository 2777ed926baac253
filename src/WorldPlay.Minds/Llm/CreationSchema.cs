using System.Text.Json;
using System.Text.Json.Nodes;
using WorldPlay.Core;

namespace WorldPlay.Minds.Llm;

/// <summary>The JSON a model answers an extraction with: <c>{"creations", "ties", "facts"}</c>, each a list of small objects.
/// Strict-mode compatible: every property required (a creation's location and holder may be null), no others allowed.</summary>
public static class CreationSchema
{
    /// <summary>The name sent with <c>response_format: json_schema</c>.</summary>
    public const string Name = "user_creations";

    /// <summary>The kinds of entity a line may create, as the core's JSON writes them.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
        [.. Enum.GetNames<EntityKind>().Select(JsonNamingPolicy.KebabCaseLower.ConvertName)];

    /// <summary>The statuses a created entity may have, as the core's JSON writes them.</summary>
    public static IReadOnlyList<string> Statuses { get; } =
        [.. Enum.GetNames<EntityStatus>().Select(JsonNamingPolicy.KebabCaseLower.ConvertName)];

    /// <summary>The schema as compact JSON text, for <c>response_format</c>.</summary>
    public static string Json { get; } = Build().ToJsonString();

    /// <summary>The same shape as a short outline, for the instructions.</summary>
    public static string Outline { get; } =
        $$"""
        {"creations": [{"id": "<new id>", "kind": "{{string.Join('|', Kinds)}}", "name": "<name>", "aliases": ["<name>", ...],
          "description": "<text>", "location": "<place id>"|null, "holder": "<character id>"|null,
          "status": "{{string.Join('|', Statuses)}}"}, ...],
         "ties": [{"from": "<id>", "to": "<id>", "type": "<type>", "strength": <-1..1>}, ...],
         "facts": [{"subject": "<id>", "predicate": "<text>", "value": "<text>"}, ...]}
        """;

    private static JsonObject Build()
    {
        static JsonObject Text() => new() { ["type"] = "string" };
        static JsonObject Choice(IEnumerable<string> values) =>
            new() { ["type"] = "string", ["enum"] = new JsonArray([.. values.Select(v => (JsonNode)v)]) };
        static JsonObject OrNull() => new() { ["type"] = new JsonArray("string", "null") };
        static JsonObject Items(JsonObject properties) => new()
        {
            ["type"] = "array",
            ["items"] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = properties,
                ["required"] = new JsonArray([.. properties.Select(p => (JsonNode)p.Key)]),
                ["additionalProperties"] = false,
            },
        };
        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["creations"] = Items(new JsonObject
                {
                    ["id"] = Text(),
                    ["kind"] = Choice(Kinds),
                    ["name"] = Text(),
                    ["aliases"] = new JsonObject { ["type"] = "array", ["items"] = Text() },
                    ["description"] = Text(),
                    ["location"] = OrNull(),
                    ["holder"] = OrNull(),
                    ["status"] = Choice(Statuses),
                }),
                ["ties"] = Items(new JsonObject
                {
                    ["from"] = Text(),
                    ["to"] = Text(),
                    ["type"] = Text(),
                    ["strength"] = new JsonObject { ["type"] = "number" },
                }),
                ["facts"] = Items(new JsonObject
                {
                    ["subject"] = Text(),
                    ["predicate"] = Text(),
                    ["value"] = Text(),
                }),
            },
            ["required"] = new JsonArray("creations", "ties", "facts"),
            ["additionalProperties"] = false,
        };
    }
}
