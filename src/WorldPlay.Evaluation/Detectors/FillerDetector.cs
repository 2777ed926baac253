using System.Text.RegularExpressions;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Detectors;

/// <summary>diversity.filler: stock phrases that say nothing ("a shiver runs down your spine", "barely above a whisper"),
/// and replies so short and empty they move nothing ("Hmm. I see.").</summary>
public sealed partial class FillerDetector : IDetector
{
    /// <summary>A reply with at most this many content words...</summary>
    public const int EmptyReplyContentWords = 2;

    /// <summary>...and at most this many words in all carries no information.</summary>
    public const int EmptyReplyWords = 6;

    public const int StockPhraseSeverity = 2;

    public const int EmptyReplySeverity = 2;

    public string Category => BenchCategory.Filler;

    [GeneratedRegex(
        @"shivers? (?:runs?|ran|going|went) down (?:my|your|his|her|their) spine|sends? (?:a )?shivers?|barely above a whisper|" +
        @"\bministrations\b|eyes (?:sparkling|glinting|twinkling) with (?:mischief|amusement)|with a mischievous (?:glint|grin|smile)|" +
        @"can't help but|little did (?:she|he|they|you) know|the air (?:is|was|grew) thick with|maybe,? just maybe|a testament to|" +
        @"time (?:seemed|seems) to (?:stand still|stop)|a (?:pang|wave|mix|mixture) of (?:emotions|emotion|feelings)|well,? well,? well|" +
        @"(?:a )?(?:smirk|grin) (?:plays|played|tugs|tugged) at|the weight of (?:the|her|his|your) words|what do you say\?|" +
        @"let's just say|if you know what i mean|in this moment|an? (?:unspoken|palpable) (?:tension|connection)|every fiber of (?:my|" +
        @"your|his|her) being|a sense of (?:calm|peace|unease) (?:washes|washed) over",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StockPhrase();

    public IEnumerable<DetectorHit> Detect(Transcript transcript)
    {
        foreach (var (line, index) in transcript.NpcReplies)
        {
            var stock = StockPhrase().Match(line.Text);
            if (stock.Success)
            {
                yield return new DetectorHit(line.Turn, index, line.Speaker, Category, StockPhraseSeverity,
                    Evidence.Of(line.Text, stock.Index, stock.Length), $"stock phrase '{stock.Value}'");
                continue;
            }
            var words = Prose.Words(line.Text);
            if (words.Length <= EmptyReplyWords && Prose.ContentWords(line.Text).Count() <= EmptyReplyContentWords)
            {
                yield return new DetectorHit(line.Turn, index, line.Speaker, Category, EmptyReplySeverity,
                    Evidence.WholeLine(line.Text), $"a reply of {words.Length} words with nothing in it to answer or build on");
            }
        }
    }
}
