using System.Collections.Immutable;

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
    string? Scene);
