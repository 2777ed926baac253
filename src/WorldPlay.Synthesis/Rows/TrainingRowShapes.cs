using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WorldPlay.Synthesis.Rows;

/// <summary>Checks a training row against its documented shape (docs/training-formats.md) as strictly as the trainers that read
/// it: required keys and their types, roles in the format's set, the system message first and only there, a chat that ends with
/// the trained character's turn (ShareGPT: human and gpt alternating, as LLaMA-Factory and axolotl require), DPO's chosen and
/// rejected each one different assistant message, KTO's label a boolean, and the source keys that trace a row back to its world
/// (<c>world</c>, <c>branch</c>, <c>turn</c>). Keys outside the shape are reported too: trainers ignore them, so a misspelt key
/// would silently lose data.</summary>
public static class TrainingRowShapes
{
    private static readonly ImmutableArray<string> RequiredSource = ["world", "branch", "turn"];
    private static readonly ImmutableArray<string> OptionalSource = ["scenario", "scene", "speaker", "language", "round", "group"];
    private static readonly ImmutableArray<string> Origins = [PreferenceOrigin.BestOfK, PreferenceOrigin.Rewrite, PreferenceOrigin.Choice];

    private static readonly Roles OpenAi = new("role", "content", ChatTurn.System, ChatTurn.User, ChatTurn.Assistant);
    private static readonly Roles ShareGptRoles = new("from", "value", "system", "human", "gpt");

    /// <summary>Every problem of <paramref name="row"/> as <paramref name="format"/>, one sentence each naming the key
    /// (<c>prompt[0].role</c>); empty when the row is valid.</summary>
    public static IReadOnlyList<string> Validate(JsonObject row, TrainingRowFormat format)
    {
        ArgumentNullException.ThrowIfNull(row);
        var problems = new List<string>();
        var keys = format switch
        {
            TrainingRowFormat.ShareGpt => CheckChat(row, "conversations", ShareGptRoles, alternate: true, problems),
            TrainingRowFormat.OpenAiMessages => CheckChat(row, "messages", OpenAi, alternate: false, problems),
            TrainingRowFormat.Dpo => CheckDpo(row, problems),
            TrainingRowFormat.Kto => CheckKto(row, problems),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a training row format."),
        };
        CheckSource(row, problems);
        var known = keys.Concat(RequiredSource).Concat(OptionalSource).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(row.Where(p => !known.Contains(p.Key)).Select(p =>
            $"{p.Key}: not a key of a {format} row; known: {string.Join(", ", known.Order(StringComparer.Ordinal))}"));
        return problems;
    }

    private static string[] CheckChat(JsonObject row, string key, Roles roles, bool alternate, List<string> problems)
    {
        if (Messages(row, key, roles, problems) is { } messages)
        {
            CheckSystemFirst(messages, key, roles, problems);
            var turns = messages.Skip(1).ToList();
            if (!turns.Contains(roles.User))
            {
                problems.Add($"{key}: no {roles.User} turn; a chat row needs at least one line to answer");
            }
            if (messages.Count > 0 && messages[^1] != roles.Assistant)
            {
                problems.Add($"{key}: ends with a {messages[^1]} turn; a chat row ends with the trained character's {roles.Assistant} turn");
            }
            for (var i = 0; alternate && i < turns.Count; i++)
            {
                var expected = i % 2 == 0 ? roles.User : roles.Assistant;
                if (turns[i] != roles.System && turns[i] != expected)
                {
                    problems.Add($"{key}[{i + 1}].{roles.RoleKey}: '{turns[i]}' where '{expected}' belongs; after the system turn, " +
                        $"{roles.User} and {roles.Assistant} alternate (LLaMA-Factory and axolotl drop the row otherwise)");
                    break;
                }
            }
        }
        CheckScores(row, "scores", problems);
        return [key, "scores"];
    }

