using System.Buffers.Binary;
using System.Text.Json;
using WorldPlay.Evaluation;
using WorldPlay.Evaluation.Detectors;
using WorldPlay.Evaluation.Reports;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Browser.Tests;

/// <summary>The bench report built from the labelled corpus, as a person sees it: report.html opened from disk in
/// headless Chromium.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class BenchReportPageTests(HeadlessChromium chromium)
{
    private static readonly Lazy<string> ReportHtmlPath = new(WriteReport);

    private static string WriteReport()
    {
        var corpus = Path.Combine(AppContext.BaseDirectory, "Corpus");
        var sessions = Directory.GetFiles(corpus, "*.jsonl")
            .Order(StringComparer.Ordinal)
            .Select(f => TranscriptScorer.Score(TranscriptReader.Read(f)))
            .ToList();
        var directory = Directory.CreateTempSubdirectory("worldplay-bench-report-").FullName;
        ReportFiles.Write(BenchReportBuilder.Build(sessions), directory);
        return Path.Combine(directory, ReportFiles.HtmlName);
    }

    private sealed record Chart(double Width, double Height, int DrawnLines);

    private async Task<List<Chart>> ChartsAsync()
    {
        await using var opened = await chromium.OpenAsync(ReportHtmlPath.Value);
        // A line counts as drawn when it has at least two points (or a path length) and a box on screen.
        var charts = await opened.Page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('figure svg')].map(svg => {
              const box = svg.getBoundingClientRect();
              const drawn = [...svg.querySelectorAll('polyline, path')].filter(line => {
                const extent = line.getBoundingClientRect();
                const hasPoints = line.tagName === 'polyline' ? line.points.numberOfItems >= 2 : line.getTotalLength() > 0;
                return hasPoints && (extent.width > 0 || extent.height > 0);
              });
              return { width: box.width, height: box.height, drawnLines: drawn.length };
            })
            """);
        return [.. charts.EnumerateArray().Select(c => new Chart(
            c.GetProperty("width").GetDouble(), c.GetProperty("height").GetDouble(), c.GetProperty("drawnLines").GetInt32()))];
    }

    [Fact]
    public async Task ReportPage_Opened_TitleAndHeadingNameTheBench()
    {
        await using var opened = await chromium.OpenAsync(ReportHtmlPath.Value);

        var shown = (await opened.Page.TitleAsync(), await opened.Page.Locator("h1").InnerTextAsync());

        Assert.Equal(("Role-Play Bench report", "Role-Play Bench report"), shown);
    }

    [Fact]
    public async Task ReportCharts_Rendered_BothInlineSvgsHaveSize()
    {
        var charts = await ChartsAsync();

        Assert.Equal([true, true], charts.Select(c => c.Width > 0 && c.Height > 0));
    }

    [Fact]
    public async Task ReportCharts_Rendered_EachDrawsALineWithPoints()
    {
        var charts = await ChartsAsync();

        Assert.Equal([true, true], charts.Select(c => c.DrawnLines > 0));
    }

    [Fact]
    public async Task CategoryTable_Rendered_ListsTheThirteenIdsInOrder()
    {
        await using var opened = await chromium.OpenAsync(ReportHtmlPath.Value);

        var ids = await opened.Page.EvaluateAsync<string[]>("""
            () => {
              const heading = [...document.querySelectorAll('h2')].find(h => h.textContent.trim() === 'Categories');
              return [...heading.nextElementSibling.querySelectorAll('tr')]
                .filter(row => row.querySelector('td'))
                .map(row => row.querySelector('td').innerText.trim());
            }
            """);

        Assert.Equal(BenchCategory.All, ids);
    }

    [Fact]
    public async Task ReportPage_Loaded_NoRequestLeavesTheFile()
    {
        await using var opened = await chromium.OpenAsync(ReportHtmlPath.Value);

        Assert.Empty(opened.OffFileRequests);
    }

    [Fact]
    public async Task ReportPage_FullPageScreenshot_CoversTheWholeDocument()
    {
        await using var opened = await chromium.OpenAsync(ReportHtmlPath.Value);
        var path = Path.Combine(Repository.DocsImages(), "bench-report.png");

        var png = await opened.Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        var documentHeight = await opened.Page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");

        // PNG: 8-byte signature, then the IHDR chunk whose data starts with width and height (big-endian).
        Assert.Equal(documentHeight, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }
}
