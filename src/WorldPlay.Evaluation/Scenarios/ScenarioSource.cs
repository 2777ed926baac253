using System.Collections.Immutable;
using System.Text.Json;
using WorldPlay.Core.Worlds;

namespace WorldPlay.Evaluation.Scenarios;

/// <summary>Scenarios read from a source, and the records left out because they could not be imported (with
/// <see cref="BadRecords.Skip"/>).</summary>
public sealed record ScenarioSet(ImmutableArray<Scenario> Scenarios, ImmutableArray<ScenarioProblem> Skipped);

/// <summary>Loads bench scenarios from a file or folder, telling the format from the content.</summary>
public static class ScenarioSource
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip };

    /// <summary>The scenarios at <paramref name="path"/>: an RPBench-Auto <c>scenes.jsonl</c> or <c>characters.jsonl</c>, a Character Card
    /// V2
    /// JSON, a WorldPlay world file or sample name, or a folder of these (read in file-name order). <paramref name="offset"/> records are
    /// passed over and at most <paramref name="limit"/> taken, counting records across the whole source before importing them.</summary>
    /// <exception cref="ScenarioImportException">The source cannot be read or its format is unknown; or, with
    /// <see cref="BadRecords.Fail"/>, some record in the window is bad (all are listed).</exception>
    public static ScenarioSet Load(string path, int? limit = null, int? offset = null, ScenarioImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegative(limit ?? 0, nameof(limit));
        ArgumentOutOfRangeException.ThrowIfNegative(offset ?? 0, nameof(offset));
        options ??= ScenarioImportOptions.Default;
        var records = Records(path, options).Skip(offset ?? 0);
        if (limit is { } n)
        {
            records = records.Take(n);
        }
        var scenarios = ImmutableArray.CreateBuilder<Scenario>();
        var problems = ImmutableArray.CreateBuilder<ScenarioProblem>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var outcome = record();
            if (outcome.Scenario is { } scenario)
            {
                if (!ids.Add(scenario.Id))
                {
                    problems.Add(
                        new ScenarioProblem(scenario.Origin, null, null, "",
                            $"has the scenario id '{scenario.Id}' of an earlier scenario; ids must be unique across a source"));
                    continue;
                }
                scenarios.Add(scenario);
            }
            problems.AddRange(outcome.Problems);
        }
        if (problems.Count > 0 && options.BadRecords == BadRecords.Fail)
        {
            throw new ScenarioImportException(problems.ToImmutable());
        }
        return new ScenarioSet(scenarios.ToImmutable(), problems.ToImmutable());
    }

    /// <summary>What <paramref name="path"/> holds, as the importer that reads it would name it.</summary>
    /// <exception cref="ScenarioImportException">Not a file or folder, or a file of no known format.</exception>
    public static ScenarioFormat Detect(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            if (WorldFiles.SampleNames.Contains(path.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                return ScenarioFormat.WorldFile;
            }
            throw Unreadable(path,
                "no such file; give a scenes.jsonl or characters.jsonl, a character card, a world file, a folder of these, or a sample " +
                $"world ({string.Join(", ", WorldFiles.SampleNames)})");
        }
        if (path.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            throw Unreadable(path, "character cards embedded in PNG images are not read; export the card as JSON");
        }
        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            var first = JsonLines.First(path);
            if (first is { } record && record.TryGetProperty("npc_profile", out var profile) && profile.ValueKind == JsonValueKind.Object)
            {
                if (profile.TryGetProperty("name_text", out _))
                {
                    return ScenarioFormat.RpBenchCharacter;
                }
                if (profile.TryGetProperty("name", out _))
                {
                    return ScenarioFormat.RpBenchScene;
                }
            }
            throw Unreadable(path,
                "the first record is neither an RPBench-Auto scene (npc_profile.name) nor an RPBench-Auto character " +
                "(npc_profile.name_text)");
        }
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), DocumentOptions);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw Unreadable(path, $"is not JSON (line {(e.LineNumber ?? 0) + 1}): neither a character card nor a world file");
        }
        catch (IOException e)
        {
            throw Unreadable(path, $"cannot be read: {e.Message}");
        }
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("spec", out _))
        {
            return ScenarioFormat.CharacterCard;
        }
        if (root.ValueKind == JsonValueKind.Object
            && (root.TryGetProperty("characters", out _) || root.TryGetProperty("scenes", out _) || root.TryGetProperty("places", out _)))
        {
            return ScenarioFormat.WorldFile;
        }
        throw Unreadable(path,
            $"is neither a Character Card V2 (\"spec\": \"{CharacterCards.Spec}\") nor a WorldPlay world file (\"places\", " +
            "\"characters\", \"scenes\")");
    }

    private static IEnumerable<Func<RecordOutcome>> Records(string path, ScenarioImportOptions options)
    {
        if (Directory.Exists(path))
        {
            // Only files that may hold scenarios: a data folder also holds its LICENSE and README.
            var files = Directory.EnumerateFiles(path)
                .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".json" or ".jsonl" or ".png")
                .Order(StringComparer.Ordinal)
                .ToList();
            if (files.Count == 0)
            {
                throw Unreadable(path, "is a folder without .json or .jsonl files");
            }
            return files.SelectMany(f => FileInFolder(f, options));
        }
        return Detect(path) switch
        {
            ScenarioFormat.RpBenchScene => RpBenchScenes.Records(path, options),
            ScenarioFormat.RpBenchCharacter => RpBenchCharacters.Records(path, options),
            ScenarioFormat.CharacterCard => CharacterCards.Records(path, options),
            _ => WorldFileScenarios.Records(path),
        };
    }

    /// <summary>A file of a folder that cannot be read counts as one bad record, so that it can be skipped like one.</summary>
    private static IEnumerable<Func<RecordOutcome>> FileInFolder(string path, ScenarioImportOptions options)
    {
        try
        {
            return Records(path, options);
        }
        catch (ScenarioImportException e)
        {
            return [() => RecordOutcome.Failed(e.Problems)];
        }
    }

    private static ScenarioImportException Unreadable(string path, string message) =>
        new([new ScenarioProblem(Path.GetFileName(path) is { Length: > 0 } name ? name : path, null, null, "", message)]);
}
