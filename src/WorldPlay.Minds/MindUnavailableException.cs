namespace WorldPlay.Minds;

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

    /// <summary>Nothing can be reached at the endpoint (connection refused, unknown host): not retried, since a retry a second
    /// later meets the same closed port or missing name.</summary>
    Unreachable,
}

/// <summary>A mind could not decide a turn; nothing was proposed, so the world is unchanged. The message says why and what
/// to check; it never holds credentials.</summary>
/// <remarks>Not in a <c>WorldPlay.Core</c> namespace on purpose: Orleans sends those types as JSON, which cannot carry an
/// exception. Orleans' own exception codec carries it (type, message, reason) across grain calls once
/// <c>ExceptionSerializationOptions.SupportedNamespacePrefixes</c> includes <c>WorldPlay.Minds</c>.</remarks>
public sealed class MindUnavailableException : Exception
{
    // The reason is kept in Data, which Orleans' exception codec carries across grain calls (it carries no other fields).
    private const string ReasonKey = "worldplay.mind-unavailable-reason";

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
        Data[ReasonKey] = reason.ToString();
    }

    public MindUnavailableReason Reason =>
        Data[ReasonKey] is string text
            && Enum.TryParse<MindUnavailableReason>(text, out var reason) ? reason : MindUnavailableReason.EndpointError;
}
