using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using WorldPlay.Core;
using WorldPlay.Core.Serialization;

namespace WorldPlay.Minds.Llm;

/// <summary>The JSON a model answers a turn with: <c>{"speech", "narration", "addressees", "proposals"}</c>, where each proposal
/// is a world change in the core's JSON form (discriminator <c>kind</c>). Strict-mode compatible: every property required,
/// no others allowed. Speech is never a proposal; it goes in <c>speech</c>.</summary>
public static class ActionSchema
{
    /// <summary>The name sent with <c>response_format: json_schema</c>.</summary>
    public const string Name = "character_action";

    /// <summary>How the outline shows a value that is neither an id nor a choice, by property name.</summary>
    private static readonly Dictionary<string, string> Shown = new(StringComparer.Ordinal)
    {
        ["minutes"] = "<minutes>",
        ["type"] = "\"<type>\"",
        ["strength"] = "<-1..1>",
        ["factId"] = "\"<fact id>\"",
        ["predicate"] = "\"<text>\"",
        ["value"] = "\"<text>\"",
        ["name"] = "\"<name>\"",
        ["description"] = "\"<text>\"",
    };

    /// <summary>The change kinds a model may propose (every kind <see cref="WorldChange"/> declares but <c>spoke</c>), with their
    /// properties as the core's JSON contract names them: each property's JSON type, its allowed values if it is a choice, and
    /// how the outline shows its value.</summary>
    internal static IReadOnlyList<(string Kind, IReadOnlyList<ChangeProperty> Properties)> Changes { get; } =
    [
        .. CoreSerialization.Json.GetTypeInfo(typeof(WorldChange)).PolymorphismOptions!.DerivedTypes
            .Where(d => d.DerivedType != typeof(Spoke))
            .Select(d => ((string)d.TypeDiscriminator!, (IReadOnlyList<ChangeProperty>)
                [.. CoreSerialization.Json.GetTypeInfo(d.DerivedType).Properties
                    .Where(p => p.AttributeProvider?.IsDefined(typeof(JsonIgnoreAttribute), inherit: true) != true)
                    .Select(p => Property(p.Name, p.PropertyType))])),
    ];

    private static ChangeProperty Property(string name, Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            var value = Property(name, inner);
            return value with { Nullable = true, Shown = value.Shown + "|null" };
        }
        if (type == typeof(ImmutableArray<string>))
        {
            return new(name, "array", null, "[\"<text>\", ...]", ItemType: "string");
        }
        if (type.IsEnum)
        {
            string[] values = [.. Enum.GetNames(type).Select(JsonNamingPolicy.KebabCaseLower.ConvertName)];
            return new(name, "string", values, $"\"{string.Join('|', values)}\"");
        }
        var jsonType = type == typeof(int) ? "integer"
            : type == typeof(double) ? "number"
            : type == typeof(string) || type == typeof(EntityId) ? "string"
            : throw new InvalidOperationException($"A change's {name} is a {type.Name}; say here how a model writes one.");
        return new(name, jsonType, null, type == typeof(EntityId) ? "\"<id>\"" : Shown[name]);
    }

    /// <summary>The schema as compact JSON text, for <c>response_format</c>.</summary>
    public static string Json { get; } = Build().ToJsonString();

    /// <summary>The same shape as a short outline, for the system message: a model reads it more easily than the schema, and
    /// it costs about two fifths of the tokens.</summary>
    public static string Outline { get; } = BuildOutline();

    private static string BuildOutline()
    {
        var s = new StringBuilder();
        s.Append("""{"speech": "<what you say>", "narration": "<what you do>", "addressees": """)
            .Append("""["<id>", ...], "proposals": [<change>, ...]}""").Append('\n');
        s.Append("where each change is one of:");
        foreach (var (kind, properties) in Changes)
        {
            s.Append('\n').Append("{\"kind\":\"").Append(kind).Append('"');
            foreach (var property in properties)
            {
                s.Append(",\"").Append(property.Name).Append("\":").Append(property.Shown);
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
            foreach (var property in properties)
            {
                props[property.Name] = property.Schema();
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
                ["speech"] = new JsonObject
                {
                    ["type"] = "string", ["description"] = "What you say aloud, in your own voice; only your own words.",
                },
                ["narration"] = new JsonObject
                {
                    ["type"] = "string", ["description"] = "What you do, briefly, in the third person; only your own actions.",
                },
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

/// <summary>A property of a change kind in the schema: its JSON type, its allowed values if it is a choice, and how the outline
/// shows it.</summary>
internal sealed record ChangeProperty(string Name, string JsonType, string[]? Values, string Shown, bool Nullable = false,
    string? ItemType = null)
{
    /// <summary>The property's JSON schema; a nullable one may be null (strict mode has no optional properties).</summary>
    public JsonObject Schema()
    {
        JsonNode type = Nullable ? new JsonArray(JsonType, "null") : JsonValue.Create(JsonType);
        var schema = new JsonObject { ["type"] = type };
        if (Values is { } values)
        {
            schema["enum"] = new JsonArray([.. values.Select(v => (JsonNode)v), .. Nullable ? new JsonNode?[] { null } : []]);
        }
        if (ItemType is { } item)
        {
            schema["items"] = new JsonObject { ["type"] = item };
        }
        return schema;
    }
}
