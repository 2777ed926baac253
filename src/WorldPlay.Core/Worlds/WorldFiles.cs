using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace WorldPlay.Core.Worlds;

/// <summary>Reads world files (the JSON format in docs/world-format.md) and the sample worlds shipped with WorldPlay.</summary>
public static partial class WorldFiles
{
    private static readonly ImmutableArray<string> Samples = ["harbor", "court"];

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The names of the sample worlds, in the order they are presented.</summary>
    public static IReadOnlyList<string> SampleNames => Samples;

    /// <summary>The sample world named <paramref name="nameOrPath"/> (any case), or else the world file at that path.</summary>
    /// <exception cref="WorldFileException">Neither a sample nor a file, or the file is not a valid world.</exception>
    public static WorldDefinition Load(string nameOrPath)
    {
        ArgumentNullException.ThrowIfNull(nameOrPath);
        var sample = Samples.FirstOrDefault(s => string.Equals(s, nameOrPath.Trim(), StringComparison.OrdinalIgnoreCase));
        if (sample is not null)
        {
            return Parse(SampleText(sample), $"{sample}.json");
        }
        return Parse(ReadFile(nameOrPath), nameOrPath);
    }

    /// <summary>The text of the sample world named <paramref name="nameOrPath"/>, or else of the world file at that path, as
    /// <see cref="Load"/> reads it (for a caller that sends the file elsewhere, such as to the studio API).</summary>
    public static string Text(string nameOrPath)
    {
        ArgumentNullException.ThrowIfNull(nameOrPath);
        var sample = Samples.FirstOrDefault(s => string.Equals(s, nameOrPath.Trim(), StringComparison.OrdinalIgnoreCase));
        return sample is not null ? SampleText(sample) : ReadFile(nameOrPath);
    }

    /// <summary>The world described by <paramref name="json"/>; <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="WorldFileException">The JSON is malformed, or the world breaks the format's rules (all problems are
    /// listed).</exception>
    public static WorldDefinition Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        var (file, duplicates) = Deserialize(json, source);
        var reader = new WorldFileReader(file, duplicates);
        return reader.Read() ?? throw new WorldFileException(source, reader.Problems);
    }

    private static string SampleText(string sample)
    {
        var resource = $"WorldPlay.Core.Worlds.{sample}.json";
        using var stream = typeof(WorldFiles).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The sample world '{sample}' is missing from the assembly (resource '{resource}').");
        using var text = new StreamReader(stream);
        return text.ReadToEnd();
    }

    /// <summary>The file's objects, and a problem for each field given twice in one object (the last one wins meanwhile).</summary>
    private static (WorldFile File, List<string> Duplicates) Deserialize(string json, string source)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new WorldFileException(source, ["the file is empty; a world file is one JSON object { \"id\": ..., ... }"]);
        }
        // Syntax first, so that a broken file gets one message about where it breaks, not about shapes.
        var duplicates = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            FindDuplicates(document.RootElement, "", duplicates);
        }
        catch (JsonException e)
        {
            throw new WorldFileException(source, [$"malformed JSON at {Where(e)}: {Reason(e)}"]);
        }
        try
        {
            var file = JsonSerializer.Deserialize<WorldFile>(json, Options)
                ?? throw new WorldFileException(source, ["the file holds null; a world file is one JSON object { \"id\": ..., ... }"]);
            return (file, duplicates);
        }
        catch (JsonException e)
        {
            var path = FieldPath(e.Path);
            var expected = ExpectedAt(path);
            var what = expected is null ? Reason(e) : $"expected {expected}";
            throw new WorldFileException(source, [$"{(path.Length == 0 ? "(top level)" : path)}: {what} ({Where(e)})"]);
        }
    }

    private static void FindDuplicates(JsonElement element, string path, List<string> problems)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var here = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    if (!seen.Add(property.Name))
                    {
                        problems.Add($"{here}: given more than once in the same object; keep one");
                    }
                    FindDuplicates(property.Value, here, problems);
                }
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    FindDuplicates(item, $"{path}[{i++}]", problems);
                }
                break;
        }
    }

    /// <summary>" (did you mean 'x'?)" when <paramref name="value"/> looks like a slip for one of
    /// <paramref name="candidates"/>, else "".</summary>
    private static string DidYouMean(string value, IEnumerable<string> candidates) =>
        Closest(value, candidates) is { } best ? $" (did you mean '{best}'?)" : "";

    /// <summary>The candidate within a typo or two of <paramref name="value"/> (case aside), or null.</summary>
    private static string? Closest(string value, IEnumerable<string> candidates) =>
        candidates
            .Select(c => (Candidate: c, Distance: EditDistance.IgnoringCase(c, value)))
            .Where(c => c.Distance <= Math.Min(2, value.Length / 3))
            .OrderBy(c => c.Distance)
            .Select(c => c.Candidate)
            .FirstOrDefault();

    private static string Where(JsonException e) => $"line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}";

    // System.Text.Json appends "Path: ... | LineNumber: ..." to its messages; we say where in our own words.
    private static string Reason(JsonException e) =>
        Regex.Replace(e.Message, @"\s*(Path:|LineNumber:).*$", "", RegexOptions.Singleline).TrimEnd('.');

    private static string FieldPath(string? jsonPath) =>
        jsonPath is null ? "" : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');

    /// <summary>What the format expects at <paramref name="path"/> (<c>characters[0].talkativeness</c>), in words, or null.</summary>
    private static string? ExpectedAt(string path)
    {
        var type = typeof(WorldFile);
        foreach (Match step in Regex.Matches(path, @"(?<name>[A-Za-z_$][A-Za-z0-9_$]*)|\[(?<index>\d+)\]"))
        {
            if (step.Groups["index"].Success)
            {
                if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(List<>))
                {
                    return null;
                }
                type = type.GetGenericArguments()[0];
            }
            else
            {
                var property = type.GetProperties().FirstOrDefault(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name) == step.Value);
                if (property is null)
                {
                    return null;
                }
                type = property.PropertyType;
            }
            type = Nullable.GetUnderlyingType(type) ?? type;
        }
        return Describe(type);
    }

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(string) => "a string in double quotes",
        _ when type == typeof(double) => "a number",
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        _ when type == typeof(JsonElement) => "a list of ids, or \"everyone\"",
        _ when type == typeof(List<string?>) => "a list of strings [\"...\", \"...\"]",
        _ when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) => "a list of objects [{ ... }, { ... }]",
        _ => "an object { ... }",
    };

    /// <summary>The fields a file object may have, as written in files.</summary>
    private static IEnumerable<string> FieldsOf(Type type)
    {
        // Base class fields first, each class in declaration order, then as JsonPropertyOrder places them: the order files use.
        var chain = new List<Type>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            chain.Insert(0, t);
        }
        return chain
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .OrderBy(p => p.MetadataToken))
            .Where(p => p.Name != nameof(FileObject.Extra))
            .OrderBy(p => p.GetCustomAttribute<JsonPropertyOrderAttribute>()?.Order ?? 0)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name));
    }
}

/// <summary>A world file that cannot be used, with every problem found in it.</summary>
public sealed class WorldFileException : Exception
{
    public WorldFileException(string? source, IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems.Select(p => source is null ? p : $"{source}: {p}")))
    {
        SourceName = source;
        Problems = [.. problems];
    }

    /// <summary>The file or sample the problems were found in, or null when there was none.</summary>
    public string? SourceName { get; }

    /// <summary>Each problem on its own: the JSON path of the field, the bad value and what is allowed.</summary>
    public IReadOnlyList<string> Problems { get; }
}
