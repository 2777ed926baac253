using System.Buffers;
using System.Text.Json;

namespace WorldPlay.FakeLlm;

/// <summary>The OpenAI chat completion wire format, written straight into the response: whole completions, stream
/// chunks and error bodies.</summary>
internal sealed class ChatWire(string id, long created, string model)
{
    private static readonly JsonWriterOptions Options = new() { Encoder = Improviser.Output.Encoder };

    public static ReadOnlySpan<byte> DataPrefix => "data: "u8;

    public static ReadOnlySpan<byte> EventEnd => "\n\n"u8;

    public static ReadOnlySpan<byte> Done => "data: [DONE]\n\n"u8;

    public void Completion(IBufferWriter<byte> output, string content, string finishReason, int promptTokens, int completionTokens)
    {
        using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        Header(json, "chat.completion");
        json.WriteStartArray("choices");
        json.WriteStartObject();
        json.WriteNumber("index", 0);
        json.WriteStartObject("message");
        json.WriteString("role", "assistant");
        json.WriteString("content", content);
        json.WriteNull("refusal");
        json.WriteEndObject();
        json.WriteNull("logprobs");
        json.WriteString("finish_reason", finishReason);
        json.WriteEndObject();
        json.WriteEndArray();
        Usage(json, promptTokens, completionTokens);
        json.WriteEndObject();
    }

    /// <summary>One server-sent event with a chunk: the role (first), a piece of content, or the finish reason (last).</summary>
    public void Chunk(IBufferWriter<byte> output, bool withRole, string? content, string? finishReason, bool usageFollows)
    {
        output.Write(DataPrefix);
        using (var json = new Utf8JsonWriter(output, Options))
        {
            json.WriteStartObject();
            Header(json, "chat.completion.chunk");
            json.WriteStartArray("choices");
            json.WriteStartObject();
            json.WriteNumber("index", 0);
            json.WriteStartObject("delta");
            if (withRole)
            {
                json.WriteString("role", "assistant");
            }
            if (content is not null)
            {
                json.WriteString("content", content);
            }
            json.WriteEndObject();
            json.WriteNull("logprobs");
            if (finishReason is null)
            {
                json.WriteNull("finish_reason");
            }
            else
            {
                json.WriteString("finish_reason", finishReason);
            }
            json.WriteEndObject();
            json.WriteEndArray();
            if (usageFollows)
            {
                // With include_usage every chunk carries "usage": null until the last one carries the counts.
                json.WriteNull("usage");
            }
            json.WriteEndObject();
        }
        output.Write(EventEnd);
    }

    /// <summary>The last event when the client asked for usage: no choices, only the counts.</summary>
    public void UsageChunk(IBufferWriter<byte> output, int promptTokens, int completionTokens)
    {
        output.Write(DataPrefix);
        using (var json = new Utf8JsonWriter(output, Options))
        {
            json.WriteStartObject();
            Header(json, "chat.completion.chunk");
            json.WriteStartArray("choices");
            json.WriteEndArray();
            Usage(json, promptTokens, completionTokens);
            json.WriteEndObject();
        }
        output.Write(EventEnd);
    }

    /// <summary>An OpenAI-style error body: <c>{"error": {"message", "type", "param", "code"}}</c>.</summary>
    public static void Error(IBufferWriter<byte> output, string message, string type, string? code, string? param = null)
    {
        using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteStartObject("error");
        json.WriteString("message", message);
        json.WriteString("type", type);
        if (param is null)
        {
            json.WriteNull("param");
        }
        else
        {
            json.WriteString("param", param);
        }
        if (code is null)
        {
            json.WriteNull("code");
        }
        else
        {
            json.WriteString("code", code);
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void Header(Utf8JsonWriter json, string kind)
    {
        json.WriteString("id", id);
        json.WriteString("object", kind);
        json.WriteNumber("created", created);
        json.WriteString("model", model);
        json.WriteString("system_fingerprint", "fake");
    }

    private static void Usage(Utf8JsonWriter json, int promptTokens, int completionTokens)
    {
        json.WriteStartObject("usage");
        json.WriteNumber("prompt_tokens", promptTokens);
        json.WriteNumber("completion_tokens", completionTokens);
        json.WriteNumber("total_tokens", promptTokens + completionTokens);
        json.WriteEndObject();
    }
}
