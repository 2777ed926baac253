using System.Collections.Immutable;
using WorldPlay.Evaluation.Transcripts;
using WorldPlay.Synthesis.Sessions;

namespace WorldPlay.Synthesis.Output;

/// <summary>A stretch of a round's new turns: a reviewed segment (with its review) or a stretch no review covered.</summary>
/// <param name="Lines">The transcript lines of the segment, in order.</param>
public sealed record SessionSegment(int FromTurn, int ToTurn, SegmentReview? Review, ImmutableArray<TranscriptLine> Lines)
{
    /// <summary>True when the segment belongs to the kept data: unreviewed, reviewed without findings, or rewritten after its
    /// review found some (the transcript holds the rewrite). A segment whose findings stood is flagged and left out.</summary>
    public bool Kept => Review is null || Review.Findings.IsDefaultOrEmpty || Review.Rewritten;

    /// <summary>The segments of <paramref name="round"/>'s turns after its fork turn: one per review, and one per run of turns no
    /// review covers.</summary>
    public static ImmutableArray<SessionSegment> Of(SynthesisRound round, Transcript transcript)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(transcript);
        var reviews = round.Reviews.IsDefault ? [] : round.Reviews.OrderBy(r => r.FromTurn).ToList();
        var segments = ImmutableArray.CreateBuilder<SessionSegment>();
        var open = new List<TranscriptLine>();
        SegmentReview? openReview = null;
        void Close()
        {
            if (open.Count > 0)
            {
                segments.Add(new SessionSegment(open[0].Turn, open[^1].Turn, openReview, [.. open]));
                open.Clear();
            }
        }
        foreach (var line in transcript.Lines.Where(l => l.Turn > round.StartTurn))
        {
            var review = reviews.FirstOrDefault(r => r.FromTurn <= line.Turn && line.Turn <= r.ToTurn);
            if (open.Count > 0 && !ReferenceEquals(review, openReview))
            {
                Close();
            }
            openReview = review;
            open.Add(line);
        }
        Close();
        return segments.ToImmutable();
    }
}
