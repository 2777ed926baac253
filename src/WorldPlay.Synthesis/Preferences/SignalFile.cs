using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace WorldPlay.Synthesis.Preferences;

/// <summary>Reads and writes signal files: one <see cref="ChoiceSignal"/> per line as a JSON object with snake_case fields
/// (docs/preferences.md, "Signal file"), UTF-8 without escaping Chinese.</summary>
public static class SignalFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };

    /// <summary>The serializer options of signal files and reports: snake_case names, Chinese unescaped.</summary>
    public static JsonSerializerOptions JsonOptions => Options;

    /// <summary>A denoise report as indented JSON with the signal file's snake_case names.</summary>
    public static string Json(DenoiseReport report) => JsonSerializer.Serialize(report, Indented);

    /// <summary>One signal as its compact JSON line.</summary>
    public static string Line(ChoiceSignal signal) => JsonSerializer.Serialize(signal, Options);

    /// <summary>Writes <paramref name="signals"/> to <paramref name="path"/>, one a line; returns how many.</summary>
    public static int Write(string path, IEnumerable<ChoiceSignal> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        var count = 0;
        foreach (var signal in signals)
        {
            writer.WriteLine(Line(signal));
            count++;
        }
        return count;
    }

    /// <summary>Every signal of the file at <paramref name="path"/>, checked line by line.</summary>
    /// <exception cref="SignalFileException">A line is not a valid signal (the message names the line and the problem).</exception>
    public static ImmutableArray<ChoiceSignal> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No signal file at '{Path.GetFullPath(path)}'.", path);
        }
        return Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    /// <summary>Every signal in <paramref name="text"/>; <paramref name="source"/> names it in errors.</summary>
    public static ImmutableArray<ChoiceSignal> Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var signals = ImmutableArray.CreateBuilder<ChoiceSignal>();
        var rows = text.Split('\n');
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i].Trim();
            if (row.Length == 0)
            {
                continue;
            }
            ChoiceSignal? signal;
            try
            {
                signal = JsonSerializer.Deserialize<ChoiceSignal>(row, Options);
            }
            catch (JsonException e)
            {
                throw new SignalFileException($"{source} line {i + 1}: {Describe(e)}");
            }
            if (signal is null)
            {
                throw new SignalFileException($"{source} line {i + 1}: expected a signal object, got null.");
            }
            if (Problem(signal) is { } problem)
            {
                throw new SignalFileException($"{source} line {i + 1}: {problem}.");
            }
            signals.Add(signal);
        }
        if (signals.Count == 0)
        {
            throw new SignalFileException($"{source} holds no signal; write one JSON object per line (docs/preferences.md).");
        }
        return signals.ToImmutable();
    }

    private static string Describe(JsonException e)
    {
        // The serializer's own words name C# types; a person fixing the file needs the field.
        var message = e.Message.Split('\n', 2)[0];
        var field = e.Path is { Length: > 2 } path ? path[2..] : null;
        if (Regex.Match(message, "missing required properties including: (.*)\\.$") is { Success: true } missing)
        {
            return $"missing field(s) {missing.Groups[1].Value.Replace("'", "", StringComparison.Ordinal)}; docs/preferences.md lists " +
                "every field.";
        }
        if (message.Contains("could not be mapped", StringComparison.Ordinal) && field is not null)
        {
            return $"unknown field '{field}'; docs/preferences.md lists every field.";
        }
        if (message.Contains("could not be converted", StringComparison.Ordinal) && field is not null)
        {
            return $"field '{field}' has the wrong type; docs/preferences.md gives each field's type.";
        }
        return $"malformed JSON at position {(e.BytePositionInLine ?? 0) + 1}; write one JSON object per line.";
    }

    private static string? Problem(ChoiceSignal s)
    {
        if (s.Turn < 1)
        {
            return $"turn must be 1 or more (got {s.Turn})";
        }
        if (string.IsNullOrWhiteSpace(s.Group))
        {
            return "group is empty; name the user group or simulator profile";
        }
        if (string.IsNullOrWhiteSpace(s.Chosen.Text))
        {
            return "chosen.text is empty";
        }
        if (s.Rejected.IsDefaultOrEmpty)
        {
            return "rejected lists no reply; a choice needs at least one discarded reply";
        }
        if (s.Rejected.Any(r => string.IsNullOrWhiteSpace(r.Text)))
        {
            return "a rejected reply has an empty text";
        }
        if (s.Regenerations < 1)
        {
            return $"regenerations must be 1 or more (got {s.Regenerations})";
        }
        if (s.SessionSeconds < 0 || s.SessionTurns < s.Turn || s.TurnsAfter < 0)
        {
            return $"session_seconds, session_turns and turns_after must be 0 or more, session_turns at least turn ({s.Turn})";
        }
        if (s.Denoise is { } d && (d.Weights.Length != s.Rejected.Length || d.Stratification.Length != s.Rejected.Length))
        {
            return $"denoise.weights and denoise.stratification need one value per rejected reply ({s.Rejected.Length})";
        }
        return null;
    }
}
