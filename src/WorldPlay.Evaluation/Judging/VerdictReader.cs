using System.Collections.Immutable;
using System.Text.Json;

namespace WorldPlay.Evaluation.Judging;

/// <summary>Reads a judge's reply tolerantly: the JSON may sit in prose or a code fence, keys may differ in case, the verdicts
/// may be a bare array, a category may be given without its group (<c>ooc</c>), <c>present</c> may be a string. What cannot
/// be read is no verdict, never a guess.</summary>
public static class VerdictReader
{
    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>The verdicts on the categories in <paramref name="asked"/> (the first per category), or null when the reply holds
    /// no readable list of verdicts.</summary>
    public static ImmutableArray<JudgeVerdict>? Read(string reply, IReadOnlyCollection<string> asked)
    {
        ArgumentNullException.ThrowIfNull(asked);
        if (List(reply) is not { } items)
        {
            return null;
        }
        var verdicts = ImmutableArray.CreateBuilder<JudgeVerdict>();
        foreach (var item in items)
        {
            if (item.ValueKind != JsonValueKind.Object
                || Category(Property(item, "category", "id", "name")) is not { } category
                || !asked.Contains(category)
                || verdicts.Any(v => v.Category == category)
                || Present(Property(item, "present", "shows", "verdict")) is not { } present)
            {
                continue;
            }
            verdicts.Add(
                new JudgeVerdict(category, present, Text(Property(item, "evidence", "quote")), Text(Property(item, "reason", "why"))));
        }
        return verdicts.ToImmutable();
    }

    private static List<JsonElement>? List(string reply)
    {
        foreach (var (open, close) in new[] { ('{', '}'), ('[', ']') })
        {
            var start = (reply ?? "").IndexOf(open, StringComparison.Ordinal);
            var end = (reply ?? "").LastIndexOf(close);
            if (start < 0 || end <= start)
            {
                continue;
            }
            try
            {
                using var document = JsonDocument.Parse(reply![start..(end + 1)], Lenient);
                var root = document.RootElement;
                var list = root.ValueKind == JsonValueKind.Array ? root : Property(root, "verdicts", "results", "categories");
                if (list is { ValueKind: JsonValueKind.Array } array)
                {
                    return [.. array.EnumerateArray().Select(e => e.Clone())];
                }
            }
            catch (JsonException)
            {
                // Not JSON in this bracket shape; the other shape may still be.
            }
        }
        return null;
    }

    private static JsonElement? Property(JsonElement element, params string[] names)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        foreach (var property in element.EnumerateObject())
        {
            if (names.Contains(property.Name.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }
        return null;
    }

    /// <summary>The category id a model wrote: exact, in any case, with dashes or spaces for underscores, or only the part after the
    /// group.</summary>
    private static string? Category(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.String } text)
        {
            return null;
        }
        var written = text.GetString()!.Trim().Trim('`', '"', '\'').ToLowerInvariant().Replace('-', '_').Replace(' ', '_');
        return BenchCategory.All.FirstOrDefault(id => id == written)
            ?? BenchCategory.All.SingleOrDefault(id => id[(id.IndexOf('.', StringComparison.Ordinal) + 1)..] == written);
    }

    private static bool? Present(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt32(out var i) && i is 0 or 1 => i == 1,
        { ValueKind: JsonValueKind.String } s => s.GetString()!.Trim().ToLowerInvariant() switch
        {
            "true" or "yes" or "present" => true,
            "false" or "no" or "absent" => false,
            _ => null,
        },
        _ => null,
    };

    private static string Text(JsonElement? value) => value is { ValueKind: JsonValueKind.String } s ? s.GetString()! : "";
}
