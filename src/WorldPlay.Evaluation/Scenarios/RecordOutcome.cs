using System.Collections.Immutable;
using System.Text.Json;

namespace WorldPlay.Evaluation.Scenarios;

/// <summary>One source record imported: its scenario, or why there is none.</summary>
internal sealed record RecordOutcome(Scenario? Scenario, ImmutableArray<ScenarioProblem> Problems)
{
    public static RecordOutcome Of((Scenario? Scenario, ImmutableArray<ScenarioProblem> Problems) built)
        => new(built.Scenario, built.Problems);

    public static RecordOutcome Failed(IEnumerable<ScenarioProblem> problems) => new(null, [.. problems]);
}

/// <summary>The records of a JSON Lines file, one per non-blank line, each imported only when asked for.</summary>
internal static class JsonLines
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true };

    /// <summary>One deferred import per record, so that records outside a requested window are never parsed.</summary>
    public static IEnumerable<Func<RecordOutcome>> Records(string path, Func<RecordFields, RecordOutcome> import)
    {
        var file = Path.GetFileName(path);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var at = number;
            yield return () => Import(line, new ScenarioProblem(file, at, null, "", ""), import);
        }
    }

    private static RecordOutcome Import(string line, ScenarioProblem where, Func<RecordFields, RecordOutcome> import)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, Options);
        }
        catch (JsonException e)
        {
            var message = $"is not valid JSON at position {(e.BytePositionInLine ?? 0) + 1}; each line must be one JSON object";
            return RecordOutcome.Failed([where with { Message = message }]);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                var message = $"is {RecordFields.Kind(root)}; each line must be one JSON object {{ ... }}";
                return RecordOutcome.Failed([where with { Message = message }]);
            }
            return import(new RecordFields(root, where with { RecordId = RecordFields.IdOf(root) }));
        }
    }

    /// <summary>The first record of the file, for telling formats apart; null when the file has none or it is not an object.</summary>
    public static JsonElement? First(string path)
    {
        var line = File.ReadLines(path).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
        if (line is null)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(line, Options);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
