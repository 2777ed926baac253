using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WorldPlay.FakeLlm;

/// <summary>Turns a good reply into the broken ones real models send: content that is not JSON, or JSON of the wrong shape.</summary>
internal static partial class SpoiledReply
{
    /// <summary>Content that fails JSON parsing: the last brace missing, prose around the object, unquoted keys, or a
    /// trailing comma. Free text gets an unclosed object after it.</summary>
    public static string Malformed(Reply reply, Random random)
    {
        if (reply.Json is null)
        {
            return reply.Content + " {\"note\": ";
        }
        var json = reply.Content;
        return random.Next(4) switch
        {
            0 => json[..json.LastIndexOfAny(['}', ']'])],
            1 => $"Sure! Here is my answer:\n{json}\nI hope that fits the scene.",
            2 when QuotedKey().IsMatch(json) => QuotedKey().Replace(json, "${before}${key}:"),
            _ => json.Length > 1 && json[^1] is '}' or ']' ? json[..^1] + ",}" : json + ",",
        };
    }

    /// <summary>Valid JSON with at least one field of the wrong type: for an action <c>"speech": 42</c>,
    /// <c>"proposals": "none"</c>, or <c>"addressees"</c> as a string with <c>"narration"</c> missing.</summary>
    public static string SchemaViolation(Reply reply, Random random)
    {
        if (reply.Json is not JsonObject original)
        {
            return "42";
        }
        var json = (JsonObject)original.DeepClone();
        switch (reply.Kind)
        {
            case ReplyKind.Action:
                switch (random.Next(3))
                {
                    case 0:
                        json["speech"] = 42;
                        break;
                    case 1:
                        json["proposals"] = "none";
                        break;
                    default:
                        json["addressees"] = json["addressees"] is JsonArray { Count: > 0 } ids ? ids[0]!.GetValue<string>() : "everyone";
                        json.Remove("narration");
                        break;
                }
                break;
            default:
                // Every string becomes a number, every other value a string: no field keeps its type.
                foreach (var (name, value) in json.ToArray())
                {
                    json[name] = value is JsonValue v && v.TryGetValue<string>(out _) ? 42 : "none";
                }
                if (json.Count == 0)
                {
                    return "[]";
                }
                break;
        }
        return json.ToJsonString(Improviser.Output);
    }

    [GeneratedRegex(@"(?<before>[{,])""(?<key>[a-z_]+)"":")]
    private static partial Regex QuotedKey();
}
