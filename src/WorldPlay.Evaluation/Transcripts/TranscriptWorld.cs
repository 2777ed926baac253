using System.Collections.Immutable;
using WorldPlay.Core;

namespace WorldPlay.Evaluation.Transcripts;

/// <summary>The world state at each line of a transcript: the setting's starting state with the events of every earlier line
/// folded in, so that detectors judge a reply against what the world held when it was written.</summary>
public static class TranscriptWorld
{
    /// <summary>The state before each line (index as in <see cref="Transcript.Lines"/>), or null when the transcript's setting
    /// did not come from a WorldPlay world.</summary>
    public static ImmutableArray<WorldState>? StatesBefore(Transcript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        if (transcript.Setting?.Start is not { } state)
        {
            return null;
        }
        var states = ImmutableArray.CreateBuilder<WorldState>(transcript.Lines.Length);
        foreach (var line in transcript.Lines)
        {
            states.Add(state);
            foreach (var e in line.Events.IsDefault ? [] : line.Events)
            {
                state = Fold(state, e);
            }
        }
        return states.MoveToImmutable();
    }

    private static WorldState Fold(WorldState state, WorldEvent e)
    {
        try
        {
            return state.Apply(e);
        }
        catch (Exception error) when (error is KeyNotFoundException or ArgumentException or NotSupportedException)
        {
            // A transcript may hold only part of a world's events (written by hand, or cut from a longer run), so an event naming
            // what the fold never saw is passed over rather than failing the whole score.
            return state;
        }
    }
}
