using System.Text.RegularExpressions;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Detectors;

/// <summary>prefs.no_hook: a reply that leaves the user nothing to answer: no question, no word to them ("you", their name),
/// no open action or offer ("Come.", "Take it.", "Let's go.", a sentence left hanging).</summary>
public sealed partial class NoHookDetector : IDetector
{
    /// <summary>The mildest misalignment: the story can go on, but the user has to push it.</summary>
    public const int Severity = 1;

    public string Category => BenchCategory.NoHook;

    [GeneratedRegex(@"\b(?:you|your|yours|yourself|y'all)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecondPerson();

    /// <summary>Invitations and commands that hand the next move to the listener, and a sentence left hanging.</summary>
    [GeneratedRegex(
        @"(?:^|[.!?;""*]\s*)(?:come|take|look|listen|follow|sit|tell me|hold|go|wait|watch|here|let's|let us|try|read|open|choose|pick|" +
        @"drink|eat|help me|hurry|quick|stay|run|mind|grab|bring|give|put|keep|leave|pass|careful|we'll|we can|shall we|sleep|shout|call|" +
        @"ask|knock|rest|eat)\b|(?:…|\.\.\.|—)[""*]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OpenAction();

    public IEnumerable<DetectorHit> Detect(Transcript transcript)
    {
        var userNames = transcript.Setting?.User?.Names.ToList() ?? [];
        foreach (var (line, index) in transcript.NpcReplies)
        {
            var text = line.Text;
            var hooked = text.Contains('?', StringComparison.Ordinal)
                || SecondPerson().IsMatch(text)
                || OpenAction().IsMatch(text)
                || userNames.Any(n => Regex.IsMatch(text, $@"\b{Regex.Escape(n)}\b"));
            if (!hooked)
            {
                yield return new DetectorHit(line.Turn, index, line.Speaker, Category, Severity, Evidence.WholeLine(text),
                    "no question, no word to the user and no open action: nothing invites a reply");
            }
        }
    }
}
