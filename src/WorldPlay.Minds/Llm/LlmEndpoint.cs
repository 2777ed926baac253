using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using System.Text;
using OpenAI;
using OpenAI.Chat;
using Polly;
using WorldPlay.Core.Minds;

namespace WorldPlay.Minds.Llm;

/// <summary>One OpenAI-compatible endpoint as every mind of a process shares it: one client, and one resilience pipeline, so
/// the concurrency limit and the circuit breaker see all calls to the endpoint (create one per endpoint per process, and give
/// it to every <see cref="LlmMind"/>, <see cref="LlmUserSimulator"/> and <see cref="LlmDirector"/> that uses it).
/// The SDK's own retries are off: the pipeline is the only one that retries.</summary>
public sealed class LlmEndpoint
{
    private readonly OpenAIClient _client;
    private readonly ConcurrentDictionary<string, ChatClient> _chats = new(StringComparer.Ordinal);
    private readonly EndpointResilience _resilience;

    /// <summary>Reads the API key from <see cref="LlmMindOptions.ApiKeyVariable"/> now; throws <see cref="ArgumentException"/>
    /// naming the first setting that cannot work.</summary>
    public LlmEndpoint(LlmMindOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        var key = Environment.GetEnvironmentVariable(options.ApiKeyVariable);
        var keySet = !string.IsNullOrEmpty(key);
        // Local servers ask for no key, but the client wants one; a placeholder is sent, and a refusal says the variable is unset.
        _client = new OpenAIClient(new ApiKeyCredential(keySet ? key! : "no-key"), new OpenAIClientOptions
        {
            Endpoint = options.Endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.AttemptTimeout + TimeSpan.FromSeconds(10),
        });
        _resilience = new EndpointResilience(options, Describe(options.Endpoint), keySet ? key : null);
    }

    public LlmMindOptions Options { get; }

    /// <summary>One call through the pipeline: queued by the concurrency limit, timed out, retried, counted by the breaker. Streamed
    /// (with <see cref="LlmMindOptions.Streaming"/>) when <paramref name="observer"/> follows the reply, otherwise asked for whole.
    /// Throws <see cref="MindUnavailableException"/> when it finally fails, <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> is cancelled.</summary>
    internal async Task<ModelReply> CompleteAsync(ModelCall call, IReplyObserver? observer, CallTally tally,
        CancellationToken cancellationToken)
    {
        var chat = _chats.GetOrAdd(call.Model, _client.GetChatClient);
        return await _resilience.ExecuteAsync(
            // A stream costs a JSON document per token on both ends: it is asked for only when someone follows the reply as it comes.
            ct => Options.Streaming && observer is not null ? StreamAsync(chat, call, observer, ct) : CompleteOnceAsync(chat, call, ct),
            tally,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One JSON request through the same pipeline the minds use, for callers that are not minds (the bench's LLM judge):
    /// the instructions as the system message, the material as the user message, <paramref name="schemaJson"/> as the reply's
    /// schema (asked for as <see cref="LlmMindOptions.StructuredOutput"/> says). Returns the reply text unread: reading it is the
    /// caller's business. Throws <see cref="MindUnavailableException"/> when the call finally fails.</summary>
    public async Task<string> CompleteJsonAsync(string instructions, string material, string schemaName, string schemaJson,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instructions);
        ArgumentNullException.ThrowIfNull(material);
        ChatMessage[] messages = [new SystemChatMessage(instructions), new UserChatMessage(material)];
        var reply = await CompleteAsync(new ModelCall(Options.Model, messages, new ReplySchema(schemaName, schemaJson)), null,
            new CallTally(), cancellationToken)
            .ConfigureAwait(false);
        return reply.Text;
    }

    private ChatCompletionOptions RequestOptions(ModelCall call)
    {
        var options = new ChatCompletionOptions
        {
            MaxOutputTokenCount = Options.MaxOutputTokens,
            Temperature = Options.Temperature,
        };
        if (call.Schema is { } schema)
        {
            options.ResponseFormat = Options.StructuredOutput switch
            {
                StructuredOutput.JsonSchema
                    => ChatResponseFormat.CreateJsonSchemaFormat(schema.Name, BinaryData.FromString(schema.Json), jsonSchemaIsStrict: true),
                StructuredOutput.JsonObject => ChatResponseFormat.CreateJsonObjectFormat(),
                _ => null,
            };
        }
        return options;
    }

    private async ValueTask<ModelReply> CompleteOnceAsync(ChatClient chat, ModelCall call, CancellationToken cancellationToken)
    {
        var completion = (await chat.CompleteChatAsync(call.Messages, RequestOptions(call), cancellationToken).ConfigureAwait(false)).Value;
        var text = string.Concat(completion.Content.Select(part => part.Text));
        return new ModelReply(text, completion.Usage?.InputTokenCount, completion.Usage?.OutputTokenCount);
    }

    private async ValueTask<ModelReply> StreamAsync(ChatClient chat, ModelCall call, IReplyObserver? observer,
        CancellationToken cancellationToken)
    {
        observer?.Begin();
        var text = new StringBuilder();
        ChatTokenUsage? usage = null;
        ChatFinishReason? finish = null;
        await foreach (var update in chat.CompleteChatStreamingAsync(call.Messages, RequestOptions(call), cancellationToken)
            .ConfigureAwait(false))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
                observer?.Append(part.Text);
            }
            finish ??= update.FinishReason;
            usage = update.Usage ?? usage;
        }
        if (finish is null)
        {
            throw new ReplyCutShortException($"the reply stream ended after {text.Length} characters without a finish reason");
        }
        return new ModelReply(text.ToString(), usage?.InputTokenCount, usage?.OutputTokenCount);
    }

    /// <summary>The endpoint as messages show it: scheme, host, port and path, never user info or a query.</summary>
    private static string Describe(Uri endpoint)
        => endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped);
}

/// <summary>One request to a model: which model, the messages, and the schema its reply should follow (null: free text).</summary>
internal sealed record ModelCall(string Model, IReadOnlyList<ChatMessage> Messages, ReplySchema? Schema);

internal sealed record ReplySchema(string Name, string Json);

/// <summary>A model's complete reply, with the token counts the endpoint reported (null when it reported none).</summary>
internal sealed record ModelReply(string Text, int? PromptTokens, int? CompletionTokens);

/// <summary>Follows a streamed reply: <see cref="Begin"/> at the start of every attempt, then each piece of text as it arrives.</summary>
internal interface IReplyObserver
{
    void Begin();

    void Append(string text);
}

/// <summary>A stream ended before the model finished (no finish reason): the connection was cut, so the call is retried.</summary>
internal sealed class ReplyCutShortException(string message) : Exception(message);
