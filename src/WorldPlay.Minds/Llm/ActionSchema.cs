using System.Text.Json.Nodes;

namespace WorldPlay.Minds.Llm;

/// <summary>The JSON a model answers a turn with: <c>{"speech", "narration", "addressees", "proposals"}</c>, where each proposal
/// is a world change in the core's JSON form (discriminator <c>kind</c>). Strict-mode compatible: every property required,
/// no others allowed. Speech is never a proposal; it goes in <c>speech</c>.</summary>
public static class ActionSchema
{
    /// <summary>The name sent with <c>response_format: json_schema</c>.</summary>
    public const string Name = "character_action";

    /// <summary>The change kinds a model may propose, with their properties and JSON types, in the core's JSON form.</summary>
    internal static IReadOnlyList<(string Kind, IReadOnlyList<(string Property, string Type)> Properties)> Changes { get; } =
    [
        ("moved", [("to", "string")]),
        ("travelled", [("to", "string"), ("minutes", "integer")]),
        ("gave", [("item", "string"), ("to", "string")]),
        ("took", [("item", "string")]),
        ("relationship-changed", [("from", "string"), ("to", "string"), ("type", "string"), ("strength", "number")]),
        ("fact-asserted", [("factId", "string"), ("subject", "string"), ("predicate", "string"), ("value", "string")]),
        ("fact-retracted", [("factId", "string")]),
        ("status-changed", [("entity", "string"), ("status", "string")]),
        ("time-advanced", [("minutes", "integer")]),
    ];

    /// <summary>The schema as compact JSON text.</summary>
    public static string Json { get; } = Build().ToJsonString();

    private static JsonObject Build()
    {
        var changes = new JsonArray();
        foreach (var (kind, properties) in Changes)
        {
            var props = new JsonObject { ["kind"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(kind) } };
            foreach (var (property, type) in properties)
            {
                props[property] = property == "status"
                    ? new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("alive", "dead", "missing", "destroyed") }
                    : new JsonObject { ["type"] = type };
            }
            changes.Add(new JsonObject
            {
                ["type"] = "object",
                ["properties"] = props,
                ["required"] = new JsonArray([.. props.Select(p => (JsonNode)p.Key)]),
                ["additionalProperties"] = false,
            });
        }
        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["speech"] = new JsonObject { ["type"] = "string", ["description"] = "What you say aloud, in your own voice; only your own words." },
                ["narration"] = new JsonObject { ["type"] = "string", ["description"] = "What you do, briefly, in the third person; only your own actions." },
                ["addressees"] = new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = new JsonObject { ["type"] = "string" },
                    ["description"] = "Ids of those you speak to, as listed in brackets; empty for everyone present.",
                },
                ["proposals"] = new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = new JsonObject { ["anyOf"] = changes },
                    ["description"] = "Changes your action makes to the world; ids as listed in brackets. Often none.",
                },
            },
            ["required"] = new JsonArray("speech", "narration", "addressees", "proposals"),
            ["additionalProperties"] = false,
        };
    }
}
