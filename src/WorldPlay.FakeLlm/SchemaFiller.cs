using System.Text.Json;
using System.Text.Json.Nodes;

namespace WorldPlay.FakeLlm;

/// <summary>Writes a JSON value that follows a JSON schema (the subset structured outputs use: objects, arrays, scalars,
/// enums, <c>anyOf</c>, local <c>$ref</c>), with strings supplied by the caller per property name.</summary>
internal static class SchemaFiller
{
    private const int MaxDepth = 8;

    /// <param name="schema">The schema, as the request's <c>response_format.json_schema.schema</c>.</param>
    /// <param name="text">The string for a property of this name (null at the top or in arrays).</param>
    /// <param name="random">Picks among enum values.</param>
    public static JsonNode Fill(JsonElement schema, Func<string, string> text, Random random) =>
        Value(schema, schema, "", text, random, 0) ?? new JsonObject();

    private static JsonNode? Value(JsonElement root, JsonElement schema, string name, Func<string, string> text, Random random, int depth)
    {
        if (depth > MaxDepth || schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        if (schema.TryGetProperty("$ref", out var reference) && reference.GetString() is { } path && Resolve(root, path) is { } target)
        {
            return Value(root, target, name, text, random, depth + 1);
        }
        if (schema.TryGetProperty("const", out var constant))
        {
            return JsonNode.Parse(constant.GetRawText());
        }
        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0)
        {
            var options = values.EnumerateArray().Where(v => v.ValueKind != JsonValueKind.Null).ToArray();
            return options.Length == 0 ? null : JsonNode.Parse(options[random.Next(options.Length)].GetRawText());
        }
        foreach (var union in (string[])["anyOf", "oneOf"])
        {
            if (schema.TryGetProperty(union, out var choices) && choices.ValueKind == JsonValueKind.Array)
            {
                var first = choices.EnumerateArray().FirstOrDefault(c => TypeOf(c) != "null");
                return first.ValueKind == JsonValueKind.Undefined ? null : Value(root, first, name, text, random, depth + 1);
            }
        }
        switch (TypeOf(schema))
        {
            case "object":
                var result = new JsonObject();
                if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in properties.EnumerateObject())
                    {
                        result[property.Name] = Value(root, property.Value, property.Name, text, random, depth + 1);
                    }
                }
                return result;
            case "array":
                var array = new JsonArray();
                var min = schema.TryGetProperty("minItems", out var m) && m.TryGetInt32(out var n) ? n : 0;
                if (min > 0 && schema.TryGetProperty("items", out var items))
                {
                    for (var i = 0; i < Math.Min(min, 4); i++)
                    {
                        array.Add(Value(root, items, name, text, random, depth + 1));
                    }
                }
                return array;
            case "string":
                return text(name);
            case "integer":
                return schema.TryGetProperty("minimum", out var low) && low.TryGetInt64(out var least) ? least : 1;
            case "number":
                return schema.TryGetProperty("minimum", out var floor) && floor.TryGetDouble(out var lowest) ? Math.Max(lowest, 0.5) : 0.5;
            case "boolean":
                return true;
            default:
                return null;
        }
    }

    // "type" is a name, or a list such as ["string", "null"] of which the first non-null counts.
    private static string? TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type))
        {
            return schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out _) ? "object" : null;
        }
        return type.ValueKind switch
        {
            JsonValueKind.String => type.GetString(),
            JsonValueKind.Array => type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null") ?? "null",
            _ => null,
        };
    }

    private static JsonElement? Resolve(JsonElement root, string path)
    {
        if (!path.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }
        var current = root;
        foreach (var part in path[2..].Split('/'))
        {
            if (current.ValueKind != JsonValueKind.Object
                || !current.TryGetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal),
                    out current))
            {
                return null;
            }
        }
        return current;
    }
}
