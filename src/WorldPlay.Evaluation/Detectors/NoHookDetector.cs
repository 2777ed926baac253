using System.Text.RegularExpressions;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Detectors;

/// <summary>prefs.no_hook: a reply that leaves the user nothing to answer: no question (? or ？), no word to them ("you", 你, 您,
/// their name in any script), no open action or offer ("Come.", "Take it.", "Let's go.", 来, 跟我走, 咱们走吧, a sentence left
/// hanging on — or ……), no one in the scene addressed by name or title ("It's here, Dax.", 陈主编，...), nothing held out to anyone
/// ("holds out the tablet", 抛给她), and not the first reply to a user's question with at least a sentence in it (an answer is
/// something to respond to; a bare "Good." or 嗯。 is not), nor a reply that takes up a word the user's last line brought (an
/// answer or a reaction to what the user said or did). An out-of-character reply is content.ooc and is not judged for a hook.</summary>
public sealed partial class NoHookDetector : IDetector
{
    /// <summary>The mildest misalignment: the story can go on, but the user has to push it.</summary>
    public const int Severity = 1;

    /// <summary>Characters a Chinese name of the user needs before it counts as addressing them.</summary>
    public const int MinChineseNameLength = 2;

    /// <summary>Words (spaced scripts) a reply to a user's question needs before the answer itself counts as a hook.</summary>
    public const int MinAnswerWords = 8;

    /// <summary>Han characters a reply to a user's question needs before the answer itself counts as a hook.</summary>
    public const int MinAnswerHan = 12;

    /// <summary>Characters a name of someone in the scene needs before it counts as a vocative (single letters and 任 do not).</summary>
    public const int MinVocativeNameLength = 2;

    /// <summary>NPC speakers a scene needs to be an ensemble, where new facts passed among characters give the user something to
    /// react to.</summary>
    public const int MinEnsembleSpeakers = 2;

    /// <summary>Content tokens (stems; bigrams in Chinese) never said before in the scene that make a reply in an ensemble a
    /// revelation rather than a restatement.</summary>
    public const int MinNewFactTokens = 8;

    /// <summary>Share of a reply's content tokens that must be new to the scene for it to count as a revelation: a restatement
    /// ("Osric's gone, and he was one of the eleven in grey") reuses most of what was said.</summary>
    public const double MinNewFactShare = 0.75;

    /// <summary>Content tokens a revelation must share with what was said before: a new fact is about the scene's business; a
    /// line of scenery that shares nothing ("The heron on the roof laid three eggs") is a non sequitur, not a hook.</summary>
    public const int MinSceneTokens = 1;

    /// <summary>Content tokens (words; bigrams in Chinese) of the user's last line a reply must take up to count as reacting to it.
    /// </summary>
    public const int MinTakenUpTokens = 1;

    /// <summary>Share of a reply's other content tokens already said in the scene above which taking up the user's word is a
    /// restatement, not a reaction.</summary>
    public const double MaxRestatedShare = 0.5;

    public string Category => BenchCategory.NoHook;

    /// <summary>English titles a character is addressed by ("Steady, now, Commander."; "Envoy, the mews first").</summary>
    private const string EnglishTitles =
        @"sir|ma'am|madam|miss|my lord|my lady|lady|lord|captain|commander|inspector|doctor|envoy|steward|mage|your majesty|" +
        @"your grace|boy|girl|lad|lass|mr\.? \p{Lu}\w+|mrs\.? \p{Lu}\w+|ms\.? \p{Lu}\w+|dr\.? \p{Lu}\w+";

    /// <summary>Chinese titles and kin terms a character is addressed by (陈主编，... 姐姐，...).</summary>
    private const string ChineseTitles =
        "先生|小姐|姑娘|公子|大人|娘娘|陛下|师尊|师父|舰长|主编|警官|医生|掌柜|老板娘|老板|姐姐|妹子|妹妹|哥哥|妈|爸|表哥|表姐|表弟|表妹|" +
        "管家|公公|太医|记者";

