using System.Collections.Immutable;
using System.Text.Json;
using WorldPlay.Core;
using WorldPlay.Core.Serialization;
using WorldPlay.Core.Worlds;

namespace WorldPlay.Evaluation.Transcripts;

/// <summary>Reads transcripts: one JSON object per line, an optional first line <c>{"world": ...}</c> with the setting.</summary>
public static class TranscriptReader
{
    private static readonly ImmutableArray<string> LineFields = ["turn", "speaker", "role", "text", "events", "given"];
    private static readonly ImmutableArray<string> WorldLineFields = ["world", "scene"];

    /// <summary>The transcript in the file at <paramref name="path"/>; <paramref name="world"/> (from <c>--world</c>) takes the place of a
    /// world line.</summary>
    /// <exception cref="TranscriptFormatException">A line is not valid; the message names it and the field.</exception>
    /// <exception cref="WorldFileException">The world (inline or given) is not a valid world file.</exception>
    public static Transcript Read(string path, WorldDefinition? world = null)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No transcript at '{Path.GetFullPath(path)}'.", path);
        }
        return Parse(File.ReadAllText(path), Path.GetFileName(path), world);
    }

    /// <summary>The transcript in <paramref name="text"/>; <paramref name="source"/> names it in errors.</summary>
    public static Transcript Parse(string text, string source, WorldDefinition? world = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var setting = world is null ? null : BenchSetting.FromWorld(world);
        var lines = ImmutableArray.CreateBuilder<TranscriptLine>();
        var rows = text.Split('\n');
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i].Trim();
            if (row.Length == 0)
            {
                continue;
            }
            var number = i + 1;
            using var document = ParseJson(row, source, number);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new TranscriptFormatException(source, number, null,
                    "expected one JSON object per line, such as {\"turn\": 1, \"speaker\": \"Mira\", \"role\": \"npc\", \"text\": " +
                    "\"...\"}");
            }
            if (root.TryGetProperty("world", out var inline))
            {
                if (lines.Count > 0)
                {
                    throw new TranscriptFormatException(source, number, "world", "the world line must come first, before any turn");
                }
                RejectUnknownFields(root, WorldLineFields, source, number);
                // A world given on the command line wins over the one the transcript carries.
                setting ??= ReadWorld(inline, root, source, number);
                continue;
            }
            lines.Add(ReadLine(root, source, number, lines.Count > 0 ? lines[^1].Turn : 0));
        }
        if (lines.Count == 0)
        {
            throw new TranscriptFormatException(source, 1, null, "the transcript has no turns; write one JSON object per turn");
        }
        return new Transcript(Path.GetFileNameWithoutExtension(source), setting, lines.ToImmutable());
    }

    private static JsonDocument ParseJson(string row, string source, int number)
    {
        try
        {
            return JsonDocument.Parse(row);
        }
        catch (JsonException e)
        {
            throw new TranscriptFormatException(source, number, null, $"malformed JSON at position {(e.BytePositionInLine ?? 0) + 1}");
        }
    }

    private static BenchSetting ReadWorld(JsonElement inline, JsonElement root, string source, int number)
    {
        var scene = root.TryGetProperty("scene", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        WorldDefinition world = inline.ValueKind switch
        {
            JsonValueKind.Object => WorldFiles.Parse(inline.GetRawText(), $"{source} line {number} (world)"),
            JsonValueKind.String => WorldFiles.Load(inline.GetString()!),
            _ => throw new TranscriptFormatException(source, number, "world",
                "expected a world object (the world file format) or the name of a sample world"),
        };
        try
        {
            return BenchSetting.FromWorld(world, scene);
        }
        catch (ArgumentException e)
        {
            throw new TranscriptFormatException(source, number, "scene", e.Message);
        }
    }

    private static TranscriptLine ReadLine(JsonElement root, string source, int number, int previousTurn)
    {
        RejectUnknownFields(root, LineFields, source, number);
        if (!root.TryGetProperty("turn", out var turnField) || turnField.ValueKind != JsonValueKind.Number
            || !turnField.TryGetInt32(out var turn) || turn < 0)
        {
            throw new TranscriptFormatException(source, number, "turn", "expected a whole number ≥ 0");
        }
        if (turn < previousTurn)
        {
            throw new TranscriptFormatException(source, number, "turn",
                $"turn {turn} comes after turn {previousTurn}; turns never go back");
        }
        var speaker = RequiredText(root, "speaker", source, number);
        var roleText = RequiredText(root, "role", source, number);
        var role = roleText switch
        {
            "npc" => SpeakerRole.Npc,
            "user" => SpeakerRole.User,
            "narrator" => SpeakerRole.Narrator,
            _ => throw new TranscriptFormatException(source, number, "role", $"'{roleText}' is not a role; use npc, user or narrator"),
        };
        if (!root.TryGetProperty("text", out var textField) || textField.ValueKind != JsonValueKind.String)
        {
            throw new TranscriptFormatException(source, number, "text", "expected a string (it may be empty)");
        }
        var events = ImmutableArray<WorldEvent>.Empty;
        if (root.TryGetProperty("events", out var eventsField))
        {
            try
            {
                events = JsonSerializer.Deserialize<ImmutableArray<WorldEvent>>(eventsField.GetRawText(), CoreSerialization.Json);
            }
            catch (Exception e) when (e is JsonException or ArgumentException or NotSupportedException)
            {
                throw new TranscriptFormatException(source, number, "events", $"expected a list of WorldPlay world events: {e.Message}");
            }
        }
        var given = false;
        if (root.TryGetProperty("given", out var givenField))
        {
            given = givenField.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new TranscriptFormatException(source, number, "given", "expected true or false"),
            };
        }
        return new TranscriptLine(turn, speaker, role, textField.GetString()!, events.IsDefault ? [] : events) { Given = given };
    }

    private static string RequiredText(JsonElement root, string field, string source, int number) =>
        root.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length > 0
            ? value.GetString()!.Trim()
            : throw new TranscriptFormatException(source, number, field, "expected a non-empty string");

    private static void RejectUnknownFields(JsonElement root, ImmutableArray<string> known, string source, int number)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                throw new TranscriptFormatException(source, number, property.Name,
                    $"not a field here; known fields: {string.Join(", ", known)}");
            }
        }
    }
}
