using Orleans.Runtime;
using Polly;
using Polly.Retry;
using WorldPlay.Contracts;

namespace WorldPlay.Client;

/// <summary>How the client rides out a silo dying or storage going briefly away: retries with jittered backoff for about a
/// minute on failures after which a retry is known to be safe (every turn is idempotent by its number).</summary>
public static class Resilience
{
    /// <summary>The attempts after the first; with the delays below they cover about a minute, long enough for a cluster to
    /// notice a dead silo and for the scene to come back on another one.</summary>
    public const int Retries = 10;

    /// <summary>The default pipeline: retries quietly.</summary>
    public static ResiliencePipeline Pipeline { get; } = Create();

    /// <summary>A pipeline that tells <paramref name="onRetry"/> (one line) and <paramref name="onInterrupted"/> (the failure itself,
    /// for callers that count failures by type) before each retry.</summary>
    public static ResiliencePipeline Create(Action<string>? onRetry = null, Action<Exception>? onInterrupted = null) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = Retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(500),
                MaxDelay = TimeSpan.FromSeconds(10),
                OnRetry = args =>
                {
                    if (args.Outcome.Exception is { } failure)
                    {
                        onInterrupted?.Invoke(failure);
                    }
                    if (onRetry is not null && args.Outcome.Exception is { } e)
                    {
                        var first = e.Message.Split('\n', 2)[0].Trim();
                        // Long enough for the cause, which comes after the scene's name.
                        var cause = first.Length > 300 ? first[..300] + "..." : first;
                        onRetry(
                            $"turns interrupted ({e.GetType().Name}: {cause}); "
                            + $"retry {args.AttemptNumber + 1} of {Retries} in {args.RetryDelay.TotalSeconds:0.#} s");
                    }
                    return default;
                },
            })
            .Build();

    /// <summary>True for failures that leave nothing half-done: an interrupted turn, an unavailable silo or gateway, a timeout.</summary>
    public static bool IsTransient(Exception e) => e is TurnInterruptedException
        or SiloUnavailableException
        or OrleansMessageRejectionException
        or GatewayTooBusyException
        or Orleans.Runtime.Messaging.ConnectionFailedException
        or TimeoutException
        or OrleansException { InnerException: TimeoutException };
}
