using Orleans.Runtime;
using Polly;
using Polly.Retry;
using WorldPlay.Contracts;

namespace WorldPlay.Client;

/// <summary>How the client rides out a silo dying or storage going briefly away: retries with jittered backoff for about a
/// minute on failures after which a retry is known to be safe (every turn is idempotent by its number).</summary>
public static class Resilience
{
    /// <summary>The pipeline the client library wraps its calls in.</summary>
    public static ResiliencePipeline Pipeline { get; } = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
            MaxRetryAttempts = 12,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(250),
            MaxDelay = TimeSpan.FromSeconds(8),
        })
        .Build();

    /// <summary>True for failures that leave nothing half-done: an interrupted turn, an unavailable silo or gateway, a timeout.</summary>
    public static bool IsTransient(Exception e) => e is TurnInterruptedException
        or SiloUnavailableException
        or OrleansMessageRejectionException
        or GatewayTooBusyException
        or TimeoutException
        or OrleansException { InnerException: TimeoutException };
}
