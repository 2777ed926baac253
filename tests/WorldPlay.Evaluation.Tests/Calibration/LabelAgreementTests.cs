using WorldPlay.Evaluation.Calibration;

namespace WorldPlay.Evaluation.Tests.Calibration;

/// <summary>Counting a rater against labels, independent of any detector: findings written by hand over the fixture corpus.</summary>
public sealed class LabelAgreementTests
{
    private static readonly IReadOnlyList<LabelledSession> Fixture = LabelledCorpus.Read(CalibrationFolders.Fixture);

    /// <summary>A rater that finds exactly the labels (when <paramref name="perfect"/>) or nothing, on every NPC reply.</summary>
    private static List<RaterFindings> Rater(bool perfect, params (string File, int Turn, string Category)[] extra) =>
    [
        .. Fixture.Select(s => new RaterFindings(s,
            (perfect ? s.Labels.Select(l => (l.Turn, l.Category)) : [])
                .Concat(extra.Where(e => e.File == s.File).Select(e => (e.Turn, e.Category))).ToHashSet(),
            s.Transcript.NpcLines.Select(l => l.Turn).ToHashSet())),
    ];

    [Fact]
    public void PerLanguage_RaterFindsExactlyTheLabels_PrecisionRecallKappaOne()
    {
        var zh = LabelAgreement.PerLanguage(Rater(perfect: true)).Single(l => l.Language == "zh").Total;

        Assert.Equal((8, 8, 0, 0, 1.0, 1.0, 1.0), (zh.Labelled, zh.TruePositives, zh.FalsePositives, zh.FalseNegatives, zh.Precision,
            zh.Recall, zh.Kappa));
    }

    [Fact]
    public void PerLanguage_RaterFindsNothing_EveryLabelAFalseNegative()
    {
        var en = LabelAgreement.PerLanguage(Rater(perfect: false)).Single(l => l.Language == "en").Total;

        Assert.Equal((8, 0, 0, 8, null, 0.0), (en.Labelled, en.TruePositives, en.FalsePositives, en.FalseNegatives, en.Precision,
            en.Recall));
    }

    [Fact]
    public void PerLanguage_OneExtraFinding_OneFalsePositiveInItsLanguageAndCategory()
    {
        var languages = LabelAgreement.PerLanguage(Rater(perfect: true, ("dev/inn-night.jsonl", 2, BenchCategory.Repetition)));
        var repetition = languages.Single(l => l.Language == "en").Categories.Single(c => c.Category == BenchCategory.Repetition);

        Assert.Equal((0, 1, 0.0, null), (repetition.TruePositives, repetition.FalsePositives, repetition.Precision, repetition.Recall));
    }

    [Fact]
    public void PerLanguage_FindingOnAUserTurn_NotCounted()
    {
        var languages = LabelAgreement.PerLanguage(Rater(perfect: true, ("dev/inn-night.jsonl", 1, BenchCategory.Repetition)));

        Assert.Equal(0, languages.Single(l => l.Language == "en").Total.FalsePositives);
    }

    [Fact]
    public void PerHalf_OneHalfOnly_Empty()
    {
        var dev = Rater(perfect: true).Where(f => f.Session.Half == "dev").ToList();

        Assert.Empty(LabelAgreement.PerHalf(dev));
    }
}
