using System.Collections.Immutable;
using System.Text.RegularExpressions;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Detectors;

/// <summary>prefs.speaks_for_user: the reply writes the user's part: a line labelled with the user's name (or <c>{{user}}:</c>,
/// <c>User:</c>), or narration of what the user does, says, feels or decides, in English or Chinese ("*You shiver*", "your hand
/// tightens", "Rowan can't help but smile", （你点了点头）, （你心头一紧）, （阿任站起身）). Narration is what sits in an action aside
/// (<c>*…*</c>, <c>（…）</c>, <c>【…】</c>) or outside the quotes of a line that quotes its speech; speech to the user ("you look
/// tired", “你看起来很累”) is not narration.</summary>
public sealed partial class SpeaksForUserDetector : IDetector
{
    /// <summary>Writing the user's dialogue takes their turn away.</summary>
    public const int DialogueSeverity = 4;

    /// <summary>Narrating their actions or feelings decides for them.</summary>
    public const int NarrationSeverity = 3;

    /// <summary>Words after a clause-opening "you" in narration that make it something other than the user acting (a state, a
    /// modal, an object): the verb class after "you" is otherwise open.</summary>
    public static readonly ImmutableHashSet<string> NotUserActs = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase,
        "are", "were", "'re", "’re", "can", "could", "will", "would", "should", "might", "must", "may", "shall", "know", "see", "mean",
        "need", "want", "have", "had", "guess", "think", "the", "a", "an", "to", "and", "or", "of", "in", "on", "at", "for", "with",
        "too", "all", "both", "two", "there", "here", "who", "that", "alone", "again", "yourself", "now", "then", "do", "did", "don't",
        "didn't", "won't", "wouldn't", "can't", "couldn't", "if", "as", "by", "from", "please", "sir", "love", "lot", "lad", "lass");

    /// <summary>Parts of the user's body and mind that narration makes act ("your hand tightens", "你的手微微发抖").</summary>
    public const string BodyWords =
        "heart|pulse|cheeks|cheek|breath|breathing|hand|hands|fingers|eyes|face|stomach|knees|legs|voice|throat|chest|skin|mind|" +
        "thoughts|jaw|lips|shoulders|body|blood|head|gaze|mouth|spine|palms|ears|neck|gut|hair|fists|fist|brow";

    /// <summary>The Chinese counterparts of <see cref="BodyWords"/>.</summary>
    public const string ChineseBodyWords =
        "手|脸|心|眼睛|眼|脸颊|呼吸|心跳|声音|喉咙|膝盖|双手|手指|身体|肩膀|嘴角|额头|后背|脊背|双腿|腿|胃|脸色|目光|嘴唇|眉头|拳头";

    /// <summary>What may follow a clause-opening 你 in narration without its being the user acting (你们, 你的茶).</summary>
    private const string ChineseNotActs = "们的是好呀啊吗呢这那";

    public string Category => BenchCategory.SpeaksForUser;

    [GeneratedRegex(
        @"\byou (?:nod|nodded|smile|smiled|say|said|reply|replied|answer|answered|decide|decided|feel|felt|blush|blushed|laugh|laughed|" +
        @"agree|agreed|sigh|sighed|grin|grinned|whisper|whispered|shrug|shrugged|realize|realise|realized|realised|lean|leaned|reach|" +
        @"reached|take|took|step|stepped|walk|walked|turn|turned|can't help|find yourself|found yourself)\b|\byour (?:heart|pulse|cheeks|" +
        @"breath) (?:races|raced|quickens|quickened|flush|flushed|catches|caught|pounds|pounded|skips|skipped)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecondPersonNarration();

    // Replies without quotes or asterisks have no marked narration; a sentence opening "You nodded" is narration all the same.
    [GeneratedRegex(
        @"(?:^|[.!?…]\s+)(?<act>you (?:nodded|smiled|replied|answered|decided|felt|blushed|laughed|agreed|sighed|grinned|whispered|" +
        @"shrugged|realized|realised|leaned|reached|stepped|walked|turned|found yourself|can't help))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PastTenseSecondPerson();

    /// <summary>"you" opening a clause of narration, and the word after it.</summary>
    [GeneratedRegex(@"(?:^|[.!?…;:*（(【]\s*|\b(?:and|then|as|while|but|so|until|before)\s+|,\s*)(?<act>you\s+(?<verb>[a-z'’]+))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YouOpensClause();

    /// <summary>"your hand tightens": a part of the user's body or mind opening a clause of narration, and a word after it.</summary>
    [GeneratedRegex(@"(?:^|[.!?…;:*（(【]\s*|\b(?:and|then|as|while|but|so|until)\s+|,\s*)(?<act>your\s+(?:[a-z]+\s+)?(?:" +
        BodyWords + @")\s+(?!(?:of|and|the|with|to|in|on|for|as|at|from|or|is|was)\b)[a-z]+)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YourBodyActs();

    /// <summary>A clause of narration opening with 你 (after the start, an aside's bracket or a clause mark).</summary>
    [GeneratedRegex(@"(?:^|[（(【*，,。；;！!？?：:\s])(?<act>你(?:的(?:" + ChineseBodyWords + @")|(?![" + ChineseNotActs + @"]))\S{1,6})",
        RegexOptions.CultureInvariant)]
    private static partial Regex ChineseYouActs();

    /// <summary>What a user does or feels without deciding to (reflexes, body, inner states) in a sentence opening with 你: in
    /// speech these are odd, in narration they are the user's part.</summary>
    public const string ChineseReflexes =
        "跟着|跟在|心头|心里|心中|心跳|心口|胸口|浑身|全身|后背|脊背|耳根|耳尖|脸颊|脸上|脸一|呼吸|喉咙|不自觉|下意识|隐隐|忍不住|不由得|不由自主|" +
        "感到|感觉到|只觉得|只觉|愣|怔|一怔|一愣|猛地|默默|点了点头|咬了咬|咬紧|攥紧|握紧|握住|屏住|打了个寒|倒吸|红了脸|脸红";

    /// <summary>A sentence of unmarked prose opening with 你 and a reflex, or with 你的 and a part of the body.</summary>
    [GeneratedRegex(@"(?:^|[。！？…\n]\s*|——)(?<act>你(?:" + ChineseReflexes + @"|的(?:" + ChineseBodyWords + @")))",
        RegexOptions.CultureInvariant)]
    private static partial Regex ChineseUnmarkedNarration();

    public IEnumerable<DetectorHit> Detect(Transcript transcript)
    {
        var user = transcript.Setting?.User;
        var userNames = (user?.Names ?? []).Concat(["{{user}}", "User", "You", "用户", "你"]).ToList();
        var label = new Regex($@"^\s*\**\s*(?:{string.Join('|', userNames.Select(Regex.Escape))})\s*[:：]",
            RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var englishNames = user?.Names.Where(n => !WorldGrounding.IsChinese(n)).ToList() ?? [];
        var userActs = englishNames.Count > 0
            ? new Regex(
                $@"\b(?:{string.Join('|', englishNames.Select(Regex.Escape))})\s+(?:nods|smiles|says|laughs|sighs|grins|blushes|shrugs|" +
                @"agrees|decides|feels|whispers|replies|answers|leans|reaches|takes|steps|walks|turns)\b", RegexOptions.CultureInvariant)
            : null;
        var userOpensClause = englishNames.Count > 0
            ? new Regex(
                $@"(?:^|[.!?…;:*（(【]\s*|\b(?:and|then|as|while|but|so)\s+|,\s*)" +
                $@"(?<act>(?:{string.Join('|', englishNames.Select(Regex.Escape))})" +
                @"(?:\s+(?:can't|cannot|can’t|couldn't|couldn’t)\s+help|['’]s\s+(?:" + BodyWords + @")\s+[a-z]+|" +
                @"\s+(?!(?:is|was|has|does|always|sometimes|perhaps|as|this|his|its|us)\b)[a-z]{2,}(?:s|ed)\b))",
                RegexOptions.CultureInvariant)
            : null;
        var chineseNames = user?.Names.Where(WorldGrounding.IsChinese).ToList() ?? [];
        var chineseUserActs = chineseNames.Count > 0
            ? new Regex(
                $@"(?:^|[（(【*，,。；;！!？?：:\s])(?<act>(?:{string.Join('|', chineseNames.Select(Regex.Escape))})" +
                $@"(?:(?:也|又|就|便|才|正|轻轻地?|慢慢地?|缓缓地?|微微|默默地?|忍不住|不由得)*(?:{WorldGrounding.ChineseActs})|" +
                $@"的(?:{ChineseBodyWords})))", RegexOptions.CultureInvariant)
            : null;
        foreach (var (line, index) in transcript.NpcReplies)
        {
            var text = line.Text;
            var dialogue = label.Match(text);
            if (dialogue.Success)
            {
                yield return new DetectorHit(line.Turn, index, line.Speaker, Category, DialogueSeverity,
                    Evidence.Of(text, dialogue.Index, Math.Min(text.Length - dialogue.Index, dialogue.Length + 40)),
                        "writes a line of dialogue for the user");
                continue;
            }
            if (Narrated(text, userActs, userOpensClause, chineseUserActs) is { } acts)
            {
                yield return new DetectorHit(line.Turn, index, line.Speaker, Category, NarrationSeverity,
                    Evidence.Of(text, acts.Index, acts.Length), "narrates what the user does, feels or decides");
            }
        }
    }

    private static Group? Narrated(string text, Regex? userActs, Regex? userOpensClause, Regex? chineseUserActs)
    {
        var narration = WorldGrounding.Masked(text, WorldGrounding.NarrationMask(text), keep: true);
        if (SecondPersonNarration().Match(narration) is { Success: true } second)
        {
            return second;
        }
        var marked = text.IndexOfAny(['*', '（', '【', '(']) >= 0 || WorldGrounding.QuotesItsSpeech(text);
        if (!marked && PastTenseSecondPerson().Match(text) is { Success: true } past)
        {
            return past.Groups["act"];
        }
        // Chinese narration often sits in a paragraph of its own, unmarked: 你跟着他上楼, 你心头一紧, 你的呼吸一滞.
        var speech = WorldGrounding.Masked(text, WorldGrounding.NarrationMask(text), keep: false);
        foreach (Match reflex in ChineseUnmarkedNarration().Matches(speech))
        {
            var end = speech.IndexOfAny(['。', '！', '？', '\n'], reflex.Index);
            var sentence = speech[reflex.Index..(end < 0 ? speech.Length : end + 1)];
            if (!sentence.Contains('？', StringComparison.Ordinal) && !Regex.IsMatch(sentence, "[吧吗呢啊]|请|别|要不"))
            {
                return reflex.Groups["act"];
            }
        }
        foreach (var found in new[] { userActs?.Match(narration), userOpensClause?.Match(narration), chineseUserActs?.Match(narration) })
        {
            if (found is { Success: true })
            {
                return found.Groups["act"].Success ? found.Groups["act"] : found;
            }
        }
        foreach (Match you in YouOpensClause().Matches(narration))
        {
            if (!NotUserActs.Contains(you.Groups["verb"].Value))
            {
                return you.Groups["act"];
            }
        }
        if (YourBodyActs().Match(narration) is { Success: true } body)
        {
            return body.Groups["act"];
        }
        return ChineseYouActs().Match(narration) is { Success: true } zh ? zh.Groups["act"] : null;
    }
}
