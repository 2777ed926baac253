using System.Collections.Immutable;
using System.Text.Json;

namespace WorldPlay.Evaluation.Scenarios;

/// <summary>One adversarial user situation from ping_pong_bench: what the user tries (<see cref="Text"/>), its kind (<see cref="Tags"/>)
/// and for how many user turns (<see cref="NumTurns"/>).</summary>
public sealed record AdversarialSituation(ImmutableArray<string> Tags, string Text, int NumTurns);

/// <summary>Reads the adversarial situations file (<c>situations.en.json</c>: <c>{"situations": [{"tags": [...], "text": ..., "num_turns":
/// 4}]}</c>).</summary>
public static class AdversarialSituations
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>The situations in the file at <paramref name="path"/>, in file order.</summary>
    /// <exception cref="ScenarioImportException">The file cannot be read, or some situation is malformed (all problems are
    /// listed).</exception>
    public static ImmutableArray<AdversarialSituation> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var where = new ScenarioProblem(Path.GetFileName(path) is { Length: > 0 } name ? name : path, null, null, "", "");
        if (!File.Exists(path))
        {
            throw new ScenarioImportException([where with { Message = $"no such file at '{Path.GetFullPath(path)}'" }]);
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), Options);
        }
        catch (JsonException e)
        {
            var message = $"is not valid JSON at line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}";
            throw new ScenarioImportException([where with { Message = message }]);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ScenarioImportException([where with { Message = "is not a JSON object; expected { \"situations\": [ ... ] }" }]);
            }
            var f = new RecordFields(document.RootElement, where);
            var situations = ImmutableArray.CreateBuilder<AdversarialSituation>();
            var list = f.List("situations", required: true);
            for (var i = 0; i < list.Length; i++)
            {
                if (list[i].ValueKind != JsonValueKind.Object)
                {
                    f.Problem($"situations[{i}]",
                        $"is {RecordFields.Kind(list[i])}, expected an object {{ \"tags\": [...], \"text\": ..., \"num_turns\": ... }}");
                    continue;
                }
                var entry = f.Within(list[i], $"situations[{i}]");
                var before = f.Problems.Count;
                var tags = entry.Texts("tags");
                if (tags.IsEmpty && f.Problems.Count == before)
                {
                    entry.Problem("tags", "is missing or empty; give at least one tag");
                }
                var text = entry.Text("text", required: true);
                var turns = entry.Number("num_turns");
                if (turns is null && entry.Element("num_turns") is null)
                {
                    entry.Problem("num_turns", "is missing");
                }
                else if (turns is { } n && (n < 1 || n != Math.Floor(n)))
                {
                    entry.Problem("num_turns", $"is {n}; expected a whole number of user turns, 1 or more");
                }
                if (text is not null && turns is { } t && t >= 1 && t == Math.Floor(t) && !tags.IsEmpty)
                {
                    situations.Add(new AdversarialSituation(tags, text, (int)t));
                }
            }
            if (f.Problems.Count > 0)
            {
                throw new ScenarioImportException(f.Problems);
            }
            return situations.ToImmutable();
        }
    }
}
