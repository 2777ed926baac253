using System.Collections.Immutable;

namespace WorldPlay.Synthesis.Diversity;

/// <summary>Two sets of replies compared: each figure's change (after − before), the drop of each entropy in percent of its
/// value before (positive when diversity fell), and whether a drop beyond <see cref="ThresholdPercent"/> says preference training
/// should stop early.</summary>
/// <param name="StoppedBy">The entropies (<c>unigram</c>, <c>bigram</c>, <c>opener</c>) whose drop exceeds the threshold.</param>
public sealed record DiversityComparison(
    DiversityFigures Before,
    DiversityFigures After,
    ImmutableArray<FigureChange> Changes,
    double UnigramEntropyDropPercent,
    double BigramEntropyDropPercent,
    double OpenerEntropyDropPercent,
    double ThresholdPercent,
    ImmutableArray<string> StoppedBy)
{
    /// <summary>True when any of the unigram, bigram or opener entropy dropped by more than the threshold.</summary>
    public bool EarlyStop => !StoppedBy.IsEmpty;
}

/// <summary>One scalar figure before and after, and its change (after − before).</summary>
public sealed record FigureChange(string Figure, double Before, double After)
{
    public double Change => After - Before;
}
