using System.Collections.Immutable;
using WorldPlay.Evaluation.Detectors;
using WorldPlay.Evaluation.Judging;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Tests.Judging;

/// <summary>Which replies the judge is asked about: the seeded audit sample and its size, and one question per flagged reply.</summary>
public sealed class JudgingPlanTests
{
    /// <summary>A session of <paramref name="replies"/> user and NPC line pairs with no hits.</summary>
    private static ScoredTranscript Clean(string name, int replies) => new(
        new Transcript(name, null, [.. Enumerable.Range(1, replies).SelectMany(i => new[]
        {
            new TranscriptLine(2 * i - 1, "Wren", SpeakerRole.User, $"Question {i}?", []),
            new TranscriptLine(2 * i, "Mira", SpeakerRole.Npc, $"Answer {i}, Wren?", []),
        })]),
        []);

    private static readonly ImmutableArray<ScoredTranscript> Sessions = [Clean("a", 40), Clean("b", 60)];

    [Fact]
    public void Audits_TenPercentOfHundred_SamplesTen()
    {
        Assert.Equal(10, JudgingPlan.Audits(Sessions, 0.1, 1).Length);
    }

    [Fact]
    public void Audits_TinyShare_SamplesTheMinimum()
    {
        Assert.Equal(JudgingPlan.MinimumAudit, JudgingPlan.Audits(Sessions, 0.001, 1).Length);
    }

    [Fact]
    public void Audits_ZeroShare_SamplesNone()
    {
        Assert.Empty(JudgingPlan.Audits(Sessions, 0, 1));
    }

    [Fact]
    public void Audits_FewerRepliesThanMinimum_SamplesAll()
    {
        Assert.Equal(3, JudgingPlan.Audits([Clean("c", 3)], 0.1, 1).Length);
    }

    [Fact]
    public void Audits_SameSeed_SameReplies()
    {
        Assert.Equal(JudgingPlan.Audits(Sessions, 0.1, 42).Select(c => (c.Session, c.Line)),
            JudgingPlan.Audits(Sessions, 0.1, 42).Select(c => (c.Session, c.Line)));
    }

    [Fact]
    public void Audits_OtherSeed_OtherReplies()
    {
        Assert.NotEqual(JudgingPlan.Audits(Sessions, 0.1, 42).Select(c => (c.Session, c.Line)),
            JudgingPlan.Audits(Sessions, 0.1, 43).Select(c => (c.Session, c.Line)));
    }

    [Fact]
    public void Audits_Sample_OnlyUnflaggedNpcReplies()
    {
        var hit = new DetectorHit(2, 1, "Mira", BenchCategory.NoHook, 1, new Evidence("Answer", 0, 6), "test");
        var flagged = Clean("d", 5) with { Hits = [hit] };

        Assert.DoesNotContain(JudgingPlan.Audits([flagged], 1, 1), c => c.Line == 1 || c.Line % 2 == 0);
    }

    [Fact]
    public void Confirmations_TwoHitsOfOneCategoryOnOneReply_OneQuestionOneCategory()
    {
        DetectorHit Hit(string category) => new(2, 1, "Mira", category, 1, new Evidence("Answer", 0, 6), "test");
        var flagged = Clean("e", 2) with { Hits = [Hit(BenchCategory.Filler), Hit(BenchCategory.Filler), Hit(BenchCategory.NoHook)] };

        Assert.Equal([BenchCategory.Filler, BenchCategory.NoHook], JudgingPlan.Confirmations([flagged]).Single().Categories.ToArray());
    }
}
