using System.Collections.Immutable;
using System.Text.Json;

namespace WorldPlay.Evaluation.Scenarios;

/// <summary>Reads the fields of one source record by dotted path, collecting a problem for each required field that is missing or of the
/// wrong kind.</summary>
internal sealed class RecordFields
{
    // Placeholder values the sources use instead of leaving a field out; a world should not say "Age: Not specified".
    private static readonly ImmutableHashSet<string> Unstated =
        ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "not specified", "unspecified", "n/a", "none", "unknown");

    private readonly List<ScenarioProblem> _problems;
    private readonly JsonElement _root;
    private readonly string _prefix;

    public RecordFields(JsonElement root, ScenarioProblem where)
        : this(root, where, "", [])
    {
    }

    private RecordFields(JsonElement root, ScenarioProblem where, string prefix, List<ScenarioProblem> problems)
    {
        _root = root;
        Where = where;
        _prefix = prefix;
        _problems = problems;
    }

    /// <summary>The record's place in its file, with an empty field and message.</summary>
    public ScenarioProblem Where { get; }

    public IReadOnlyList<ScenarioProblem> Problems => _problems;

    /// <summary>A reader of a nested object (a list entry) whose problems name the full path, such as
    /// <c>data.character_book.entries[2].content</c>.</summary>
    public RecordFields Within(JsonElement element, string path) => new(element, Where, _prefix + path + ".", _problems);

    public void Problem(string field, string message) => _problems.Add(Where with { Field = _prefix + field, Message = message });

    /// <summary>The element at <paramref name="path"/>, or null when it or a parent is missing or JSON null.</summary>
    public JsonElement? Element(string path)
    {
        var here = _root;
        foreach (var step in path.Split('.'))
        {
            if (here.ValueKind != JsonValueKind.Object || !here.TryGetProperty(step, out here))
            {
                return null;
            }
        }
        return here.ValueKind == JsonValueKind.Null ? null : here;
    }

    /// <summary>The text at <paramref name="path"/>, trimmed; numbers as written, lists of texts joined by commas. Null when absent, empty
    /// or a placeholder like "Not specified".</summary>
    public string? Text(string path, bool required = false)
    {
        var element = Element(path);
        string? text = element switch
        {
            null => null,
            { ValueKind: JsonValueKind.String } e => e.GetString(),
            { ValueKind: JsonValueKind.Number } e => e.GetRawText(),
            { ValueKind: JsonValueKind.True or JsonValueKind.False } e => e.GetBoolean() ? "yes" : "no",
            { ValueKind: JsonValueKind.Array } e when e.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String) =>
                string.Join(", ", e.EnumerateArray().Select(i => i.GetString())),
            { ValueKind: JsonValueKind.Object } e when !required => Describe(e),
            _ => null,
        };
        if (element is { } wrong && text is null)
        {
            Problem(path, $"is {Kind(wrong)}, expected text");
            return null;
        }
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || Unstated.Contains(text))
        {
            if (required)
            {
                Problem(path, element is null ? "is missing" : "is empty");
            }
            return null;
        }
        return text;
    }

    /// <summary>The texts of the list at <paramref name="path"/> (a single text counts as a list of one); blank entries dropped.</summary>
    public ImmutableArray<string> Texts(string path)
    {
        switch (Element(path))
        {
            case null:
                return [];
            case { ValueKind: JsonValueKind.String } one:
                return string.IsNullOrWhiteSpace(one.GetString()) ? [] : [one.GetString()!.Trim()];
            case { ValueKind: JsonValueKind.Array } list:
                var texts = ImmutableArray.CreateBuilder<string>();
                var i = 0;
                foreach (var item in list.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String)
                    {
                        if (!string.IsNullOrWhiteSpace(item.GetString()))
                        {
                            texts.Add(item.GetString()!.Trim());
                        }
                    }
                    else if (item.ValueKind != JsonValueKind.Null)
                    {
                        Problem($"{path}[{i}]", $"is {Kind(item)}, expected text");
                    }
                    i++;
                }
                return texts.ToImmutable();
            case { } wrong:
                Problem(path, $"is {Kind(wrong)}, expected a list of texts");
                return [];
        }
    }

    /// <summary>The list at <paramref name="path"/>, or empty when absent; a problem when it is something else.</summary>
    public ImmutableArray<JsonElement> List(string path, bool required = false)
    {
        switch (Element(path))
        {
            case { ValueKind: JsonValueKind.Array } list:
                if (required && list.GetArrayLength() == 0)
                {
                    Problem(path, "is empty");
                }
                return [.. list.EnumerateArray()];
            case null:
                if (required)
                {
                    Problem(path, "is missing");
                }
                return [];
            case { } wrong:
                Problem(path, $"is {Kind(wrong)}, expected a list");
                return [];
        }
    }

    /// <summary>True or false at <paramref name="path"/>, or null when absent; a problem when it is something else.</summary>
    public bool? Flag(string path)
    {
        switch (Element(path))
        {
            case { ValueKind: JsonValueKind.True }:
                return true;
            case { ValueKind: JsonValueKind.False }:
                return false;
            case null:
                return null;
            case { } wrong:
                Problem(path, $"is {Kind(wrong)}, expected true or false");
                return null;
        }
    }

    /// <summary>The number at <paramref name="path"/>, or null when absent; a problem when it is something else.</summary>
    public double? Number(string path)
    {
        switch (Element(path))
        {
            case { ValueKind: JsonValueKind.Number } n:
                return n.GetDouble();
            case null:
                return null;
            case { } wrong:
                Problem(path, $"is {Kind(wrong)}, expected a number");
                return null;
        }
    }

    /// <summary>The field must be an object; a problem when it is missing or something else.</summary>
    public bool Object(string path)
    {
        switch (Element(path))
        {
            case { ValueKind: JsonValueKind.Object }:
                return true;
            case null:
                Problem(path, "is missing");
                return false;
            case { } wrong:
                Problem(path, $"is {Kind(wrong)}, expected an object {{ ... }}");
                return false;
        }
    }

    /// <summary>The record's own id as people read it ("12"), or null when it has none.</summary>
    public static string? IdOf(JsonElement record) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty("id", out var id)
            ? id.ValueKind switch
            {
                JsonValueKind.Number => id.GetRawText(),
                JsonValueKind.String => id.GetString(),
                _ => null,
            }
            : null;

    /// <summary>"housemates: Sam, Corey; younger sibling: Raidan" for a small object of texts.</summary>
    private static string Describe(JsonElement e) =>
        string.Join("; ", e.EnumerateObject()
            .Where(p => p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            .Select(p => $"{p.Name.Replace('_', ' ')}: " +
                $"{(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())}"));

    public static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "text",
        JsonValueKind.Number => $"the number {e.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"{e.GetRawText()}",
        _ => "null",
    };

    /// <summary>"Family relations" for the field name <c>family_relations</c>.</summary>
    public static string Label(string field)
    {
        var words = field.Replace('_', ' ').Trim();
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
