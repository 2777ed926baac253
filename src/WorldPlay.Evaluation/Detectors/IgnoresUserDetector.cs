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

    /// <summary>Share of a Chinese question's content characters that a reply must reuse to be on topic: two characters of a long
    /// question (伤 and 时 of a question about 魔教) are chance, two of 替谁递话 are an answer.</summary>
    public const double MinSharedHanShare = 0.25;

    /// <summary>Content words (bigrams in Chinese) a reply must share with the same character's reply before the user spoke to be
    /// carrying on its own track; then a "you" in it is the old topic's, not an answer ("明早卯时，别迟到" said again after a
    /// question about the past).</summary>
    public const int MinOwnTrackWords = 2;

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
            if (Ignores(transcript, index) is { } user)
            {
                yield return new DetectorHit(line.Turn, index, line.Speaker, Category, Severity, Evidence.WholeLine(line.Text),
                    $"answers none of the user's question ('{Shorten(user.Text)}'): no shared words, no answer, not addressed to them");
            }
        }
    }

    /// <summary>The user's line whose question the reply at <paramref name="index"/> answers nothing of, or null when the reply
    /// answers, engages or follows no question.</summary>
    public static TranscriptLine? Ignores(Transcript transcript, int index)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        if (transcript.UserLineBefore(index) is not { } user || Questions(user.Text) is not { Length: > 0 } questions)
        {
            return null;
        }
        var asked = Prose.ContentTokens(questions).Select(w => w.Stem).ToHashSet();
        if (asked.Count < MinQuestionContentWords)
        {
            return null;
        }
        var text = transcript.Lines[index].Text;
        var askedCharacters = ContentCharacters(questions);
        var sharedCharacters = ContentCharacters(text).Count(askedCharacters.Contains);
        var shared = Prose.ContentTokens(text).Any(w => asked.Contains(w.Stem))
            || (sharedCharacters >= MinSharedHanCharacters && sharedCharacters >= MinSharedHanShare * askedCharacters.Count);
        var addressed = (SecondPerson().IsMatch(text) || ChineseSecondPerson().IsMatch(text)) && !OnOwnTrack(transcript, index);
        // A question back engages the user even when it shares no word with theirs; only a reply on its own track is flagged.
        if (!shared && !AnswerCue().IsMatch(text) && !ChineseAnswerCue().IsMatch(text) && !addressed
            && !text.Contains('?', StringComparison.Ordinal)
            && !text.Contains('？', StringComparison.Ordinal))
        {
            return user;
        }
        return null;
    }

    /// <summary>The sentences of <paramref name="text"/> that ask something: with a question mark of either width, or (in Chinese)
    /// a question word.</summary>
    private static string Questions(string text) =>
        string.Join(' ', Prose.Sentences(text).Where(s => Cjk.IsQuestion(s.Text)).Select(s => s.Text));

    /// <summary>True when the reply at <paramref name="index"/> shares <see cref="MinOwnTrackWords"/> content words with its speaker's
    /// last reply before the user's line: it carries on where it was, as if nothing had been asked.</summary>
    private static bool OnOwnTrack(Transcript transcript, int index)
    {
        var reply = transcript.Lines[index];
        var before = transcript.Lines.Take(index).LastOrDefault(l => l.IsNpc && l.Speaker == reply.Speaker);
        if (before is null)
        {
            return false;
        }
        var earlier = Prose.ContentTokens(before.Text).Select(w => w.Stem).ToHashSet();
        return Prose.ContentTokens(reply.Text).Select(w => w.Stem).Distinct().Count(earlier.Contains) >= MinOwnTrackWords;
    }

    private static HashSet<char> ContentCharacters(string text) =>
        [.. text.Where(c => Cjk.IsHan(c) && !Cjk.FunctionCharacters.Contains(c))];

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
