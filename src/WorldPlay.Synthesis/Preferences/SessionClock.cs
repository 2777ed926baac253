using WorldPlay.Core.Scenes;
using WorldPlay.Evaluation.Detectors;

namespace WorldPlay.Synthesis.Preferences;

/// <summary>How long a session took a person, estimated from what it read and wrote: WorldPlay stores no wall-clock time with a
/// turn, and a measured one (the model's latency) would make collection differ from run to run. Reading runs at
/// <see cref="ReadingPerSecond"/> characters a second (<see cref="HanReadingPerSecond"/> for Han characters), writing the user's
/// own lines at <see cref="TypingPerSecond"/> (<see cref="HanTypingPerSecond"/>), and every turn costs <see cref="TurnSeconds"/>
/// more; every regenerated alternative is read too.</summary>
public static class SessionClock
{
    public const double ReadingPerSecond = 15;
    public const double HanReadingPerSecond = 6;
    public const double TypingPerSecond = 4;
    public const double HanTypingPerSecond = 1.5;
    public const double TurnSeconds = 2;

    /// <summary>The estimated seconds of a session made of <paramref name="turns"/>, in which the user also read
    /// <paramref name="alternatives"/>.</summary>
    public static double Seconds(IEnumerable<TurnRecord> turns, IEnumerable<string> alternatives)
    {
        ArgumentNullException.ThrowIfNull(turns);
        ArgumentNullException.ThrowIfNull(alternatives);
        var seconds = 0.0;
        foreach (var turn in turns)
        {
            var text = $"{turn.Speech} {turn.Narration}";
            seconds += TurnSeconds + (turn.Role == TurnRole.User ? Writing(text) : Reading(text));
        }
        seconds += alternatives.Sum(a => TurnSeconds + Reading(a));
        return Math.Round(seconds, 1);
    }

    private static double Reading(string text)
    {
        var han = Cjk.HanCount(text);
        return (han / HanReadingPerSecond) + ((text.Length - han) / ReadingPerSecond);
    }

    private static double Writing(string text)
    {
        var han = Cjk.HanCount(text);
        return (han / HanTypingPerSecond) + ((text.Length - han) / TypingPerSecond);
    }
}
