using System.Text;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Detectors;

/// <summary>diversity.single_pattern: reply after reply built the same way: the same sequence of action and speech, the same
/// number of sentences, ending the same way (a question, an action, a statement). Chinese replies are cut at 。！？… and their
/// actions read from （）, 【】 and *...* (<see cref="Prose.Sentences"/>), so their shape is as varied as their prose.</summary>
public sealed class SinglePatternDetector : IDetector
{
    /// <summary>How many replies in a row must share one shape before it is a pattern rather than a habit.</summary>
    public const int Window = 6;

    public const int Severity = 2;

    public string Category => BenchCategory.SinglePattern;

    public IEnumerable<DetectorHit> Detect(Transcript transcript)
    {
        var shapes = new List<string>();
        foreach (var (line, index) in transcript.NpcReplies)
        {
            var shape = ShapeOf(line.Text);
            shapes.Add(shape);
            if (shapes.Count >= Window && shapes.TakeLast(Window).All(s => s == shape))
            {
                yield return new DetectorHit(line.Turn, index, line.Speaker, Category, Severity, Evidence.WholeLine(line.Text),
                    $"the last {Window} replies all have the shape {shape}");
            }
        }
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
