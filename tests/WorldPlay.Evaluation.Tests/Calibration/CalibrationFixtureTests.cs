using WorldPlay.Evaluation.Calibration;

namespace WorldPlay.Evaluation.Tests.Calibration;

/// <summary>The detectors measured on the fixture corpus (Fixtures/calibration: four short sessions, two en and two zh, one
/// zh ensemble, dev/ and test/ halves, 16 labels), every count exact. The zh figures include the detectors' Chinese blind spots
/// as they stand; when the detectors
/// change, these figures change with them, and the failure message prints the new row.</summary>
public sealed class CalibrationFixtureTests
{
    private static readonly Lazy<CalibrationReport> Report =
        new(() => CalibrationReport.Measure(CalibrationFolders.Fixture, LabelledCorpus.Read(CalibrationFolders.Fixture)));

    /// <summary>(labelled, TP, FP, FN) per language and category; a category not listed is (0, 0, 0, 0).</summary>
    private static readonly Dictionary<(string Language, string Category), (int, int, int, int)> Expected = new()
    {
        [("en", BenchCategory.LawViolation)] = (2, 1, 0, 1),
        [("en", BenchCategory.Filler)] = (1, 1, 0, 0),
        [("en", BenchCategory.OutOfCharacter)] = (1, 1, 0, 0),
        [("en", BenchCategory.SpeaksForUser)] = (1, 1, 0, 0),
        [("en", BenchCategory.IgnoresUser)] = (1, 1, 1, 0),
        [("en", BenchCategory.NoHook)] = (1, 1, 0, 0),
        [("en", BenchCategory.Boundary)] = (1, 1, 0, 0),
        [("zh", BenchCategory.MixedLanguage)] = (1, 1, 0, 0),
        [("zh", BenchCategory.Formatting)] = (1, 1, 0, 0),
        [("zh", BenchCategory.LawViolation)] = (1, 1, 0, 0),
        [("zh", BenchCategory.Filler)] = (1, 1, 0, 0),
        [("zh", BenchCategory.OutOfCharacter)] = (1, 1, 0, 0),
        [("zh", BenchCategory.IgnoresUser)] = (0, 0, 1, 0),
        [("zh", BenchCategory.SpeaksForUser)] = (1, 1, 0, 0),
        // 阿福's refusal (作为一个人工智能语言模型...) is content.ooc; no_hook does not judge out-of-character replies (Labelled/dev
        // never labels them no_hook), so the fixture's no_hook label on it is a miss.
        [("zh", BenchCategory.NoHook)] = (2, 1, 0, 1),
    };

    public static TheoryData<string, string> LanguagesAndCategories()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in new[] { "en", "zh" })
        {
            foreach (var category in BenchCategory.All)
            {
                data.Add(language, category);
            }
        }
        return data;
    }

    private static LanguageAgreement Language(string language) => Report.Value.Detectors.Languages.Single(l => l.Language == language);

    [Theory]
    [MemberData(nameof(LanguagesAndCategories))]
    public void Detectors_OnFixture_CountsPerLanguageAndCategoryAreExact(string language, string category)
    {
        var row = Language(language).Categories.Single(c => c.Category == category);

        Assert.Equal(Expected.GetValueOrDefault((language, category)),
            (row.Labelled, row.TruePositives, row.FalsePositives, row.FalseNegatives));
    }

    [Fact]
    public void Detectors_OnFixture_TotalPoolsEveryCategory()
    {
        var en = Language("en").Total;

        Assert.Equal((8, 7, 1, 1, 0.875, 0.875), (en.Labelled, en.TruePositives, en.FalsePositives, en.FalseNegatives, en.Precision,
            en.Recall));
    }

    [Fact]
    public void Detectors_NothingFoundNothingLabelled_PrecisionAndRecallUndefined()
    {
        var repetition = Language("en").Categories.Single(c => c.Category == BenchCategory.Repetition);

        Assert.Equal((null, null, null), (repetition.Precision, repetition.Recall, repetition.Kappa));
    }

    [Fact]
    public void Detectors_OnFixture_TrueNegativesFillTheRest()
    {
        var noHook = Language("zh").Categories.Single(c => c.Category == BenchCategory.NoHook);

        Assert.Equal(Language("zh").Replies, noHook.TruePositives + noHook.FalsePositives + noHook.FalseNegatives + noHook.TrueNegatives);
    }

    [Fact]
    public void Halves_OnFixture_DevAndTestEachPerLanguage()
    {
        var halves = Report.Value.Detectors.Halves.Select(h => $"{h.Half}: {string.Join(" ", h.Languages.Select(l =>
            $"{l.Language} {l.Sessions}/{l.Replies} {l.Total.Labelled}/{l.Total.TruePositives}/{l.Total.FalsePositives}/" +
            $"{l.Total.FalseNegatives}"))}");

        Assert.Equal(["dev: en 1/5 6/6/0/0 zh 1/5 5/4/1/1", "test: en 1/4 2/1/1/1 zh 1/4 3/3/0/0"], halves);
    }

    [Fact]
    public void Corpus_OnFixture_SizeByLanguageEnsembleAndLabels()
    {
        var r = Report.Value;

        Assert.Equal((4, 18, "en 9, zh 9", 5, 16, "dev, test"),
            (r.Sessions, r.NpcReplies, string.Join(", ", r.RepliesByLanguage.Select(l => $"{l.Key} {l.Value}")), r.EnsembleReplies,
            r.Labels, string.Join(", ", r.Halves)));
    }

    [Fact]
    public void Misses_OnFixture_NameEveryFalsePositiveAndNegative()
    {
        var misses = Report.Value.Detectors.Misses;
        var counted = Report.Value.Detectors.Languages.Sum(l => l.Total.FalsePositives + l.Total.FalseNegatives);

        Assert.Equal(counted, misses.Length);
    }

    [Fact]
    public void Misses_FalseNegative_CarriesTheLabellersWhy()
    {
        var miss = Report.Value.Detectors.Misses
            .Single(m => m.Session == "test/lamp-rock.jsonl" && m.Kind == CalibrationMiss.FalseNegative);

        Assert.Equal((8, "Tom", BenchCategory.LawViolation, "flies in a world without magic"), (miss.Turn, miss.Speaker, miss.Category,
            miss.Note));
    }

    [Fact]
    public void Read_OneHalf_HasNoHalves()
    {
        var dev = CalibrationReport.Measure("dev", LabelledCorpus.Read(Path.Combine(CalibrationFolders.Fixture, "dev")));

        Assert.Equal((2, 0, 0), (dev.Sessions, dev.Halves.Length, dev.Detectors.Halves.Length));
    }

    [Fact]
    public void Text_OnFixture_OneTablePerLanguageThenPerHalfAndLanguage()
    {
        var titles = Report.Value.ToText().Split('\n').Where(l => l.StartsWith("detectors", StringComparison.Ordinal))
            .Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]);

        Assert.Equal(["detectors, en", "detectors, zh", "detectors, dev, en", "detectors, dev, zh", "detectors, test, en",
            "detectors, test, zh"], titles);
    }

    [Fact]
    public void Text_UndefinedShare_PrintedNotApplicable()
    {
        var row = Report.Value.ToText().Split('\n')
            .First(l => l.TrimStart().StartsWith(BenchCategory.Repetition, StringComparison.Ordinal));

        Assert.EndsWith("n/a     n/a", row.TrimEnd(), StringComparison.Ordinal);
    }
}
