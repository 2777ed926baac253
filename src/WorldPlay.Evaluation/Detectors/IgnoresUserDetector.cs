using System.Text.RegularExpressions;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Detectors;

/// <summary>prefs.ignores_user: the user asked something and the reply answers nothing of it: it shares no content word with
/// the question, gives no yes, no or reason, does not turn to the user and asks nothing back.</summary>
public sealed partial class IgnoresUserDetector : IDetector
{
    /// <summary>Questions with fewer content words ("Well?") give too little to judge a reply by.</summary>
    public const int MinQuestionContentWords = 2;

    public const int Severity = 3;

    public string Category => BenchCategory.IgnoresUser;

    /// <summary>Words that answer a question without repeating it.</summary>
    [GeneratedRegex(
        @"\b(?:yes|no|aye|nay|nope|yeah|because|since|perhaps|maybe|never|nothing|nobody|no one|someone|somebody|not|i don't know|" +
        @"who knows|can't say|depends|probably|certainly|of course|sure|fine|why|how)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnswerCue();

    [GeneratedRegex(@"\b(?:you|your|yours|yourself)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecondPerson();

    public IEnumerable<DetectorHit> Detect(Transcript transcript)
    {
        foreach (var (line, index) in transcript.NpcReplies)
        {
            if (transcript.UserLineBefore(index) is not { } user || !user.Text.Contains('?', StringComparison.Ordinal))
            {
                continue;
            }
            var asked = Prose.ContentWords(Questions(user.Text)).Select(w => w.Stem).ToHashSet();
            if (asked.Count < MinQuestionContentWords)
            {
                continue;
            }
            var shared = Prose.ContentWords(line.Text).Any(w => asked.Contains(w.Stem));
            // A question back engages the user even when it shares no word with theirs; only a reply on its own track is flagged.
            if (!shared && !AnswerCue().IsMatch(line.Text) && !SecondPerson().IsMatch(line.Text)
                && !line.Text.Contains('?', StringComparison.Ordinal))
            {
                yield return new DetectorHit(line.Turn, index, line.Speaker, Category, Severity, Evidence.WholeLine(line.Text),
                    $"answers none of the user's question ('{Shorten(user.Text)}'): no shared words, no answer, not addressed to them");
            }
        }
    }

    /// <summary>The sentences of <paramref name="text"/> that ask something.</summary>
    private static string Questions(string text) =>
        string.Join(' ', Prose.Sentences(text).Where(s => s.Text.Contains('?', StringComparison.Ordinal)).Select(s => s.Text));

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
