using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace WorldPlay.FakeLlm;

/// <summary>What the client asked the reply to be: free text, any JSON object, or JSON following a schema.</summary>
internal enum ReplyFormat
{
    Text,
    JsonObject,
    JsonSchema,
}

internal sealed record PromptMessage(string Role, string Content)
{
    /// <summary>System and developer messages hold the instructions; user and assistant messages hold the conversation.</summary>
    public bool IsInstruction => Role is "system" or "developer";
}

/// <summary>The parts of an OpenAI chat completion request the fake model reads.</summary>
internal sealed record ChatRequest(
    string Model,
    ImmutableArray<PromptMessage> Messages,
    bool Stream,
    bool IncludeUsage,
    ReplyFormat Format,
    JsonElement? Schema)
{
    /// <summary>The text of the system and developer messages, in order.</summary>
    public string InstructionText => Join(Messages.Where(m => m.IsInstruction));

    /// <summary>Everything the client wrote (not the assistant's earlier replies), in order.</summary>
    public string PromptText => Join(Messages.Where(m => m.Role != "assistant"));

    /// <summary>A seed for everything about the reply: the messages and the asked format, but not whether it streams,
    /// so a streamed and a non-streamed request get the same reply.</summary>
    public int ReplySeed(int seed)
    {
        var parts = new List<object>(2 + (2 * Messages.Length)) { seed, Format };
        foreach (var message in Messages)
        {
            parts.Add(message.Role);
            parts.Add(message.Content);
        }
        return WorldPlay.Core.StableSeed.Of([.. parts]);
    }

    private static string Join(IEnumerable<PromptMessage> messages)
    {
        var text = new StringBuilder();
        foreach (var message in messages)
        {
            text.AppendLine(message.Content);
        }
        return text.ToString();
    }

    /// <summary>Reads a request body.</summary>
    /// <exception cref="BadChatRequestException">The body is not a chat completion request.</exception>
    public static ChatRequest Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new BadChatRequestException("The request body must be a JSON object.");
        }
        var model = root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
        if (!root.TryGetProperty("messages", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            throw new BadChatRequestException("'messages' must be a non-empty array.", "messages");
        }
        var messages = ImmutableArray.CreateBuilder<PromptMessage>(list.GetArrayLength());
        foreach (var message in list.EnumerateArray())
        {
            if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("role", out var role)
                || role.ValueKind != JsonValueKind.String)
            {
                throw new BadChatRequestException("Every message must be an object with a 'role'.", "messages");
            }
            messages.Add(new PromptMessage(role.GetString()!, message.TryGetProperty("content", out var content) ? TextOf(content) : ""));
        }
        var stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
        var includeUsage = root.TryGetProperty("stream_options", out var options) && options.ValueKind == JsonValueKind.Object
            && options.TryGetProperty("include_usage", out var usage) && usage.ValueKind == JsonValueKind.True;
        var (format, schema) = FormatOf(root);
        return new ChatRequest(model, messages.MoveToImmutable(), stream, includeUsage, format, schema);
    }

    // Content is a string, or an array of parts of which the text parts count.
    private static string TextOf(JsonElement content) => content.ValueKind switch
    {
        JsonValueKind.String => content.GetString()!,
        JsonValueKind.Array => string.Concat(content.EnumerateArray()
            .Where(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
            .Select(p => p.GetProperty("text").GetString())),
        _ => "",
    };

    private static (ReplyFormat, JsonElement?) FormatOf(JsonElement root)
    {
        if (!root.TryGetProperty("response_format", out var format) || format.ValueKind != JsonValueKind.Object
            || !format.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return (ReplyFormat.Text, null);
        }
        return type.GetString() switch
        {
            "json_object" => (ReplyFormat.JsonObject, null),
            "json_schema" => (ReplyFormat.JsonSchema,
                format.TryGetProperty("json_schema", out var js) && js.ValueKind == JsonValueKind.Object
                    && js.TryGetProperty("schema", out var schema)
                    ? schema.Clone()
                    : null),
            _ => (ReplyFormat.Text, null),
        };
    }
}

/// <summary>A request the fake model cannot read; answered with HTTP 400 and an OpenAI-style error.</summary>
internal sealed class BadChatRequestException(string message, string? param = null) : Exception(message)
{
    public string? Param { get; } = param;
}
