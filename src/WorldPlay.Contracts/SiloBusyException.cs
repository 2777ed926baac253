namespace WorldPlay.Contracts;

/// <summary>The silo's turn gate could not admit a turn: as many turns as it runs at once were running and the turn waited its
/// limit, or the waiting line was full. Nothing of the turn was recorded, so calling again is safe; wait
/// <see cref="RetryAfterMs"/> first.</summary>
[GenerateSerializer, Alias("worldplay.SiloBusyException")]
public sealed class SiloBusyException : Exception
{
    public SiloBusyException()
    {
    }

    public SiloBusyException(string message)
        : base(message)
    {
    }

    public SiloBusyException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>A refusal with the gate's counts when it refused, and how long to wait before calling again.</summary>
    public SiloBusyException(int running, int waiting, int retryAfterMs)
        : base($"silo busy: {running} turns running, {waiting} waiting; retry after {retryAfterMs} ms")
    {
        (Running, Waiting, RetryAfterMs) = (running, waiting, retryAfterMs);
    }

    /// <summary>Turns the gate was running when it refused this one.</summary>
    [Id(0)]
    public int Running { get; init; }

    /// <summary>Turns waiting in the gate's line when it refused this one.</summary>
    [Id(1)]
    public int Waiting { get; init; }

    /// <summary>How long the caller should wait before calling again, in milliseconds.</summary>
    [Id(2)]
    public int RetryAfterMs { get; init; }

    /// <summary><see cref="RetryAfterMs"/> as a span.</summary>
    public TimeSpan RetryAfter => TimeSpan.FromMilliseconds(RetryAfterMs);
}
