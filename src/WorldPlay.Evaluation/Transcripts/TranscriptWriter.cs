using System.Text.Json;
using System.Text.Json.Nodes;
using WorldPlay.Core.Serialization;

namespace WorldPlay.Evaluation.Transcripts;

/// <summary>Writes transcripts in the format <see cref="TranscriptReader"/> reads, one line at a time, so a long session streams to
/// disk.</summary>
public sealed class TranscriptWriter(TextWriter output)
{
    private static readonly JsonWriterOptions Compact = new() { Indented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private bool _wroteLine;

    /// <summary>Writes the world line; it must come before any turn. <paramref name="world"/> is a world file's JSON object.</summary>
    public void WriteWorld(JsonObject world, string? scene = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (_wroteLine)
        {
            throw new InvalidOperationException("The world line must be written before any turn.");
        }
        var line = new JsonObject { ["world"] = world.DeepClone() };
        if (scene is not null)
        {
            line["scene"] = scene;
        }
        output.WriteLine(line.ToJsonString());
        _wroteLine = true;
    }

    public void WriteLine(TranscriptLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Compact))
        {
            json.WriteStartObject();
            json.WriteNumber("turn", line.Turn);
            json.WriteString("speaker", line.Speaker);
            json.WriteString("role", line.Role.ToString().ToLowerInvariant());
            json.WriteString("text", line.Text);
            if (line.Given)
            {
                json.WriteBoolean("given", true);
            }
            if (!line.Events.IsDefaultOrEmpty)
            {
                json.WritePropertyName("events");
                JsonSerializer.Serialize(json, line.Events, CoreSerialization.Json);
            }
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        _wroteLine = true;
    }

    /// <summary>Writes <paramref name="lines"/> in order.</summary>
    public void WriteAll(IEnumerable<TranscriptLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var line in lines)
        {
            WriteLine(line);
        }
    }
}
