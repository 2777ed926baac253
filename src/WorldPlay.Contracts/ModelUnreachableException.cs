namespace WorldPlay.Contracts;

/// <summary>A turn's mind cannot reach its language model at all (the endpoint refuses connections, or its host name is
/// unknown). Nothing of the turn was recorded; unlike <see cref="TurnInterruptedException"/>, calling again at once fails
/// the same way, so callers should not retry until the endpoint is fixed.</summary>
[GenerateSerializer, Alias("worldplay.ModelUnreachableException")]
public sealed class ModelUnreachableException : Exception
{
    public ModelUnreachableException()
    {
    }

    public ModelUnreachableException(string message)
        : base(message)
    {
    }

    public ModelUnreachableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
