using System.Text.RegularExpressions;

namespace WorldPlay.Minds;

/// <summary>How a simulated user broke.</summary>
public enum UserSimulatorBreakKind
{
    /// <summary>It wrote a character's line ("Mira: ...") or spoke as that character in the first person ("I'm Mira").</summary>
    SpokeAsCharacter,

    /// <summary>It said the same thing, or nearly, over and over.</summary>
    Loop,
}

/// <summary>Why a self-play session's simulated user is not to be trusted, at which line (an index into the lines checked).
/// The bench discards such a session and counts it: its transcript measures the simulator, not the characters.</summary>
public sealed record UserSimulatorBreak(UserSimulatorBreakKind Kind, int Line, string Reason)
{
    /// <summary>Consecutive near-same user lines that make a loop.</summary>
    public const int RunLength = 3;

    /// <summary>The window of user lines in which more than half being repeats makes a loop.</summary>
    public const int Window = 10;

    /// <summary>Two lines whose word sets overlap this much (Jaccard) are near-same.</summary>
    public const double NearSame = 0.8;

    /// <summary>Lines of at most this many words are back-channel ("ok", "go on"): a terse or "ok-only" user repeats them by
    /// design, so they never count towards a loop.</summary>
    public const int BackChannelWords = 3;

    /// <summary>The first break in <paramref name="lines"/> (in transcript order; a line is the user's when its role is
    /// <c>user</c>), or null when the simulated user held up. Loops are checked over every window of the session, as a
    /// running check over the last ten user lines would have seen them.</summary>
    public static UserSimulatorBreak? Detect(
        IReadOnlyList<(string SpeakerRole, string SpeakerName, string Text)> lines, string userName, IReadOnlyList<string> npcNames)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(npcNames);
        var others = npcNames.Where(n => !string.IsNullOrWhiteSpace(n)
            && !string.Equals(n.Trim(), userName?.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(n => n.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var userLines = new List<(int Index, HashSet<string> Words)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var (role, _, text) = lines[i];
            if (!string.Equals(role, "user", StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            if (others.FirstOrDefault(name => SpeaksAs(text, name)) is { } character)
            {
                return new UserSimulatorBreak(UserSimulatorBreakKind.SpokeAsCharacter, i,
                    $"The user simulator spoke as {character}: \"{Excerpt(text)}\".");
            }
            userLines.Add((i, Words(text)));
            if (Loop(userLines) is { } reason)
            {
                return new UserSimulatorBreak(UserSimulatorBreakKind.Loop, i, reason);
            }
        }
        return null;
    }

    /// <summary>A line of the text opens with the character's name and a colon ("Mira:", "**Mira:**", "[Mira] (softly):"), or
    /// the user names itself as the character in the first person ("I'm Mira", "I am Mira", "my name is Mira", "as Mira, I").</summary>
    private static bool SpeaksAs(string text, string name)
    {
        var n = Regex.Escape(name);
        const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant;
        return Regex.IsMatch(text, $@"^[\s*_\[(""']*{n}[\]*_)""']*\s*(\([^)\n]*\)\s*)?[:：]", Options, TimeSpan.FromSeconds(1))
            || Regex.IsMatch(text, $@"\b(I\s+am|I['’]m|my\s+name\s+is)\s+{n}\b(?!['’]s)", Options, TimeSpan.FromSeconds(1))
            || Regex.IsMatch(text, $@"\bas\s+{n}\s*,\s*I\b", Options, TimeSpan.FromSeconds(1));
    }

    private static string? Loop(List<(int Index, HashSet<string> Words)> userLines)
    {
        var last = userLines[^1].Words;
        if (last.Count <= BackChannelWords)
        {
            return null;
        }
        if (userLines.Count >= RunLength && userLines.TakeLast(RunLength).All(l => Same(l.Words, last)))
        {
            return $"The user simulator said the same line {RunLength} times in a row: \"{string.Join(' ', last)}\".";
        }
        if (userLines.Count < Window)
        {
            return null;
        }
        var window = userLines.TakeLast(Window).Select(l => l.Words).ToList();
        var repeats = window.Where((w, i) => w.Count > BackChannelWords && window.Take(i).Any(earlier => Same(earlier, w))).Count();
        return repeats * 2 > Window ? $"{repeats} of the user simulator's last {Window} lines repeat an earlier one." : null;
    }

    private static bool Same(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return a.Count == b.Count;
        }
        var shared = a.Count(b.Contains);
        return shared / (double)(a.Count + b.Count - shared) >= NearSame;
    }

    private static HashSet<string> Words(string text) =>
        [.. Regex.Split(text.ToLowerInvariant(), @"[^\p{L}\p{N}']+").Where(w => w.Length > 0)];

    private static string Excerpt(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
