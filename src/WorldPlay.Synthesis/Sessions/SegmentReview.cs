using System.Collections.Immutable;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Synthesis.Sessions;

/// <summary>A reviewed segment of a round: the turns scored together, what the detectors found and whether a rewrite on a world
/// branch replaced it.</summary>
/// <param name="FromTurn">The segment's first turn.</param>
/// <param name="ToTurn">The segment's last turn.</param>
/// <param name="Findings">The bench category ids found in the segment as first played.</param>
/// <param name="Rewritten">True when the rewrite scored better and the session continued on it.</param>
/// <param name="World">The world branch the rewrite was played on, or null when none was tried.</param>
/// <param name="Scene">The scene of the rewrite, or null when none was tried.</param>
public sealed record SegmentReview(
    int FromTurn,
    int ToTurn,
    ImmutableArray<string> Findings,
    bool Rewritten,
    string? World,
    string? Scene)
{
    /// <summary>The segment's score as first played (the sum of its hits' severities; lower is better).</summary>
    public double Score { get; init; }

    /// <summary>The rewrite's score, or null when none was tried.</summary>
    public double? RewriteScore { get; init; }

    /// <summary>The segment's turns as first played (context for the rewrite's preference pairs).</summary>
    public ImmutableArray<TurnRecord> Original { get; init; } = [];

    /// <summary>The rewrite's turns, empty when none was tried.</summary>
    public ImmutableArray<TurnRecord> Rewrite { get; init; } = [];
}
