using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;
using WorldPlay.Core.Minds;

namespace WorldPlay.Minds.Llm;

/// <summary>What the calls of one turn cost in retries: counted by the pipeline, read into the turn's usage.</summary>
internal sealed class CallTally
{
    public int Retries { get; set; }
}

/// <summary>The resilience pipeline of an endpoint, outermost first: a concurrency limit (calls beyond it queue), retries with
/// exponential backoff and jitter that honour <c>Retry-After</c>, a circuit breaker, and a timeout per attempt. Failures that
/// remain are told as a <see cref="MindUnavailableException"/> with the reason and what to check.</summary>
internal sealed class EndpointResilience
{
    private static readonly ResiliencePropertyKey<CallTally> TallyKey = new("worldplay.llm.tally");

    private readonly LlmMindOptions _options;
    private readonly string _endpoint;
    private readonly string? _key;
    private readonly ResiliencePipeline _pipeline;

    public EndpointResilience(LlmMindOptions options, string endpoint, string? key)
    {
        _options = options;
        _endpoint = endpoint;
        _key = key;
        var builder = new ResiliencePipelineBuilder().AddConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.MaxConcurrentRequests,
            QueueLimit = options.MaxQueuedRequests,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } e && IsTransient(e, args.Context.CancellationToken)
                        && !(RetryAfter(e) > options.MaxRetryDelay)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is { } e ? RetryAfter(e) : null),
                OnRetry = args =>
                {
                    if (args.Context.Properties.TryGetValue(TallyKey, out var tally))
                    {
                        tally.Retries++;
                    }
                    return default;
                },
            });
        }
        _pipeline = builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                // Every call in the window failed, and at least this many: in effect, that many failures in a row.
                FailureRatio = 1.0,
                MinimumThroughput = options.BreakAfterFailures,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakDuration,
                ShouldHandle = args
                    => ValueTask.FromResult(args.Outcome.Exception is { } e && IsTransient(e, args.Context.CancellationToken)),
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> attempt, CallTally tally,
        CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(TallyKey, tally);
        var attempts = 0;
        try
        {
            return await _pipeline.ExecuteAsync(
                (ctx, state) =>
                {
                    attempts++;
                    return state(ctx.CancellationToken);
                },
                context,
                attempt).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && Unavailable(e, attempts) is { } unavailable)
        {
            throw unavailable;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Failures worth another attempt: timeouts, 408, 429, 5xx, a lost connection, a stream cut short; not an endpoint
    /// that cannot be reached at all (see <see cref="Unreachable"/>).</summary>
    internal static bool IsTransient(Exception e, CancellationToken callerToken) => Unreachable(e) is null && e switch
    {
        TimeoutRejectedException or ReplyCutShortException or HttpRequestException or IOException => true,
        ClientResultException c => c.Status is 0 or 408 or 429 or >= 500 || c.InnerException is HttpRequestException or IOException,
        OperationCanceledException => !callerToken.IsCancellationRequested,
        _ => false,
    };

    /// <summary>Why nothing can be reached at the endpoint (its port refuses connections, its host name is unknown), or null when
    /// the failure is something else. A temporary name-server failure is not among them: that one is retried.</summary>
    internal static string? Unreachable(Exception? e) => e switch
    {
        null => null,
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } h
            when Socket(h) is { SocketErrorCode: SocketError.ConnectionRefused } => "the connection was refused (nothing listens there)",
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } h
            when Socket(h) is { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData } => "its host name is unknown",
        ClientResultException { Status: 0 } c => Unreachable(c.InnerException),
        _ => null,
    };

    private static SocketException? Socket(Exception? e) => e is null or SocketException ? e as SocketException : Socket(e.InnerException);

    /// <summary>How long the endpoint asked to wait (<c>retry-after-ms</c>, or <c>Retry-After</c> in seconds or as a date),
    /// or null when it did not say.</summary>
    internal static TimeSpan? RetryAfter(Exception e)
    {
        if (e is not ClientResultException { Status: 429 or 503 } c || c.GetRawResponse() is not { } response)
        {
            return null;
        }
        return RetryAfter(
            response.Headers.TryGetValue("retry-after-ms", out var ms) ? ms : null,
            response.Headers.TryGetValue("Retry-After", out var after) ? after : null,
            DateTimeOffset.UtcNow);
    }

    internal static TimeSpan? RetryAfter(string? milliseconds, string? retryAfter, DateTimeOffset now)
    {
        if (double.TryParse(milliseconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
        {
            return TimeSpan.FromMilliseconds(ms);
        }
        if (double.TryParse(retryAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }
        if (DateTimeOffset.TryParse(retryAfter, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at > now ? at - now : TimeSpan.Zero;
        }
        return null;
    }

    /// <remarks>Only a network failure keeps its inner exception (a System type). An endpoint's error body may echo the API key,
    /// so failures with an HTTP status keep none (the message has the status and the body with the key blanked out); nor do
    /// Polly's rejections, which Orleans cannot carry across a grain call.</remarks>
    private MindUnavailableException? Unavailable(Exception e, int attempts)
    {
        var tries = attempts == 1 ? "1 attempt" : $"{attempts} attempts";
        return e switch
        {
            BrokenCircuitException or IsolatedCircuitException => new(MindUnavailableReason.CircuitOpen,
                $"The LLM endpoint {_endpoint} is failing (circuit open after {_options.BreakAfterFailures} failed calls in a row); "
                + $"calls fail fast for up to {Seconds(_options.BreakDuration)}, then one is let through to test it. Check that the " +
                    "server is up."),
            RateLimiterRejectedException => new(MindUnavailableReason.QueueFull,
                $"Too many turns are waiting for the LLM endpoint {_endpoint} ({_options.MaxQueuedRequests} queued behind "
                + $"{_options.MaxConcurrentRequests} in flight); run fewer sessions or raise MaxConcurrentRequests / MaxQueuedRequests."),
            TimeoutRejectedException or OperationCanceledException => new(MindUnavailableReason.Timeout,
                $"The LLM endpoint {_endpoint} did not finish a reply within {Seconds(_options.AttemptTimeout)} ({tries}); "
                + "check the server's load, or raise AttemptTimeout."),
            ClientResultException { Status: 429 } c
                => new(MindUnavailableReason.RateLimited, RetryAfter(c) is { } wait && wait > _options.MaxRetryDelay
                ? $"The LLM endpoint {_endpoint} is rate limiting (429) and asks to wait {Seconds(wait)}, longer than MaxRetryDelay " +
                    $"({Seconds(_options.MaxRetryDelay)}); "
                    + "slow down, or raise the endpoint's limits."
                : $"The LLM endpoint {_endpoint} kept answering 429 (rate limited) ({tries}); slow down, lower MaxConcurrentRequests, or " +
                    "raise the endpoint's limits."),
            ClientResultException { Status: 401 or 403 } c => new(MindUnavailableReason.EndpointError,
                $"The LLM endpoint {_endpoint} refused the API key ({c.Status}) taken from environment variable " +
                    $"'{_options.ApiKeyVariable}' "
                + $"({(_key is null ? "which is not set" : "which is set")}); check the key and the variable's name."),
            ClientResultException { Status: 404 } c => new(MindUnavailableReason.EndpointError,
                $"The LLM endpoint {_endpoint} answered 404: check the address (it usually ends in /v1) and that it serves model " +
                    $"'{_options.Model}'. {Detail(c)}"),
            ClientResultException { Status: > 0 } c => new(MindUnavailableReason.EndpointError,
                $"The LLM endpoint {_endpoint} answered {c.Status} {Reason(c.Status)} ({tries}). {Detail(c)}"),
            ReplyCutShortException => new(MindUnavailableReason.EndpointError,
                $"The LLM endpoint {_endpoint} cut every reply stream short ({tries}); check the server, or turn streaming off."),
            _ when Unreachable(e) is { } why => new(MindUnavailableReason.Unreachable,
                $"The LLM endpoint {_endpoint} cannot be reached: {why} ({tries}, not retried); check that the server is running "
                + "and that the endpoint address is right."),
            ClientResultException or HttpRequestException or IOException => new(MindUnavailableReason.EndpointError,
                $"The LLM endpoint {_endpoint} could not be reached ({tries}): {Scrub(e.InnerException?.Message ?? e.Message)}", e),
            _ => null,
        };
    }

    private string Detail(ClientResultException c)
    {
        var text = c.GetRawResponse()?.Content?.ToString() ?? "";
        text = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return text.Length == 0 ? "" : $"It said: {Scrub(text.Length > 300 ? text[..300] + "..." : text)}";
    }

    /// <summary>The text with the API key blanked out, in case an endpoint echoes it.</summary>
    private string Scrub(string text) => _key is { Length: >= 4 } key ? text.Replace(key, "[key]", StringComparison.Ordinal) : text;

    private static string Reason(int status) =>
        Enum.IsDefined(typeof(HttpStatusCode), status) ? ((HttpStatusCode)status).ToString() : "";

    private static string Seconds(TimeSpan span) => $"{span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";
}
