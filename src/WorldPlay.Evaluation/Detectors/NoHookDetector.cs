using System.Text.RegularExpressions;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Detectors;

/// <summary>prefs.no_hook: a reply that leaves the user nothing to answer: no question (? or ？), no word to them ("you", 你, 您,
/// their name in any script), no open action or offer ("Come.", "Take it.", "Let's go.", 来, 跟我走, 咱们走吧, a sentence left
/// hanging on — or ……).</summary>
public sealed partial class NoHookDetector : IDetector
{
    /// <summary>The mildest misalignment: the story can go on, but the user has to push it.</summary>
    public const int Severity = 1;

    /// <summary>Characters a Chinese name of the user needs before it counts as addressing them.</summary>
    public const int MinChineseNameLength = 2;

    public string Category => BenchCategory.NoHook;

    [GeneratedRegex(@"\b(?:you|your|yours|yourself|y'all)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecondPerson();

    /// <summary>Invitations and commands that hand the next move to the listener, and a sentence left hanging.</summary>
    [GeneratedRegex(
        @"(?:^|[.!?;""*]\s*)(?:come|take|look|listen|follow|sit|tell me|hold|go|wait|watch|here|let's|let us|try|read|open|choose|pick|" +
        @"drink|eat|help me|hurry|quick|stay|run|mind|grab|bring|give|put|keep|leave|pass|careful|we'll|we can|shall we|sleep|shout|call|" +
        @"ask|knock|rest|eat)\b|(?<=\p{L}[,\s]?)(?:…|\.\.\.|—)[""*]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OpenAction();

    /// <summary>Chinese second person: 你, 您, 你们 (and 妳, 祢).</summary>
    [GeneratedRegex(@"[你您妳祢]", RegexOptions.CultureInvariant)]
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
        foreach (var (line, index) in transcript.NpcReplies)
        {
            var text = line.Text;
            var hooked = text.Contains('?', StringComparison.Ordinal)
                || text.Contains('？', StringComparison.Ordinal)
                || SecondPerson().IsMatch(text)
                || ChineseSecondPerson().IsMatch(text)
                || OpenAction().IsMatch(text)
                || ChineseOpenAction().IsMatch(text)
                || userNames.Any(n => n.IsMatch(text));
            if (!hooked)
            {
                yield return new DetectorHit(line.Turn, index, line.Speaker, Category, Severity, Evidence.WholeLine(text),
                    "no question, no word to the user and no open action: nothing invites a reply");
            }
        }
    }
}