    private static string[] CheckDpo(JsonObject row, List<string> problems)
    {
        CheckPrompt(row, problems);
        var chosen = Reply(row, "chosen", problems);
        var rejected = Reply(row, "rejected", problems);
        if (chosen is not null && chosen == rejected)
        {
            problems.Add("chosen, rejected: the same reply; a pair must prefer one reply over a different one");
        }
        CheckOrigin(row, problems);
        CheckNumber(row, "chosen_score", problems);
        CheckNumber(row, "rejected_score", problems);
        CheckWeight(row, problems);
        return ["prompt", "chosen", "rejected", "origin", "chosen_score", "rejected_score", "weight"];
    }

    private static string[] CheckKto(JsonObject row, List<string> problems)
    {
        CheckPrompt(row, problems);
        Reply(row, "completion", problems);
        if (!row.TryGetPropertyValue("label", out var label) || label is null)
        {
            problems.Add("label: missing; KTO needs true (desirable) or false (undesirable)");
        }
        else if (label.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            problems.Add($"label: {Describe(label)} where a boolean (true or false) belongs");
        }
        CheckOrigin(row, problems);
        CheckNumber(row, "score", problems);
        CheckWeight(row, problems);
        return ["prompt", "completion", "label", "origin", "score", "weight"];
    }

    private static void CheckPrompt(JsonObject row, List<string> problems)
    {
        if (Messages(row, "prompt", OpenAi, problems) is { } prompt)
        {
            CheckSystemFirst(prompt, "prompt", OpenAi, problems);
        }
    }

    /// <summary>The content of a one-message assistant list (<c>chosen</c>, <c>rejected</c>, <c>completion</c>), or null.</summary>
    private static string? Reply(JsonObject row, string key, List<string> problems)
    {
        var before = problems.Count;
        if (Messages(row, key, OpenAi, problems) is not { } roles)
        {
            return null;
        }
        if (roles.Count != 1)
        {
            problems.Add($"{key}: {roles.Count} messages where exactly one assistant message belongs");
        }
        else if (roles[0] != ChatTurn.Assistant)
        {
            problems.Add($"{key}[0].role: '{roles[0]}' where 'assistant' belongs");
        }
        return problems.Count == before ? row[key]![0]!["content"]!.GetValue<string>() : null;
    }

