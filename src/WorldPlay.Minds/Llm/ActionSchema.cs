using System.Text;
using System.Text.Json.Nodes;

namespace WorldPlay.Minds.Llm;

/// <summary>The JSON a model answers a turn with: <c>{"speech", "narration", "addressees", "proposals"}</c>, where each proposal
/// is a world change in the core's JSON form (discriminator <c>kind</c>). Strict-mode compatible: every property required,
/// no others allowed. Speech is never a proposal; it goes in <c>speech</c>.</summary>
public static class ActionSchema
{
    /// <summary>The name sent with <c>response_format: json_schema</c>.</summary>
    public const string Name = "character_action";

    private const string Id = "\"<id>\"";

    /// <summary>The change kinds a model may propose, with their properties in the core's JSON form: each property's JSON type
    /// and how the outline shows its value.</summary>
    internal static IReadOnlyList<(string Kind, IReadOnlyList<(string Property, string Type, string Shown)> Properties)> Changes { get; } =
    [
        ("moved", [("to", "string", Id)]),
        ("travelled", [("to", "string", Id), ("minutes", "integer", "<minutes>")]),
        ("gave", [("item", "string", Id), ("to", "string", Id)]),
        ("took", [("item", "string", Id)]),
        ("relationship-changed", [("from", "string", Id), ("to", "string", Id), ("type", "string", "\"<type>\""), ("strength", "number", "<-1..1>")]),
        ("fact-asserted", [("factId", "string", "\"<fact id>\""), ("subject", "string", Id), ("predicate", "string", "\"<text>\""), ("value", "string", "\"<text>\"")]),
        ("fact-retracted", [("factId", "string", "\"<fact id>\"")]),
        ("status-changed", [("entity", "string", Id), ("status", "string", "\"alive|dead|missing|destroyed\"")]),
        ("time-advanced", [("minutes", "integer", "<minutes>")]),
    ];

    /// <summary>The schema as compact JSON text, for <c>response_format</c>.</summary>
    public static string Json { get; } = Build().ToJsonString();

    /// <summary>The same shape as a short outline, for the system message: a model reads it more easily than the schema, and
    /// it costs about two fifths of the tokens.</summary>
    public static string Outline { get; } = BuildOutline();

    private static string BuildOutline()
    {
        var s = new StringBuilder();
        s.Append("""{"speech": "<what you say>", "narration": "<what you do>", "addressees": ["<id>", ...], "proposals": [<change>, ...]}""").Append('\n');
        s.Append("where each change is one of:");
        foreach (var (kind, properties) in Changes)
        {
            s.Append('\n').Append("{\"kind\":\"").Append(kind).Append('"');
            foreach (var (property, _, shown) in properties)
            {
                s.Append(",\"").Append(property).Append("\":").Append(shown);
            }
            s.Append('}');
        }
        return s.ToString();
    }

    private static JsonObject Build()
    {
        var changes = new JsonArray();
        foreach (var (kind, properties) in Changes)
        {
            var props = new JsonObject { ["kind"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(kind) } };
            foreach (var (property, type, _) in properties)
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
