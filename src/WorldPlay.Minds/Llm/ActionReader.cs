using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using WorldPlay.Core;
using WorldPlay.Core.Serialization;

namespace WorldPlay.Minds.Llm;

/// <summary>An action as read from a model's reply, before it is given an actor and causes.</summary>
internal sealed record ReadAction(string Speech, string Narration, ImmutableArray<EntityId> Addressees, ImmutableArray<WorldChange> Changes)
{
    public static readonly ReadAction Silent = new("", "", [], []);
}

/// <summary>What reading a reply gave: an action, or the problem to tell the model when asking it to repair its reply.</summary>
internal readonly record struct ActionReading(ReadAction? Action, string Problem);

/// <summary>Reads a model's reply as an action, tolerantly: code fences and text around the JSON are ignored, as are unknown
/// fields; missing fields are empty; a lone addressee or proposal not in an array is taken as one; names and bracketed ids
/// are read as ids; a malformed proposal is dropped on its own. Only a reply with no readable JSON object, or with speech or
/// narration that is not text, fails (and is sent back once for repair).</summary>
internal static class ActionReader
{
    /// <summary>Longest text kept as speech when a reply is plain prose instead of JSON.</summary>
    public const int MaxProseSpeech = 2000;

    private const int MaxCandidates = 16;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    // The core's JSON form, read strictly enough that a change missing a field or holding a null is dropped rather than
    // entering the world with a default in it.
    private static readonly JsonSerializerOptions ChangeOptions = new(CoreSerialization.Json)
    {
        AllowOutOfOrderMetadataProperties = true,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    private static readonly ImmutableHashSet<string> IdProperties =
        ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "to", "item", "from", "subject", "entity", "location", "holder");

    private static readonly ImmutableDictionary<string, IReadOnlyList<ChangeProperty>> Kinds =
        ActionSchema.Changes.ToImmutableDictionary(c => c.Kind, c => c.Properties);

    public static ActionReading Read(string reply, NamesInView names)
    {
        if (FindObject(reply, out var problem) is not { } root)
        {
            return new ActionReading(null, problem);
        }
        using (root)
        {
            var fields = Fields(root.RootElement);
            if (fields.Count == 0)
            {
                return new ActionReading(null, "the JSON object has none of the fields speech, narration, addressees, proposals");
            }
            if (!TryText(fields, "speech", out var speech, out problem) || !TryText(fields, "narration", out var narration, out problem))
            {
                return new ActionReading(null, problem);
            }
            if (fields.TryGetValue("proposals", out var proposals)
                && proposals.ValueKind is not (JsonValueKind.Array or JsonValueKind.Object or JsonValueKind.Null))
            {
                return new ActionReading(null, $"'proposals' must be an array of changes, got {Describe(proposals.ValueKind)}");
            }
            var addressees = fields.TryGetValue("addressees", out var a) ? Addressees(a, names) : [];
            var changes = fields.TryGetValue("proposals", out var p) ? Changes(p, names) : [];
            return new ActionReading(new ReadAction(speech, narration, addressees, changes), "");
        }
    }

    /// <summary>What is left of a turn whose replies could not be read: the speech if any reply holds a readable speech string,
    /// else a reply that is plain prose, trimmed; never JSON debris.</summary>
    public static ReadAction SpeechOnly(params string?[] replies)
    {
        foreach (var reply in replies)
        {
            if (reply is not null && SpeechStream.Recover(reply) is { } speech)
            {
                return ReadAction.Silent with { Speech = speech.Trim() };
            }
        }
        foreach (var reply in replies)
        {
            var prose = StripFences(reply ?? "").Trim();
            if (prose.Length > 0 && prose[0] is not ('{' or '['))
            {
                return ReadAction.Silent with { Speech = prose.Length > MaxProseSpeech ? prose[..MaxProseSpeech].TrimEnd() : prose };
            }
        }
        return ReadAction.Silent;
    }

