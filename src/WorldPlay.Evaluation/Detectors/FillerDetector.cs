using System.Text.RegularExpressions;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Detectors;

/// <summary>diversity.filler: stock phrases that say nothing ("a shiver runs down your spine", "barely above a whisper"),
/// and replies so short and empty they move nothing ("Hmm. I see.", or a short action alone). In Chinese the stock phrases of web
/// fiction (空气仿佛凝固了, 嘴角勾起一抹弧度, 眼中闪过一丝...) and replies measured in characters (嗯。我明白了。).</summary>
public sealed partial class FillerDetector : IDetector
{
    /// <summary>A reply with at most this many content words...</summary>
    public const int EmptyReplyContentWords = 2;

    /// <summary>...and at most this many words in all carries no information.</summary>
    public const int EmptyReplyWords = 6;

    /// <summary>A reply written mostly in Chinese with at most this many Han characters (about six English words)...</summary>
    public const int EmptyReplyHanCharacters = 8;

    /// <summary>...and at most this many content characters (not <see cref="Cjk.FunctionCharacters"/>: about two words, as in
    /// English) carries no information.</summary>
    public const int EmptyReplyContentCharacters = 4;

    public const int StockPhraseSeverity = 2;

    public const int EmptyReplySeverity = 2;

    public string Category => BenchCategory.Filler;

    [GeneratedRegex(
        @"shivers? (?:runs?|ran|going|went) down (?:my|your|his|her|their) spine|sends? (?:a )?shivers?|barely above a whisper|" +
        @"\bministrations\b|eyes (?:sparkling|glinting|twinkling) with (?:mischief|amusement)|with a mischievous (?:glint|grin|smile)|" +
        @"can't help but|little did (?:she|he|they|you) know|the air (?:is|was|grew|grows) thick with|maybe,? just maybe|a testament to|" +
        @"time (?:seemed|seems) to (?:stand still|stop)|a (?:pang|wave|mix|mixture) of (?:emotions|emotion|feelings)|well,? well,? well|" +
        @"(?:a )?(?:smirk|grin) (?:plays|played|tugs|tugged) at|the weight of (?:the|her|his|your) words|what do you say\?|" +
        @"let's just say|if you know what i mean|in this moment|an? (?:unspoken|palpable) (?:tension|connection)|every fiber of (?:my|" +
        @"your|his|her) being|a sense of (?:calm|peace|unease) (?:washes|washed) over|" +
        @"(?:doesn't|does not|didn't|did not|never) (?:quite )?reach(?:es|ed)? (?:his|her|their|my|your) eyes|" +
        @"(?:doubts?|fears?|worries|tension|worry) (?:melting|melts|melted|draining|drains|drained) away|" +
        @"(?:confidence|warmth|relief|dread|fear|calm) " +
        @"(?:floods|flooded|flooding|surges|surged|surging|courses|coursed|coursing) (?:through|over)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StockPhrase();

    /// <summary>Chinese stock phrases: the clichés of translated and web fiction that stand in for a real detail.</summary>
    [GeneratedRegex(
        @"空气(?:仿佛|似乎|好像|都|中的一切)?(?:凝固|凝结|静止)|一股寒意(?:从|顺着|沿着)?(?:脊背|后背|背脊|脊梁|脚底|心底)?(?:升起|窜|爬|蔓延|涌)|" +
        @"嘴角(?:微微)?(?:勾起|扬起|上扬|噙着|挂着)(?:了)?一(?:抹|丝)[^。！？，]{0,6}?(?:弧度|笑意|玩味|邪魅|意味深长)|五味杂陈|" +
        @"(?:眼|眼中|眼里|眼底|眸中|眸子里|眸底|目光中)(?:闪过|掠过|划过)一丝|声音(?:低|轻)(?:得|到)几乎听不(?:见|到|清)|" +
        @"时间(?:仿佛|似乎|好像)(?:停止|静止|凝固|停滞)|心(?:跳|脏)?(?:漏|停)了一拍|眼底翻涌着|看不懂的情绪|若有若无的弧度|" +
        @"(?:一抹|一丝)(?:玩味|狡黠|意味深长)|意味深长地|仿佛(?:整个世界|全世界)都(?:安静|静止)|空气中弥漫着(?:一股|一丝)?(?:暧昧|紧张|危险)|" +
        @"喉结(?:上下)?滚动|指节(?:因为用力而)?泛白|一种说不清道不明的|眼神(?:变得)?(?:深邃|晦暗不明)",
        RegexOptions.CultureInvariant)]
    private static partial Regex ChineseStockPhrase();

    public IEnumerable<DetectorHit> Detect(Transcript transcript)
    {
        foreach (var (line, index) in transcript.NpcReplies)
        {
            var stock = StockPhrase().Match(line.Text);
            stock = stock.Success ? stock : ChineseStockPhrase().Match(line.Text);
            if (stock.Success)
            {
                yield return new DetectorHit(line.Turn, index, line.Speaker, Category, StockPhraseSeverity,
                    Evidence.Of(line.Text, stock.Index, stock.Length), $"stock phrase '{stock.Value}'");
                continue;
            }
            if (Cjk.IsMostlyHan(line.Text))
            {
                var han = Cjk.HanCount(line.Text);
                var content = line.Text.Count(c => Cjk.IsHan(c) && !Cjk.FunctionCharacters.Contains(c));
                if (han <= EmptyReplyHanCharacters && (content <= EmptyReplyContentCharacters || OnlyNarration(line.Text)))
                {
                    yield return new DetectorHit(line.Turn, index, line.Speaker, Category, EmptyReplySeverity,
                        Evidence.WholeLine(line.Text), $"a reply of {han} characters with nothing in it to answer or build on");
                }
                continue;
            }
            var words = Prose.Words(line.Text);
            if (words.Length <= EmptyReplyWords
                && (Prose.ContentWords(line.Text).Count() <= EmptyReplyContentWords || OnlyNarration(line.Text)))
            {
                yield return new DetectorHit(line.Turn, index, line.Speaker, Category, EmptyReplySeverity,
                    Evidence.WholeLine(line.Text), $"a reply of {words.Length} words with nothing in it to answer or build on");
            }
        }
    }

    /// <summary>True when every sentence of the reply is marked narration (an action in *...* or （...）): a short action alone says
    /// nothing to the user, however many content words it has ("*She's already back at her crossword.*").</summary>
    private static bool OnlyNarration(string text) =>
        Prose.Sentences(text) is { Length: > 0 } sentences && sentences.All(s => s.IsNarration);
}
