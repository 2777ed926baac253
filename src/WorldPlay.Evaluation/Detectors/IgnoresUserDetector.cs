using System.Text.RegularExpressions;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Detectors;

/// <summary>prefs.ignores_user: the user asked something and the reply answers nothing of it: it shares no content word with
/// the question, gives no yes, no or reason, does not turn to the user and asks nothing back. A Chinese question (？, 吗, 呢, 什么,
/// 怎么, 为什么, 哪, 谁, 几) is read in character bigrams; a Chinese answer cue is 是的, 不, 没, 因为, 也许, 当然, 对...</summary>
public sealed partial class IgnoresUserDetector : IDetector
{
    /// <summary>Questions with fewer content words ("Well?") give too little to judge a reply by; in Chinese the content words are
    /// content bigrams (<see cref="Prose.ContentTokens"/>).</summary>
    public const int MinQuestionContentWords = 2;

    /// <summary>Content characters of a Chinese question that a reply sharing no bigram with it must still share to be on topic: a
    /// Chinese answer reuses the question's characters in other words (问"你替谁递的话", 答"替宸妃娘娘递的").</summary>
    public const int MinSharedHanCharacters = 2;

    public const int Severity = 3;

    public string Category => BenchCategory.IgnoresUser;

    /// <summary>Words that answer a question without repeating it.</summary>
    [GeneratedRegex(
        @"\b(?:yes|no|aye|nay|nope|yeah|because|since|perhaps|maybe|never|nothing|nobody|no one|someone|somebody|not|i don't know|" +
        @"who knows|can't say|depends|probably|certainly|of course|sure|fine|why|how|good|better|worse|all right|right|exactly|" +
        @"almost|correct|okay|ok)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnswerCue();

    [GeneratedRegex(@"\b(?:you|your|yours|yourself)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecondPerson();

    /// <summary>Chinese answers without repeating the question: yes (是的, 对, 没错), no and negation (不, 没), reasons, maybes,
    /// of course, not knowing.</summary>
    [GeneratedRegex(
        @"是(?:的|啊|呀|吗)|不|没|因为|也许|或许|可能|大概|恐怕|当然|对|没错|好的|很好|好多了|还行|差不多|知道|说不准|难说|为什么|怎么",
        RegexOptions.CultureInvariant)]
    private static partial Regex ChineseAnswerCue();

    [GeneratedRegex(@"[你您妳]", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseSecondPerson();

    public IEnumerable<DetectorHit> Detect(Transcript transcript)
    {
        foreach (var (line, index) in transcript.NpcReplies)
        {
            if (transcript.UserLineBefore(index) is not { } user || Questions(user.Text) is not { Length: > 0 } questions)
            {
                continue;
            }
            var asked = Prose.ContentTokens(questions).Select(w => w.Stem).ToHashSet();
            if (asked.Count < MinQuestionContentWords)
            {
                continue;
            }
            var text = line.Text;
            var askedCharacters = ContentCharacters(questions);
            var shared = Prose.ContentTokens(text).Any(w => asked.Contains(w.Stem))
                || ContentCharacters(text).Count(askedCharacters.Contains) >= MinSharedHanCharacters;
            // A question back engages the user even when it shares no word with theirs; only a reply on its own track is flagged.
            if (!shared && !AnswerCue().IsMatch(text) && !ChineseAnswerCue().IsMatch(text) && !SecondPerson().IsMatch(text)
                && !ChineseSecondPerson().IsMatch(text) && !text.Contains('?', StringComparison.Ordinal)
                && !text.Contains('？', StringComparison.Ordinal))
            {
                yield return new DetectorHit(line.Turn, index, line.Speaker, Category, Severity, Evidence.WholeLine(text),
                    $"answers none of the user's question ('{Shorten(user.Text)}'): no shared words, no answer, not addressed to them");
            }
        }
    }

    /// <summary>The sentences of <paramref name="text"/> that ask something: with a question mark of either width, or (in Chinese)
    /// a question word.</summary>
    private static string Questions(string text) =>
        string.Join(' ', Prose.Sentences(text).Where(s => Cjk.IsQuestion(s.Text)).Select(s => s.Text));

    private static HashSet<char> ContentCharacters(string text) =>
        [.. text.Where(c => Cjk.IsHan(c) && !Cjk.FunctionCharacters.Contains(c))];

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
