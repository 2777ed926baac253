namespace WorldPlay.Contracts;

/// <summary>A turn could not be finished (a silo died, storage did not answer, another writer got there first).
/// Nothing is half-recorded: the scene resumes from its last saved turn, so calling again is safe.</summary>
[GenerateSerializer, Alias("worldplay.TurnInterruptedException")]
public sealed class TurnInterruptedException : Exception
{
    public TurnInterruptedException()
    {
    }

    public TurnInterruptedException(string message)
        : base(message)
    {
    }

    public TurnInterruptedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
