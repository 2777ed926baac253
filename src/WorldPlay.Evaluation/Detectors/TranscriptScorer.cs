using System.Collections.Immutable;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Detectors;

/// <summary>A transcript with every detector's hits, in line order.</summary>
public sealed record ScoredTranscript(Transcript Transcript, ImmutableArray<DetectorHit> Hits)
{
    /// <summary>The NPC lines scored: the denominator of every rate.</summary>
    public int NpcTurns => Transcript.Lines.Count(l => l.IsNpc);
}

/// <summary>Runs one detector per category over a transcript.</summary>
public static class TranscriptScorer
{
    /// <summary>One detector per <see cref="BenchCategory"/> id, in report order.</summary>
    public static readonly ImmutableArray<IDetector> Detectors =
    [
        new MixedLanguageDetector(), new RepetitionDetector(), new FormattingDetector(), new ReferenceConfusionDetector(),
        new LawViolationDetector(), new SinglePatternDetector(), new StagnationDetector(), new FillerDetector(),
        new OutOfCharacterDetector(), new SpeaksForUserDetector(), new IgnoresUserDetector(), new NoHookDetector(), new BoundaryDetector(),
    ];

    public static ScoredTranscript Score(Transcript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var hits = Detectors.SelectMany(d => d.Detect(transcript)).OrderBy(h => h.Line)
            .ThenBy(h => BenchCategory.All.ToList().IndexOf(h.Category));
        return new ScoredTranscript(transcript, [.. hits]);
    }
}
