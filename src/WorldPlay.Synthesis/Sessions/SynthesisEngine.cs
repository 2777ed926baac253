using WorldPlay.Evaluation.Judging;

namespace WorldPlay.Synthesis.Sessions;

/// <summary>Synthesizes sessions on grains (an embedded silo or a cluster alike), through the same scene calls a game makes.
/// Each job gets a fresh world, its scene opened as the bench opens it. A round is played in segments (ReviewEvery turns, or
/// 10): a <see cref="SegmentPlanner"/> sets each segment's direction and tone and steers it through the user's side and named next
/// speakers; every NPC turn is played, regenerated K-1 times on sibling branches and ranked by the bench's detectors (and the
/// judge, when given), the best chosen and the rest kept as rejected; every M turns the segment is reviewed and, with
/// findings, replayed on a fork of the world with reseeded minds, the rewrite kept when it scores lower. Round r+1 forks from
/// round r's last kept rewrite (or its end) and plays on from there. With BestOf 1, ReviewEvery 0 and Rounds 1 there is no
/// planning, ranking or review: plain self-play, the baseline.</summary>
public sealed class SynthesisEngine(IGrainFactory grains, LlmJudge? judge = null) : ISynthesisEngine
{
    /// <inheritdoc/>
    public Task<SynthesizedSession> RunAsync(SynthesisJob job, SynthesisOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new SessionSynthesis(grains, job, options, judge).RunAsync(ct);
    }
}
