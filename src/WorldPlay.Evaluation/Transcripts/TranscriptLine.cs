using System.Collections.Immutable;
using WorldPlay.Core;

namespace WorldPlay.Evaluation.Transcripts;

/// <summary>Who wrote a transcript line: a character played by the model under test, the user, or the narrator.</summary>
public enum SpeakerRole
{
    Npc,
    User,
    Narrator,
}

/// <summary>One line of a transcript: a turn's words, who said them, and (when the transcript came from WorldPlay) the world events of that
/// turn.</summary>
public sealed record TranscriptLine(int Turn, string Speaker, SpeakerRole Role, string Text, ImmutableArray<WorldEvent> Events)
{
    /// <summary>True for a line the scenario gave rather than the model wrote (a benchmark's opening message played as turn 1):
    /// context for the lines after it, never scored.</summary>
    public bool Given { get; init; }

    /// <summary>A line the model under test wrote as a character: the lines the bench scores.</summary>
    public bool IsNpc => Role == SpeakerRole.Npc && !Given;
}

/// <summary>A whole session: its setting (when known) and its lines in order.</summary>
public sealed record Transcript(string Name, BenchSetting? Setting, ImmutableArray<TranscriptLine> Lines)
{
    /// <summary>The lines the bench scores: those the model under test wrote.</summary>
    public IEnumerable<TranscriptLine> NpcLines => Lines.Where(l => l.IsNpc);

    /// <summary>The NPC lines with their index in <see cref="Lines"/>, which hits carry to say which line they are about.</summary>
    public IEnumerable<(TranscriptLine Line, int Index)> NpcReplies => Lines.Select((l, i) => (l, i)).Where(x => x.l.IsNpc);

    /// <summary>True when at least one line carries world events, so detectors can read real world-state changes.</summary>
    public bool HasEvents => Lines.Any(l => !l.Events.IsDefaultOrEmpty);

    /// <summary>The last user line before line <paramref name="index"/>, or null.</summary>
    public TranscriptLine? UserLineBefore(int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (Lines[i].Role == SpeakerRole.User)
            {
                return Lines[i];
            }
            if (Lines[i].IsNpc)
            {
                return null;
            }
        }
        return null;
    }
}
