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

    /// <summary>Words of the fragment that opens an answer to a what/who/where question ("Coolant hammer.").</summary>
    public const int MaxFragmentWords = 3;

    /// <summary>Letters a word of an English fragment answer needs: "Hmm." and "Well." are sounds, "Coolant hammer." names a thing.
    /// </summary>
    public const int MinFragmentWordLength = 5;

    /// <summary>Han characters of the clause that opens a Chinese answer to a 什么/谁/哪 question (秘方，...).</summary>
    public const int MaxFragmentHan = 4;

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

    /// <summary>Chinese answers without repeating the question: yes (是的, 对, 没错, and 行, 好, 成 standing alone before a
    /// comma or a stop), no and negation (不, 没), reasons, maybes, of course, not knowing.</summary>
    [GeneratedRegex(
        @"是(?:的|啊|呀|吗)|不|没|因为|也许|或许|可能|大概|恐怕|当然|对|没错|好的|很好|好多了|还行|差不多|知道|说不准|难说|为什么|怎么|" +
        @"(?<!\p{IsCJKUnifiedIdeographs})(?:行|好|成)(?=[，,。！!])",
        RegexOptions.CultureInvariant)]
    private static partial Regex ChineseAnswerCue();

    [GeneratedRegex(@"[你您妳]", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseSecondPerson();

    /// <summary>A question pointing back to what was just said: "Is that okay?", "Does it hurt?", 这样行吗, 那样可以吗.</summary>
    [GeneratedRegex(@"\b(?:that|this|it)\b|这样|那样|这么做|那么做", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Anaphoric();

    /// <summary>Questions asking for a thing, a person, a place or a time, which a bare noun can answer.</summary>
    [GeneratedRegex(@"\b(?:what|which|who|whom|whose|where|when)\b|什么|哪|谁|几|多少", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhQuestion();

    /// <summary>A word that makes an English opening a clause, not a fragment: a pronoun subject or a finite verb of being.</summary>
    [GeneratedRegex(@"\b(?:i|you|he|she|we|they|it|is|are|was|were|am|do|does|did|have|has|had|will|would|can|could)\b|'",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FiniteVerb();

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
    /// answers, engages or follows no question. A question put by name to another character is not this speaker's to answer; a
    /// short fragment opening the reply after a what/who/where question is an answer in other words ("Coolant hammer."); a reply
    /// on its own track does not answer by an answer cue or a "you" its last reply already had.</summary>
    public static TranscriptLine? Ignores(Transcript transcript, int index)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        // Only the spoken question is judged: "*throws it again* Better?" asks about the throw, which an answer need not name.
        if (transcript.UserLineBefore(index) is not { } user || Questions(Prose.SpeechOnly(user.Text)) is not { Length: > 0 } questions)
        {
            return null;
        }
        var asked = Prose.ContentTokens(questions).Select(w => w.Stem).ToHashSet();
        if (asked.Count < MinQuestionContentWords && Anaphoric().IsMatch(questions))
        {
            // "Oh, my brother wants to come. Is that okay?": the question asks about what the user just said.
            questions = Prose.SpeechOnly(user.Text);
            asked = Prose.ContentTokens(questions).Select(w => w.Stem).ToHashSet();
        }
        var reply = transcript.Lines[index];
        if (asked.Count < MinQuestionContentWords || AddressesAnother(transcript, user.Text, reply.Speaker))
        {
            return null;
        }
        var text = reply.Text;
        var askedCharacters = ContentCharacters(questions);
        var sharedCharacters = ContentCharacters(text).Count(askedCharacters.Contains);
        var shared = Prose.ContentTokens(text).Any(w => asked.Contains(w.Stem))
            || (sharedCharacters >= MinSharedHanCharacters && sharedCharacters >= MinSharedHanShare * askedCharacters.Count);
        var own = OwnTrack(transcript, index);
        var addressed = (SecondPerson().IsMatch(text) || ChineseSecondPerson().IsMatch(text)) && own is null;
        var cue = NewCue(AnswerCue(), text, own) || NewCue(ChineseAnswerCue(), text, own);
        // A question back engages the user even when it shares no word with theirs; only a reply on its own track is flagged.
        if (!shared && !cue && !addressed && !FragmentAnswer(questions, text, SpeakerNames(transcript, reply.Speaker))
            && !text.Contains('?', StringComparison.Ordinal)
            && !text.Contains('？', StringComparison.Ordinal))
        {
            return user;
        }
        return null;
    }

    /// <summary>True when <paramref name="cue"/> finds an answer cue in <paramref name="text"/> that the speaker's own last reply
    /// (<paramref name="own"/>, when the reply carries on its track) did not already have: "Good. Again." said twice answers nothing
    /// the second time.</summary>
    private static bool NewCue(Regex cue, string text, TranscriptLine? own)
    {
        var before = own is null ? [] : cue.Matches(own.Text).Select(m => m.Value.ToLowerInvariant()).ToHashSet();
        return cue.Matches(text).Any(m => !before.Contains(m.Value.ToLowerInvariant()));
    }

    /// <summary>True when the user's line addresses by name or title a character of the scene (<see cref="BenchCharacter.Names"/>)
    /// other than <paramref name="speaker"/>, and not the speaker: a question put to the doctor is not the widow's to answer.</summary>
    private static bool AddressesAnother(Transcript transcript, string userText, string speaker)
    {
        var characters = transcript.Setting?.Characters.Where(c => !c.IsUser).ToList() ?? [];
        var speakerNames = SpeakerNames(transcript, speaker);
        var others = characters.Where(c => !c.AnswersTo(speaker)).SelectMany(WorldGrounding.FindableNames)
            .Concat(transcript.Lines.Where(l => l.IsNpc && l.Speaker != speaker).Select(l => l.Speaker))
            .Where(n => !speakerNames.Contains(n, StringComparer.OrdinalIgnoreCase)).ToList();
        return others.Count > 0 && Vocative(others).IsMatch(userText) && !Vocative(speakerNames).IsMatch(userText);
    }

    /// <summary>The names <paramref name="speaker"/> goes by: the speaker's label, its words, and the setting's names for it.</summary>
    private static List<string> SpeakerNames(Transcript transcript, string speaker) =>
        [.. (transcript.Setting?.Characters.Where(c => c.AnswersTo(speaker)).SelectMany(WorldGrounding.FindableNames) ?? [])
            .Append(speaker).Concat(speaker.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 2))];

    /// <summary>A name set off as a vocative: opening a sentence before a comma or an exclamation ("Commander, what...",
    /// 顾医生，...), or closing one after a comma ("..., Dax?").</summary>
    private static Regex Vocative(IEnumerable<string> names)
    {
        var pattern = WorldGrounding.NamePattern(names);
        return new Regex($@"(?:^|[.!?*""“”「」（）()。！？…]\s*){pattern}\s*[,，!！]|[,，]\s*{pattern}\s*[.?!。？！]",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    /// <summary>True when <paramref name="questions"/> asks what, which, who, where or when (什么, 哪, 谁, 几, 多少) and the reply's
    /// speech opens with a fragment of at most <see cref="MaxFragmentWords"/> words (<see cref="MaxFragmentHan"/> Han characters)
    /// carrying content: a named thing given in answer ("Coolant hammer.", 秘方。) answers in words the question did not use.</summary>
    private static bool FragmentAnswer(string questions, string text, IEnumerable<string> speakerNames)
    {
        if (!WhQuestion().IsMatch(questions))
        {
            return false;
        }
        var first = Prose.Sentences(text).FirstOrDefault(s => !s.IsNarration).Text ?? "";
        var opening = Regex.Split(first, "[，,；;：:]")[0];
        // "Harriet smiles softly." is the speaker narrated without asterisks, and "Hmm." a sound, not a named thing.
        return Cjk.HanCount(opening) > 0
            ? Cjk.HanCount(opening) <= MaxFragmentHan && Cjk.ContentBigrams(opening).Any()
            : Prose.Words(opening).Length <= MaxFragmentWords
                && Prose.ContentWords(opening).Any(w => w.Text.Length >= MinFragmentWordLength)
                && !FiniteVerb().IsMatch(opening)
                && !Regex.IsMatch(opening, WorldGrounding.NamePattern(speakerNames), RegexOptions.IgnoreCase);
    }

    /// <summary>The sentences of <paramref name="text"/> that ask something: with a question mark of either width, or (in Chinese)
    /// a question word.</summary>
    private static string Questions(string text) =>
        string.Join(' ', Prose.Sentences(text).Where(s => Cjk.IsQuestion(s.Text)).Select(s => s.Text));

    /// <summary>The speaker's last reply before the user's line when the reply at <paramref name="index"/> shares
    /// <see cref="MinOwnTrackWords"/> content words with it: it carries on where it was, as if nothing had been asked; else null.
    /// </summary>
    private static TranscriptLine? OwnTrack(Transcript transcript, int index)
    {
        var reply = transcript.Lines[index];
        var before = transcript.Lines.Take(index).LastOrDefault(l => l.IsNpc && l.Speaker == reply.Speaker);
        if (before is null)
        {
            return null;
        }
        var earlier = Prose.ContentTokens(before.Text).Select(w => w.Stem).ToHashSet();
        return Prose.ContentTokens(reply.Text).Select(w => w.Stem).Distinct().Count(earlier.Contains) >= MinOwnTrackWords ? before : null;
    }

    private static HashSet<char> ContentCharacters(string text) =>
        [.. text.Where(c => Cjk.IsHan(c) && !Cjk.FunctionCharacters.Contains(c))];

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
