using System.Collections.Immutable;
using WorldPlay.Core;

namespace WorldPlay.Minds.Llm;

/// <summary>How a model is asked for structured output.</summary>
public enum StructuredOutput
{
    /// <summary><c>response_format: json_schema</c> with <see cref="ActionSchema"/> (OpenAI, vLLM, llama.cpp, LM Studio, Ollama).</summary>
    JsonSchema,

    /// <summary><c>response_format: json_object</c>, for endpoints that know JSON mode but not schemas.</summary>
    JsonObject,

    /// <summary>No response format; the prompt alone asks for the JSON object.</summary>
    PromptOnly,
}

/// <summary>Where a language model is and how the minds that use it behave: the endpoint, the model, the API key's
/// environment variable, streaming, and the resilience settings (timeout, retries, circuit breaker, concurrency).</summary>
public sealed record LlmMindOptions
{
    /// <summary>The OpenAI-compatible base address, with its version segment: <c>https://api.openai.com/v1</c>,
    /// <c>http://127.0.0.1:11434/v1</c> (Ollama), <c>http://127.0.0.1:8000/v1</c> (vLLM).</summary>
    public Uri Endpoint { get; init; } = new("https://api.openai.com/v1");

    /// <summary>The model name the endpoint knows (<c>gpt-4o-mini</c>, <c>llama3.1:8b</c>, ...).</summary>
    public string Model { get; init; } = "";

    /// <summary>Characters played by a model of their own (character id to model name), such as a cheaper model for minor
    /// characters; every other character gets <see cref="Model"/>.</summary>
    public ImmutableSortedDictionary<string, string> CharacterModels { get; init; } =
        ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>The environment variable holding the API key. Unset is fine for local servers that ask for none.</summary>
    public string ApiKeyVariable { get; init; } = "OPENAI_API_KEY";

    /// <summary>Ask for streamed replies when someone listens for a turn's speech (a scene listener), so speech reaches it as tokens
    /// arrive. Turns nobody listens to ask for the whole reply: a stream costs a JSON event per token on both ends.</summary>
    public bool Streaming { get; init; } = true;

    public StructuredOutput StructuredOutput { get; init; } = StructuredOutput.JsonSchema;

    /// <summary>Sampling temperature; null leaves the endpoint's default.</summary>
    public float? Temperature { get; init; } = 0.8f;

    /// <summary>The longest reply asked for, in tokens.</summary>
    public int MaxOutputTokens { get; init; } = 600;

    /// <summary>How long one call may take, the whole reply included; a call that takes longer is abandoned and retried.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after a timeout, a 429, a 5xx, a lost connection or a stream cut short.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The first retry's delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait before a retry. A <c>Retry-After</c> asking for longer ends the turn as rate limited.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Failed calls in a row (within <see cref="BreakerSamplingDuration"/>) that open the circuit.</summary>
    public int BreakAfterFailures { get; init; } = 10;

    /// <summary>The window in which failures are counted toward opening the circuit.</summary>
    public TimeSpan BreakerSamplingDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an open circuit fails calls fast before it lets one through to try.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Calls in flight to the endpoint at once, per process; more wait in a queue.</summary>
    public int MaxConcurrentRequests { get; init; } = 16;

    /// <summary>Calls that may wait for a free slot; beyond that a turn fails at once as <c>QueueFull</c>.</summary>
    public int MaxQueuedRequests { get; init; } = 10_000;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        static void Require(bool ok, string setting, string what)
        {
            if (!ok)
            {
                throw new ArgumentException($"LLM mind setting '{setting}' {what}.", setting);
            }
        }
        Require(Endpoint is { IsAbsoluteUri: true } && (Endpoint.Scheme == Uri.UriSchemeHttp || Endpoint.Scheme == Uri.UriSchemeHttps),
            nameof(Endpoint), $"must be an absolute http(s) address such as http://127.0.0.1:8080/v1 (got '{Endpoint}')");
        Require(!string.IsNullOrWhiteSpace(Model), nameof(Model), "must name a model the endpoint serves");
        Require(!string.IsNullOrWhiteSpace(ApiKeyVariable), nameof(ApiKeyVariable), "must name an environment variable");
        Require(MaxOutputTokens > 0, nameof(MaxOutputTokens), "must be positive");
        Require(AttemptTimeout > TimeSpan.Zero, nameof(AttemptTimeout), "must be positive");
        Require(MaxRetries >= 0, nameof(MaxRetries), "must be 0 or more");
        Require(RetryDelay > TimeSpan.Zero && MaxRetryDelay >= RetryDelay, nameof(RetryDelay),
            "must be positive and at most MaxRetryDelay");
        Require(BreakAfterFailures >= 2, nameof(BreakAfterFailures), "must be 2 or more");
        Require(BreakerSamplingDuration >= TimeSpan.FromMilliseconds(500), nameof(BreakerSamplingDuration), "must be at least 0.5 s");
        Require(BreakDuration >= TimeSpan.FromMilliseconds(500), nameof(BreakDuration), "must be at least 0.5 s");
        Require(MaxConcurrentRequests > 0, nameof(MaxConcurrentRequests), "must be positive");
        foreach (var (character, model) in CharacterModels)
        {
            Require(EntityId.IsSlug(character) && !string.IsNullOrWhiteSpace(model), nameof(CharacterModels),
                $"must map character ids to model names (got '{character}' = '{model}')");
        }
        Require(MaxQueuedRequests >= 0, nameof(MaxQueuedRequests), "must be 0 or more");
    }
}
