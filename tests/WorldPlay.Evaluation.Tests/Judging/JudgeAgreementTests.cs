using System.Collections.Immutable;
using WorldPlay.Evaluation.Detectors;
using WorldPlay.Evaluation.Judging;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Tests.Judging;

/// <summary>Agreement numbers on a constructed case: 3 flagged content.ooc replies (2 confirmed, 1 rejected), 4 answered audits
/// (1 found content.ooc), 1 unreadable audit. By hand: precision 2/3, miss rate 1/4, kappa (5/7 − 25/49) / (1 − 25/49) = 10/24.</summary>
public sealed class JudgeAgreementTests
{
    private static readonly ScoredTranscript Session = new(
        new Transcript("s", null,
            [.. Enumerable.Range(0, 8).Select(i => new TranscriptLine(i + 1, "Mira", SpeakerRole.Npc, $"Line {i}.", []))]),
        [.. Enumerable.Range(0, 3)
            .Select(i => new DetectorHit(i + 1, i, "Mira", BenchCategory.OutOfCharacter, 5, new Evidence("Line", 0, 4), "test"))]);

    private static Judgement Confirm(int line, bool present) => new(
        new JudgeCase(0, "s", line, line + 1, "Mira", JudgePurpose.Confirm, [BenchCategory.OutOfCharacter]),
        JudgeOutcome.Answered, [new JudgeVerdict(BenchCategory.OutOfCharacter, present, "", "")], null);

    private static Judgement Audit(int line, params string[] found) => new(
        new JudgeCase(0, "s", line, line + 1, "Mira", JudgePurpose.Audit, [.. BenchCategory.All]),
        JudgeOutcome.Answered, [.. found.Select(c => new JudgeVerdict(c, true, "Line", "test"))], null);

    private static JudgeReport Report() => JudgeAgreement.Summarize("m", 0.5, 1, [Session],
    [
        Confirm(0, true), Confirm(1, true), Confirm(2, false),
        Audit(3, BenchCategory.OutOfCharacter), Audit(4), Audit(5), Audit(6),
        new Judgement(new JudgeCase(0, "s", 7, 8, "Mira", JudgePurpose.Audit, [.. BenchCategory.All]), JudgeOutcome.Unreadable, [],
            "garbled"),
    ]);

    private static JudgeCategoryAgreement Ooc() => Report().Categories.Single(c => c.Id == BenchCategory.OutOfCharacter);

    [Fact]
    public void Summarize_ConstructedCase_PrecisionTwoThirds()
    {
        Assert.Equal(0.6667, Ooc().Precision);
    }

    [Fact]
    public void Summarize_ConstructedCase_MissRateOneQuarter()
    {
        Assert.Equal((4, 1, 0.25), (Ooc().Audited, Ooc().Found, Ooc().MissRate));
    }

    [Fact]
    public void Summarize_ConstructedCase_KappaByHand()
    {
        Assert.Equal(Math.Round(10.0 / 24, 4), Ooc().Kappa);
    }

    [Fact]
    public void Summarize_UnreadableAudit_CountedAndLeftOut()
    {
        var report = Report();

        Assert.Equal((1, 5, 4), (report.Unreadable, report.AuditSampled, report.Audited));
    }

    [Fact]
    public void Summarize_OverallKappa_PoolsEveryCategoryOfTheAudits()
    {
        // Pooled: 2 both yes, 1 detectors only, 1 judge only, 4 × 13 − 1 = 51 both no.
        Assert.Equal(JudgeAgreement.Kappa(2, 1, 1, 51), Report().Kappa);
    }

    [Fact]
    public void Summarize_CategoryNeverFlaggedNorFound_KappaUndefined()
    {
        Assert.Null(Report().Categories.Single(c => c.Id == BenchCategory.Boundary).Kappa);
    }

    [Fact]
    public void Summarize_RejectionAndMiss_ListedAsDisagreements()
    {
        Assert.Equal([(3, "rejected"), (4, "missed")], Report().Disagreements.Select(d => (d.Turn, d.Kind)));
    }

    [Fact]
    public void Kappa_PerfectAgreementBothWays_One()
    {
        Assert.Equal(1.0, JudgeAgreement.Kappa(3, 0, 0, 5));
    }
}