    /// <summary>The first balanced <c>{...}</c> in the text that parses as a JSON object.</summary>
    internal static JsonDocument? FindObject(string reply, out string problem)
    {
        problem = "the reply holds no JSON object";
        var start = reply.IndexOf('{', StringComparison.Ordinal);
        for (var tried = 0; start >= 0 && tried < MaxCandidates; tried++)
        {
            var end = BalancedEnd(reply, start);
            if (end < 0)
            {
                if (tried == 0)
                {
                    problem = "the JSON object is cut off before its closing brace";
                }
                break;
            }
            try
            {
                var document = JsonDocument.Parse(reply.AsMemory(start, end - start + 1), DocumentOptions);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    return document;
                }
                document.Dispose();
            }
            catch (JsonException e)
            {
                if (tried == 0)
                {
                    problem = $"the JSON object is not valid JSON ({e.Message})";
                }
            }
            start = reply.IndexOf('{', start + 1);
        }
        return null;
    }

    /// <summary>The index of the brace that closes the object opened at <paramref name="start"/>, or -1 when it never closes.</summary>
    private static int BalancedEnd(string text, int start)
    {
        var depth = 0;
        var inString = false;
        var escaped = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (escaped)
                {
                    escaped = false;
                }
                else if (c == '\\')
                {
                    escaped = true;
                }
                else if (c == '"')
                {
                    inString = false;
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    if (--depth == 0)
                    {
                        return i;
                    }
                    break;
            }
        }
        return -1;
    }

    /// <summary>The known fields, matched in any case; the first of a repeated field counts.</summary>
    private static Dictionary<string, JsonElement> Fields(JsonElement root)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name.ToLowerInvariant() is "speech" or "narration" or "addressees" or "proposals")
            {
                fields.TryAdd(property.Name, property.Value);
            }
        }
        return fields;
    }

    private static bool TryText(Dictionary<string, JsonElement> fields, string name, out string text, out string problem)
    {
        text = "";
        problem = "";
        if (!fields.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            problem = $"'{name}' must be a string, got {Describe(value.ValueKind)}";
            return false;
        }
        text = value.GetString()!;
        return true;
    }

    private static ImmutableArray<EntityId> Addressees(JsonElement value, NamesInView names)
    {
        IEnumerable<JsonElement> items = value.ValueKind switch
        {
            JsonValueKind.Array => value.EnumerateArray(),
            JsonValueKind.String => [value],
            _ => [],
        };
        return [.. items
            .Where(i => i.ValueKind == JsonValueKind.String)
            .Select(i => names.Resolve(i.GetString()!))
            .OfType<EntityId>()
            .Distinct()];
    }

    private static ImmutableArray<WorldChange> Changes(JsonElement value, NamesInView names)
    {
        IEnumerable<JsonElement> items = value.ValueKind switch
        {
            JsonValueKind.Array => value.EnumerateArray(),
            JsonValueKind.Object => [value],
            _ => [],
        };
        return [.. items.Select(i => Change(i, names)).OfType<WorldChange>()];
    }

    /// <summary>One proposal in the core's JSON form, or null when it is not a change a mind may propose.</summary>
    private static WorldChange? Change(JsonElement item, NamesInView names)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        string? kind = null;
        var normalized = new JsonObject();
        foreach (var property in item.EnumerateObject())
        {
            if (property.Name.Equals("kind", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
            {
                kind = property.Value.GetString()!.Trim().ToLowerInvariant().Replace('_', '-').Replace(' ', '-');
            }
            else if (IdProperties.Contains(property.Name) && property.Value.ValueKind == JsonValueKind.String
                && names.Resolve(property.Value.GetString()!) is { } id)
            {
                normalized[property.Name] = id.Value;
            }
            else
            {
                normalized[property.Name] = JsonNode.Parse(property.Value.GetRawText());
            }
        }
        if (kind is null || !Kinds.TryGetValue(kind, out var properties))
        {
            return null;
        }
        // A created place has no location and no holder, and few have aliases: a model that leaves them out means none.
        foreach (var property in properties.Where(p => p.Nullable || p.ItemType is not null))
        {
            if (!normalized.ContainsKey(property.Name))
            {
                normalized[property.Name] = property.Nullable ? null : new JsonArray();
            }
        }
        normalized.Insert(0, "kind", kind);
        try
        {
            var change = normalized.Deserialize<WorldChange>(ChangeOptions);
            return change is not null && change.References().All(r => r.Value is not null) ? change : null;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or FormatException or InvalidOperationException
            or NotSupportedException)
        {
            return null;
        }
    }

    private static string StripFences(string reply)
    {
        var lines = reply.Split('\n').Where(l => !l.TrimStart().StartsWith("```", StringComparison.Ordinal));
        return string.Join('\n', lines);
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        _ => "null",
    };
}
