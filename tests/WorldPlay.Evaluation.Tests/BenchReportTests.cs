using WorldPlay.Evaluation.Detectors;
using WorldPlay.Evaluation.Reports;

namespace WorldPlay.Evaluation.Tests;

public sealed class BenchReportTests
{
    private static List<ScoredTranscript> Corpus() => [.. DetectorValidationTests.Corpus().Select(c => c.Scored)];

    [Fact]
    public void Build_SameInput_SameJson()
    {
        var dirA = Directory.CreateTempSubdirectory("bench-a-").FullName;
        var dirB = Directory.CreateTempSubdirectory("bench-b-").FullName;
        ReportFiles.Write(BenchReportBuilder.Build(Corpus()), dirA);
        ReportFiles.Write(BenchReportBuilder.Build(Corpus()), dirB);

        Assert.Equal(File.ReadAllText(Path.Combine(dirA, "report.json")), File.ReadAllText(Path.Combine(dirB, "report.json")));
    }

    [Fact]
    public void Build_Corpus_IntervalsContainRates()
    {
        var report = BenchReportBuilder.Build(Corpus());

        Assert.All(report.Categories, c => Assert.InRange(c.Rate, c.Interval.Low, c.Interval.High));
    }

    [Fact]
    public void FindWall_RateJumpsAfterTwentyReplies_WallAtTwentyOne()
    {
        var replies = Enumerable.Range(1, 40).Select(i => (i, i > 20 && i % 4 != 0)).ToList();

        Assert.Equal(21, BenchReportBuilder.FindWall(replies)?.FromIndex);
    }

    [Fact]
    public void FindWall_SteadyRate_Null()
    {
        var replies = Enumerable.Range(1, 40).Select(i => (i, i % 5 == 0)).ToList();

        Assert.Null(BenchReportBuilder.FindWall(replies));
    }

    [Fact]
    public void Html_Rendered_HasChartsAndNoScripts()
    {
        var html = ReportHtml.Render(BenchReportBuilder.Build(Corpus()));

        Assert.Contains("<polyline", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://cdn", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_CleanVersusPlanted_CleanLeads()
    {
        var clean = BenchReportBuilder.Build([.. DetectorValidationTests.Corpus().Where(c => c.Clean).Select(c => c.Scored)]);
        var planted = BenchReportBuilder.Build([.. DetectorValidationTests.Corpus().Where(c => !c.Clean).Select(c => c.Scored)]);

        Assert.Equal("clean", Leaderboard.Compare([("planted", planted), ("clean", clean)])[0].Name);
    }
}
