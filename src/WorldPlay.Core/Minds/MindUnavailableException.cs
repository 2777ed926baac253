namespace WorldPlay.Core.Minds;

/// <summary>Why a mind could not decide a turn.</summary>
public enum MindUnavailableReason
{
    /// <summary>The endpoint failed in a way no retry fixes (refused the key, unknown model, bad request) or kept failing.</summary>
    EndpointError,

    /// <summary>The endpoint did not answer within the per-call timeout, on every attempt.</summary>
    Timeout,

    /// <summary>The endpoint kept answering 429, or asked to wait longer than the mind may wait.</summary>
    RateLimited,

    /// <summary>The endpoint failed too often lately; calls fail fast until the circuit closes again.</summary>
    CircuitOpen,

    /// <summary>More turns are waiting for the endpoint than the queue holds.</summary>
    QueueFull,
}

/// <summary>A mind could not decide a turn; nothing was proposed, so the world is unchanged. The message says why and what
/// to check; it never holds credentials.</summary>
public sealed class MindUnavailableException : Exception
{
    public MindUnavailableException()
    {
    }

    public MindUnavailableException(string message)
        : base(message)
    {
    }

    public MindUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public MindUnavailableException(MindUnavailableReason reason, string message, Exception? inner = null)
        : base(message, inner)
    {
        Reason = reason;
    }

    public MindUnavailableReason Reason { get; }
}
