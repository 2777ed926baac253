using System.Text;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Detectors;

/// <summary>diversity.single_pattern: reply after reply built the same way: the same sequence of action and speech, the same
/// number of sentences, ending the same way (a question, an action, a statement); or one speaker's replies running on a formula:
/// the same opening words, or the same outline and closing words ("*She nods and resets the pads.* ... Show me." three times). Chinese
/// replies are cut at 。！？… and their actions read from （）, 【】 and *...* (<see cref="Prose.Sentences"/>), so their shape is as
/// varied as their prose.</summary>
public sealed class SinglePatternDetector : IDetector
{
    /// <summary>How many replies in a row must share one shape before it is a pattern rather than a habit.</summary>
    public const int Window = 6;

    /// <summary>How many replies of one speaker in a row (other speakers may talk between them) must share their opening words, or
    /// their outline and closing words, to be a formula.</summary>
    public const int SpeakerRun = 3;

    /// <summary>Words of the opening and of the closing compared for a formula...</summary>
    public const int FormulaWords = 3;

    /// <summary>...and Han characters, for a reply written mostly in Chinese (about two words).</summary>
    public const int FormulaHanCharacters = 4;

    public const int Severity = 2;

    public string Category => BenchCategory.SinglePattern;

    public IEnumerable<DetectorHit> Detect(Transcript transcript)
    {
        var shapes = new List<string>();
        var bySpeaker = new Dictionary<string, List<(string Outline, string Opening, string Closing)>>(StringComparer.Ordinal);
        foreach (var (line, index) in transcript.NpcReplies)
        {
            var shape = ShapeOf(line.Text);
            shapes.Add(shape);
            var own = bySpeaker.TryGetValue(line.Speaker, out var list) ? list : bySpeaker[line.Speaker] = [];
            var (opening, closing) = Ends(line.Text);
            own.Add((shape[..shape.IndexOf('/', StringComparison.Ordinal)], opening, closing));
            if (shapes.Count >= Window && shapes.TakeLast(Window).All(s => s == shape))
            {
                yield return new DetectorHit(line.Turn, index, line.Speaker, Category, Severity, Evidence.WholeLine(line.Text),
                    $"the last {Window} replies all have the shape {shape}");
            }
            else if (Formula(own) is { } formula)
            {
                yield return new DetectorHit(line.Turn, index, line.Speaker, Category, Severity, Evidence.WholeLine(line.Text),
                    $"the last {SpeakerRun} replies of {line.Speaker} all {formula}");
            }
        }
    }

    /// <summary>What the speaker's last <see cref="SpeakerRun"/> replies share beyond their outline, or null when they do not.</summary>
    private static string? Formula(List<(string Outline, string Opening, string Closing)> replies)
    {
        if (replies.Count < SpeakerRun)
        {
            return null;
        }
        var run = replies.TakeLast(SpeakerRun).ToList();
        var last = run[^1];
        // The same opening three times is a formula whatever follows; a shared closing only with the same outline before it.
        return last.Opening.Length > 0 && run.All(r => r.Opening == last.Opening) ? $"open with '{last.Opening}'"
            : last.Closing.Length > 0 && run.All(r => r.Closing == last.Closing && r.Outline == last.Outline)
                ? $"have the outline {last.Outline} and close with '{last.Closing}'"
            : null;
    }

    /// <summary>The first and last <see cref="FormulaWords"/> words of a reply, or <see cref="FormulaHanCharacters"/> Han characters
    /// when it is mostly Chinese; empty when it is too short to have both.</summary>
    private static (string Opening, string Closing) Ends(string text)
    {
        var (units, count, separator) = Cjk.IsMostlyHan(text)
            ? (text.Where(Cjk.IsHan).Select(c => c.ToString()).ToList(), FormulaHanCharacters, "")
            : (Prose.Words(text).Select(w => w.Text).ToList(), FormulaWords, " ");
        return units.Count < 2 * count
            ? ("", "")
            : (string.Join(separator, units.Take(count)), string.Join(separator, units.TakeLast(count)));
    }

    private static readonly char[] Closers = ['"', '”', '\'', ' ', '」', '』', '）', '】'];

    /// <summary>The reply's outline: one letter per run of sentences (A action, S speech, Q question), and the sentence count.</summary>
    public static string ShapeOf(string text)
    {
        var shape = new StringBuilder();
        var sentences = Prose.Sentences(text);
        foreach (var sentence in sentences)
        {
            var kind = sentence.IsNarration ? 'A' : sentence.Text.TrimEnd(Closers).EndsWith('?') ? 'Q'
                : sentence.Text.TrimEnd(Closers).EndsWith('？') ? 'Q' : 'S';
            if (shape.Length == 0 || shape[^1] != kind)
            {
                shape.Append(kind);
            }
        }
        return $"{shape}/{sentences.Length}";
    }
}
