using System.Collections.Immutable;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Synthesis.Sessions;

/// <summary>One round of a session: the world branch and scene it was played on and what was kept, ranked and reviewed.</summary>
/// <param name="Number">1 for the first round.</param>
/// <param name="World">The world (or world branch) the round's final scene lives in.</param>
/// <param name="Scene">The scene whose turns <paramref name="Transcript"/> holds.</param>
/// <param name="StartTurn">The fork turn the round started from: 0 for round 1, otherwise the turn of the previous round it
/// branched after (its turns up to and including it are shared with that round).</param>
/// <param name="Transcript">The kept turns of the round's scene, in order.</param>
/// <param name="Candidates">Per NPC turn played in this round, the kept reply and the rejected alternatives, in the order played:
/// the turns of <paramref name="Transcript"/> and those of segments a rewrite replaced or of rewrites not kept (their
/// <see cref="ReplyCandidate.Scene"/> says which path they are on).</param>
/// <param name="Reviews">The segments reviewed in this round, in order.</param>
public sealed record SynthesisRound(
    int Number,
    string World,
    string Scene,
    int StartTurn,
    ImmutableArray<TurnRecord> Transcript,
    ImmutableArray<TurnCandidates> Candidates,
    ImmutableArray<SegmentReview> Reviews)
{
    /// <summary>What the planner set for each segment of the round, in order (empty for raw self-play).</summary>
    public ImmutableArray<SegmentPlan> Plans { get; init; } = [];
}