    /// <summary>The roles of the message list under <paramref name="key"/>, each message checked; null when it is no list.</summary>
    private static List<string>? Messages(JsonObject row, string key, Roles roles, List<string> problems)
    {
        if (!row.TryGetPropertyValue(key, out var node) || node is null)
        {
            problems.Add($"{key}: missing");
            return null;
        }
        if (node is not JsonArray array)
        {
            problems.Add($"{key}: {Describe(node)} where a list of messages belongs");
            return null;
        }
        if (array.Count == 0)
        {
            problems.Add($"{key}: an empty list");
            return [];
        }
        var found = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            var at = $"{key}[{i}]";
            if (array[i] is not JsonObject message)
            {
                problems.Add($"{at}: {Describe(array[i])} where a message object belongs");
                found.Add("");
                continue;
            }
            var role = Text(message, roles.RoleKey, at, problems);
            if (role is not null && !roles.All.Contains(role))
            {
                problems.Add($"{at}.{roles.RoleKey}: '{role}' is not a role here; use {string.Join(", ", roles.All)}");
            }
            Text(message, roles.ContentKey, at, problems);
            if (message.ContainsKey("name"))
            {
                Text(message, "name", at, problems);
            }
            problems.AddRange(message.Where(p => p.Key != roles.RoleKey && p.Key != roles.ContentKey && p.Key != "name")
                .Select(p => $"{at}.{p.Key}: not a key of a message; known: {roles.RoleKey}, {roles.ContentKey}, name"));
            found.Add(role ?? "");
        }
        return found;
    }

    private static void CheckSystemFirst(List<string> roles, string key, Roles set, List<string> problems)
    {
        if (roles.Count > 0 && roles[0] != set.System)
        {
            problems.Add($"{key}[0].{set.RoleKey}: '{roles[0]}' where the '{set.System}' message (persona and perspective) belongs");
        }
        for (var i = 1; i < roles.Count; i++)
        {
            if (roles[i] == set.System)
            {
                problems.Add($"{key}[{i}].{set.RoleKey}: a second '{set.System}' message; only the first message is the system's");
            }
        }
    }

    /// <summary>A non-empty string under <paramref name="key"/> of <paramref name="message"/>, or null (and a problem).</summary>
    private static string? Text(JsonObject message, string key, string at, List<string> problems)
    {
        if (!message.TryGetPropertyValue(key, out var node) || node is null)
        {
            problems.Add($"{at}.{key}: missing");
            return null;
        }
        if (node.GetValueKind() != JsonValueKind.String)
        {
            problems.Add($"{at}.{key}: {Describe(node)} where a string belongs");
            return null;
        }
        var text = node.GetValue<string>();
        if (text.Trim().Length == 0)
        {
            problems.Add($"{at}.{key}: empty");
        }
        return text;
    }

    private static void CheckSource(JsonObject row, List<string> problems)
    {
        foreach (var key in RequiredSource)
        {
            if (!row.ContainsKey(key))
            {
                problems.Add($"{key}: missing; every row says where it came from (world, branch, turn)");
            }
        }
        foreach (var key in RequiredSource.Concat(OptionalSource).Where(row.ContainsKey))
        {
            var node = row[key];
            var whole = key is "turn" or "round";
            if (whole ? !IsWholeNumber(node) : node?.GetValueKind() != JsonValueKind.String || node.GetValue<string>().Trim().Length == 0)
            {
                problems.Add($"{key}: {Describe(node)} where {(whole ? "a whole number ≥ 0" : "a non-empty string")} belongs");
            }
        }
    }

    private static bool IsWholeNumber(JsonNode? node) =>
        node?.GetValueKind() == JsonValueKind.Number
            && long.TryParse(node.ToJsonString(), NumberStyles.None, CultureInfo.InvariantCulture, out _);

    /// <summary>The number <paramref name="node"/> holds, read from its JSON text (a node the writer built holds an int or a
    /// double, a parsed one a JSON element: the text is the same).</summary>
    private static double? Number(JsonNode? node) =>
        node?.GetValueKind() == JsonValueKind.Number ? double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture) : null;

    private static void CheckScores(JsonObject row, string key, List<string> problems)
    {
        if (!row.TryGetPropertyValue(key, out var node))
        {
            return;
        }
        if (node is not JsonObject scores)
        {
            problems.Add($"{key}: {Describe(node)} where an object of named numbers belongs");
            return;
        }
        problems.AddRange(scores.Where(s => s.Value?.GetValueKind() != JsonValueKind.Number)
            .Select(s => $"{key}.{s.Key}: {Describe(s.Value)} where a number belongs"));
    }

    private static void CheckOrigin(JsonObject row, List<string> problems)
    {
        if (row.TryGetPropertyValue("origin", out var node)
            && (node?.GetValueKind() != JsonValueKind.String || !Origins.Contains(node.GetValue<string>())))
        {
            problems.Add($"origin: {Describe(node)} is not an origin; use {string.Join(", ", Origins)}");
        }
    }

    private static void CheckNumber(JsonObject row, string key, List<string> problems)
    {
        if (row.TryGetPropertyValue(key, out var node) && node?.GetValueKind() != JsonValueKind.Number)
        {
            problems.Add($"{key}: {Describe(node)} where a number belongs");
        }
    }

    private static void CheckWeight(JsonObject row, List<string> problems)
    {
        if (row.TryGetPropertyValue("weight", out var node)
            && !(Number(node) >= 0))
        {
            problems.Add($"weight: {Describe(node)} where a number ≥ 0 belongs");
        }
    }

    private static string Describe(JsonNode? node) => node is null
        ? "null"
        : node.GetValueKind() switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "a list",
            JsonValueKind.String => $"the string {node.ToJsonString()}",
            _ => node.ToJsonString(),
        };

    /// <summary>A message vocabulary: the keys of role and content and the three roles' names.</summary>
    private sealed record Roles(string RoleKey, string ContentKey, string System, string User, string Assistant)
    {
        public ImmutableArray<string> All => [System, User, Assistant];
    }
}