    /// <summary>A surname or given name before a Chinese title (陈主编, 顾医生, 李公公).</summary>
    private const string HanSurname = @"\p{IsCJKUnifiedIdeographs}{0,2}";

    /// <summary>Something held out or turned toward someone: the action itself is the hook.</summary>
    [GeneratedRegex(
        @"\b(?:holds? (?:out|up)|hands? (?:over|it|him|her|them|the)|offers?|tosses|slides|pushes .{0,30}across|" +
        @"drops .{0,30}on the table|" +
        @"points? (?:at|to)|turns?(?: \w+ly)? (?:to|toward|towards))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeldOut();

    /// <summary>Chinese: handing, throwing or pushing something to someone, pointing, turning to someone.</summary>
    [GeneratedRegex("递给|抛给|递过|交给|塞给|指着|一指|拍在|掏出|取出|推到|转向|转头对", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseHeldOut();

    [GeneratedRegex(@"\b(?:you|your|yours|yourself|y'all)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecondPerson();

    /// <summary>Invitations and commands that hand the next move to the listener, and a sentence left hanging.</summary>
    [GeneratedRegex(
        @"(?:^|[.!?;""*]\s*)(?:come|take|look|listen|follow|sit|tell me|hold|go|wait|watch|here|let's|let us|try|read|open|choose|pick|" +
        @"drink|eat|help me|show me|again|hurry|quick|stay|run|mind|grab|bring|give|put|keep|leave|pass|careful|we'll|we can|" +
        @"shall we|sleep|shout|call|" +
        @"ask|knock|rest|eat)\b|(?<=\p{L}[,\s]?)(?:…|\.\.\.|—)[""*]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OpenAction();

    /// <summary>Chinese second person: 你, 您, 你们 (and 妳, 祢), and an honorific that stands for "you" opening a sentence
    /// (公子好眼力, 娘娘圣明) but not 公子的 or 大人们.</summary>
    [GeneratedRegex(@"[你您妳祢]|(?:^|[。！？!?；;“”「」（）\s])(?:公子|姑娘|小姐|大人|娘娘|陛下|师尊|师父)(?![的们说])\p{IsCJKUnifiedIdeographs}",
        RegexOptions.CultureInvariant)]
    private static partial Regex ChineseSecondPerson();

    /// <summary>Chinese invitations and imperatives at the opening of a sentence or clause (come, go, follow me, let's ... 吧,
    /// please, quick, don't), and a sentence left hanging on a dash or an ellipsis. Verbs that also open ordinary words are held
    /// to their imperative forms: 别 but not 别人, 走 in 走吧 but not 走廊.</summary>
    [GeneratedRegex(
        @"(?:^|[。！？!?；;：:，,“”「」『』（）【】*\s…—])(?:来(?:吧|啊|呀|[！!，,。]|看|坐|尝|试|帮|跟|这边|喝|吃|听)|走(?:吧|啊|[！!，,。])|跟(?:我|上|着我)|" +
        @"(?:咱们|我们|咱)[^。！？!?]{0,12}吧|请(?!求|帖|柬)|快(?:[！!，,]|走|跑|来|点|去|过来|进来|躲|看|说|进|上)|别(?!人|处|的|墅|扭|致|针)|" +
        @"过来|进来|坐(?:吧|下|[！!])|拿着|看(?:[！!]|这|那|看)|听(?:[！!]|着|我说)|等等|等一下|小心|当心|帮(?:我|个忙)|告诉我|说吧|试试|随我|" +
        @"一起(?:来|走|去)|动手|上来|下来|让我们|开始吧)|(?<=\p{L}[，,\s]?)(?:……|…|——|—)[”」』）】*]?\s*$",
        RegexOptions.CultureInvariant)]
    private static partial Regex ChineseOpenAction();

    public IEnumerable<DetectorHit> Detect(Transcript transcript)
    {
        // A one-character Chinese name (任) sits inside too many words (任何) to count as an address.
        var userNames = (transcript.Setting?.User?.Names ?? []).Where(n => !(n.Any(Cjk.IsHan) && n.Length < MinChineseNameLength))
            .Select(n => Cjk.TermPattern(n)).ToList();
        userNames.AddRange(transcript.Lines.Where(l => l.Role == SpeakerRole.User).Select(l => l.Speaker)
            .Where(n => n.Length >= MinVocativeNameLength).Distinct(StringComparer.Ordinal).Select(n => Cjk.TermPattern(n)));
        var vocative = VocativePattern(transcript);
        // An out-of-character aside or refusal is no fact of the scene, however new its words.
        var outOfCharacter = new OutOfCharacterDetector().Detect(transcript).Select(h => h.Line).ToHashSet();
        foreach (var (line, index) in transcript.NpcReplies)
        {
            // Stepping out of the story is its own misalignment: the labellers do not also ask whether the aside hooks the user.
            if (outOfCharacter.Contains(index))
            {
                continue;
            }
            var text = line.Text;
            var hooked = text.Contains('?', StringComparison.Ordinal)
                || text.Contains('？', StringComparison.Ordinal)
                || SecondPerson().IsMatch(text)
                || ChineseSecondPerson().IsMatch(text)
                || OpenAction().IsMatch(text)
                || ChineseOpenAction().IsMatch(text)
                || userNames.Any(n => n.IsMatch(text))
                || vocative.IsMatch(text)
                || HeldOut().IsMatch(text)
                || ChineseHeldOut().IsMatch(text)
                || AnswersUserQuestion(transcript, index)
                || TakesUpUser(transcript, index)
                || RevealsInEnsemble(transcript, index);
            if (!hooked)
            {
                yield return new DetectorHit(line.Turn, index, line.Speaker, Category, Severity, Evidence.WholeLine(text),
                    "no question, no word to the user and no open action: nothing invites a reply");
            }
        }
    }

    /// <summary>True when the line at <paramref name="index"/> is the first reply after a user line that asks something, says at
    /// least a sentence and does not ignore the question (<see cref="IgnoresUserDetector.Ignores"/>): the answer hands the user
    /// something to take up; a monologue beside the question does not.</summary>
    private static bool AnswersUserQuestion(Transcript transcript, int index)
    {
        if (index == 0 || transcript.Lines[index - 1].Role != SpeakerRole.User || !Cjk.IsQuestion(transcript.Lines[index - 1].Text))
        {
            return false;
        }

        var text = transcript.Lines[index].Text;
        return IgnoresUserDetector.Ignores(transcript, index) is null
                    && (Cjk.HanCount(text) >= MinAnswerHan || Words().Count(Cjk.RemoveHan(text)) >= MinAnswerWords);
    }

    /// <summary>True when the reply at <paramref name="index"/> follows the user's last line (other characters' replies may stand
    /// between) and takes up at least <see cref="MinTakenUpTokens"/> content token (in English a name, capitalised inside a
    /// sentence) the user's line brought to the scene (said
    /// by no one before it, nor by a reply in between) in a reply whose other tokens are mostly new (less than
    /// <see cref="MaxRestatedShare"/> said before), without
    /// ignoring a question (<see cref="IgnoresUserDetector.Ignores"/>): a reaction to what the user said or did ("The Board."
    /// after the user names the Board; 「姓燕的多了。」 after 徒弟姓燕) hands the exchange back to them.</summary>
    private static bool TakesUpUser(Transcript transcript, int index)
    {
        var user = transcript.Lines.Take(index).LastOrDefault(l => l.Role == SpeakerRole.User);
        if (user is null || IgnoresUserDetector.Ignores(transcript, index) is not null)
        {
            return false;
        }
        // Only what the user brought new counts, and only in a reply that is not mostly a restatement: a reply echoing the scene's
        // business through the user's words ("Osric. Eleven men in grey") restates rather than reacts.
        var said = transcript.Lines.Take(index).Where(l => !ReferenceEquals(l, user)).SelectMany(l => Prose.ContentTokens(l.Text))
            .Select(w => w.Stem).ToHashSet(StringComparer.Ordinal);
        // In English only a name the user brought counts (a capitalised word inside a sentence, "the Board"): a shared verb ("lives")
        // is chance; Chinese writes no capitals, so any content bigram counts there.
        var brought = Prose.ContentTokens(user.Text)
            .Where(w => w.Text.Any(Cjk.IsHan)
                || (w.Start > 1 && char.IsUpper(user.Text[w.Start]) && !SentenceEnd().IsMatch(user.Text[..w.Start])))
            .Select(w => w.Stem).Where(t => !said.Contains(t)).ToHashSet(StringComparer.Ordinal);
        var text = transcript.Lines[index].Text;
        var tokens = Prose.ContentTokens(text).Select(w => w.Stem).Distinct(StringComparer.Ordinal).ToList();
        // A restatement is judged on the speech: a posture repeated in an aside restates nothing.
        var speech = Prose.SpeechOnly(text);
        var own = Prose.ContentTokens(speech.Any(char.IsLetter) ? speech : text).Select(w => w.Stem).Distinct(StringComparer.Ordinal)
            .Where(t => !brought.Contains(t)).ToList();
        return tokens.Count(brought.Contains) >= MinTakenUpTokens
            && (own.Count == 0 || own.Count(said.Contains) < MaxRestatedShare * own.Count);
    }

    /// <summary>True when the scene is an ensemble (<see cref="MinEnsembleSpeakers"/> NPC speakers) with the user in it and the
    /// reply at <paramref name="index"/> (not out of character) brings mostly new facts (<see cref="MinNewFactTokens"/>,
    /// <see cref="MinNewFactShare"/>):
    /// a revelation or testimony passed among the characters leaves the user something to react to; a restatement does not, nor a
    /// reply that ignores the user's question (<see cref="IgnoresUserDetector.Ignores"/>).</summary>
    private static bool RevealsInEnsemble(Transcript transcript, int index)
    {
        var lines = transcript.Lines;
        if (lines.Where(l => l.IsNpc).Select(l => l.Speaker).Distinct(StringComparer.Ordinal).Count() < MinEnsembleSpeakers
            || !lines.Any(l => l.Role == SpeakerRole.User)
            || IgnoresUserDetector.Ignores(transcript, index) is not null)
        {
            return false;
        }
        var said = lines.Take(index).SelectMany(l => Prose.ContentTokens(l.Text)).Select(w => w.Stem).ToHashSet(StringComparer.Ordinal);
        var tokens = Prose.ContentTokens(lines[index].Text).Select(w => w.Stem).Distinct(StringComparer.Ordinal).ToList();
        var fresh = tokens.Count(t => !said.Contains(t));
        return fresh >= MinNewFactTokens && fresh >= MinNewFactShare * tokens.Count && tokens.Count - fresh >= MinSceneTokens;
    }

    /// <summary>Someone in the scene (a speaker of the transcript, a character of the setting) or a title, addressed: set off by a
    /// comma or an exclamation after a sentence start ("Dax, ...", 陈主编，...), or closing a sentence after a comma ("..., Dax.").</summary>
    private static Regex VocativePattern(Transcript transcript)
    {
        var names = transcript.Lines.Select(l => l.Speaker)
            .Concat(transcript.Setting?.Characters.SelectMany(c => c.Names) ?? [])
            .SelectMany(n => new[] { n }.Concat(n.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .Where(n => n.Length >= MinVocativeNameLength)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(n => n.Length)
            .Select(Regex.Escape);
        var alternatives = string.Join('|', names.Append(EnglishTitles).Append($"{HanSurname}(?:{ChineseTitles})"));
        return new Regex(
            $@"(?:^|[.!?*""“”「」（）()。！？…]\s*)(?:{alternatives})\s*[,，!！—]|,\s*(?:{alternatives})[.!—。！]",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"\p{L}+(?:'\p{L}+)?", RegexOptions.CultureInvariant)]
    private static partial Regex Words();

    /// <summary>Text ending where a sentence starts: a capital after it opens the sentence, not a name.</summary>
    [GeneratedRegex(@"(?:^|[.!?…*""“]\s*)$", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();
}
