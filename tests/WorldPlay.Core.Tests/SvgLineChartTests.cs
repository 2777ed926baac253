using WorldPlay.Core.Charts;

namespace WorldPlay.Core.Tests;

/// <summary>The SVG a chart writes: its canvas, where values land on a linear and a logarithmic axis, and encoded text.</summary>
public sealed class SvgLineChartTests
{
    // A 200 x 100 canvas whose plot area runs from (10, 20) to (110, 70): 100 pixels wide, 50 high.
    private static readonly ChartArea Area = new(10, 20, 110, 70);

    private static SvgLineChart Chart(ChartScale? y = null, string? label = null) =>
        new(200, 100, Area, ChartScale.Linear(0, 10), y ?? ChartScale.Linear(0, 5), label);

    [Fact]
    public void Empty_WithoutLabel_IsTheBareCanvas() =>
        Assert.Equal(
            """<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100"></svg>""",
            Chart().ToString());

    [Fact]
    public void Label_WithMarkup_IsAnEncodedAccessibleName() =>
        Assert.Equal(
            """<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100" role="img" """ +
            """aria-label="Rate &lt;p50&gt; &amp; &quot;p99&quot;"></svg>""",
            Chart(label: "Rate <p50> & \"p99\"").ToString());

    [Fact]
    public void Series_LinearScales_PlacesPointsInThePlotArea() =>
        Assert.Contains(
            """<polyline fill="none" stroke="#1f6fb2" stroke-width="1.5" points="10,70 35,57.5 110,20"/>""",
            Chart().Series([(0, 0), (2.5, 1.25), (10, 5)], "#1f6fb2", 1.5).ToString(),
            StringComparison.Ordinal);

    [Fact]
    public void Series_Coordinates_HaveAtMostOneDecimal() =>
        Assert.Contains(
            """points="13.3,53.3 """,
            Chart().Series([(1 / 3.0, 5 / 3.0), (10, 5)], "#000", 2).ToString(),
            StringComparison.Ordinal);

    [Fact]
    public void Series_LogScale_GivesEachPowerOfTenAnEqualStep() =>
        Assert.Contains(
            """points="10,70 20,57.5 30,45 40,32.5 50,20 60,70"/>""",
            Chart(ChartScale.Log10(0.1, 1000)).Series([(0, 0.1), (1, 1), (2, 10), (3, 100), (4, 1000), (5, 0)], "#000", 2).ToString(),
            StringComparison.Ordinal);

    [Fact]
    public void Text_WithMarkup_IsEncoded() =>
        Assert.Contains(
            """<text x="14" y="14" text-anchor="end" fill="#b00020">a &lt;b&gt; &amp; c</text>""",
            Chart().Text(14, 14, "a <b> & c", anchor: "end", fill: "#b00020").ToString(),
            StringComparison.Ordinal);

    [Fact]
    public void LineAndRect_Attributes_ComeInTheirUsualOrder() =>
        Assert.EndsWith(
            """<line x1="35" y1="20" x2="35" y2="70" stroke="#b00020" stroke-dasharray="4 3" stroke-width="2"/>""" +
            """<rect x="10" y="20" width="100" height="50" fill="none" stroke="#ccc"/></svg>""",
            Chart().Line(35, 20, 35, 70, "#b00020", dashes: "4 3", width: 2)
                .Rect(10, 20, 100, 50, "none", stroke: "#ccc").ToString(),
            StringComparison.Ordinal);
}
