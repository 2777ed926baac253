using System.Globalization;
using System.Net;
using System.Text;

namespace WorldPlay.Load;

/// <summary>load.html: the run's numbers and two plots (throughput, latency) over time, with the silo kill marked. One file with
/// inline SVG and no script, so it opens anywhere, offline, and can be attached to a report as it is.</summary>
public static class LoadPage
{
    private const int Width = 900;
    private const int Height = 260;
    private const int Left = 60;
    private const int Bottom = 30;
    private const int Top = 20;

    /// <summary>The page for <paramref name="report"/>.</summary>
    public static string Html(LoadReport report)
    {
        var timeline = report.Timeline;
        var end = Math.Max(1, timeline.Count == 0 ? 1 : timeline[^1].AtSeconds);
        var request = report.Request;
        var latency = report.Latency;
        var run = $"{request.Sessions} x {request.Turns}, {request.Characters} characters, world {Encode(request.World)}, " +
            $"mind {Encode(request.CharacterMind)}";
        var percentiles = $"p50 {latency.P50Ms} ms, p95 {latency.P95Ms} ms, p99 {latency.P99Ms} ms, max {latency.MaxMs} ms";
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>WorldPlay load run</title>
            <style>
            body { font: 14px system-ui, sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; } td { padding: 2px 12px 2px 0; }
            .ok { color: #176317; } .bad { color: #b00020; }
            svg text { font: 11px system-ui, sans-serif; fill: #444; }
            </style></head><body>
            <h1>WorldPlay load run</h1>
            <p>{{Encode(report.Closing())}}</p>
            <table>
            <tr><td>sessions x turns</td><td>{{run}}</td></tr>
            <tr><td>lost turns</td><td class="{{(report.LostTurns == 0 ? "ok" : "bad")}}">{{report.LostTurns}}</td></tr>
            <tr><td>errors</td><td class="{{(report.ErrorCount == 0 ? "ok" : "bad")}}">{{report.ErrorCount}}</td></tr>
            <tr><td>turn latency</td><td>{{percentiles}}</td></tr>
            <tr><td>silo kill</td><td>{{(report.Kill is { } k ? Encode(k.Describe()) : "none")}}</td></tr>
            </table>
            """);
        html.Append("<h2>Throughput (turns acknowledged per second)</h2>");
        html.Append(Plot(
            timeline, end, report.Kill?.AtSeconds, logarithmic: false, "turns/s", [("turns/s", "#1f6fb2", p => p.TurnsPerSecond)]));
        html.Append("<h2>Turn latency (ms, log scale)</h2>");
        html.Append(Plot(timeline, end, report.Kill?.AtSeconds, logarithmic: true, "ms",
            [("p50", "#1f6fb2", p => p.P50Ms), ("p99", "#d9822b", p => p.P99Ms), ("call p99", "#888888", p => p.CallP99Ms)]));
        html.Append("<p>Turn latency is what each scene measured for a turn (decide, judge, commit); " +
            "a call's latency is what this client waited for one Play call (up to 20 turns), retries included.</p>");
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static string Plot(IReadOnlyList<LoadSecond> timeline, double end, double? kill, bool logarithmic, string unit,
        IReadOnlyList<(string Name, string Color, Func<LoadSecond, double> Value)> series)
    {
        var max = Math.Max(1, series.SelectMany(s => timeline.Select(s.Value)).DefaultIfEmpty(1).Max());
        double Y(double value) => logarithmic
            ? Top + ((Height - Top - Bottom) * (1 - (Math.Log10(Math.Max(value, 0.1)) + 1) / (Math.Log10(max) + 1)))
            : Top + ((Height - Top - Bottom) * (1 - (value / max)));
        double X(double seconds) => Left + ((Width - Left - 20) * seconds / end);
        var svg = new StringBuilder();
        svg.Append(
            CultureInfo.InvariantCulture,
            $"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{Height}" viewBox="0 0 {Width} {Height}">""");
        svg.Append(
            CultureInfo.InvariantCulture,
            $"""<line x1="{Left}" y1="{Height - Bottom}" x2="{Width - 20}" y2="{Height - Bottom}" stroke="#999"/>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{Left}" y1="{Top}" x2="{Left}" y2="{Height - Bottom}" stroke="#999"/>""");
        foreach (var tick in logarithmic ? LogTicks(max) : [0, max / 2, max])
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Left - 6}" y="{Y(tick) + 4:0.#}" text-anchor="end">{tick:0.#}</text>""");
            svg.Append(
                CultureInfo.InvariantCulture,
                $"""<line x1="{Left}" y1="{Y(tick):0.#}" x2="{Width - 20}" y2="{Y(tick):0.#}" stroke="#eee"/>""");
        }
        foreach (var second in new[] { 0, end / 2, end })
        {
            svg.Append(
                CultureInfo.InvariantCulture, $"""<text x="{X(second):0.#}" y="{Height - 10}" text-anchor="middle">{second:0} s</text>""");
        }
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Left + 4}" y="{Top - 6}">{Encode(unit)}</text>""");
        var legend = Left + 80;
        foreach (var (name, color, value) in series)
        {
            var points = string.Join(
                ' ', timeline.Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.AtSeconds):0.#},{Y(value(p)):0.#}")));
            svg.Append(CultureInfo.InvariantCulture, $"""<polyline fill="none" stroke="{color}" stroke-width="1.5" points="{points}"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{legend}" y="{Top - 15}" width="12" height="3" fill="{color}"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{legend + 16}" y="{Top - 10}">{Encode(name)}</text>""");
            legend += 90;
        }
        if (kill is { } at)
        {
            svg.Append(
                CultureInfo.InvariantCulture,
                $"""<line x1="{X(at):0.#}" y1="{Top}" x2="{X(at):0.#}" y2="{Height - Bottom}" stroke="#b00020" stroke-dasharray="4 3" """);
            svg.Append("""stroke-width="2"/>""");
            svg.Append(
                CultureInfo.InvariantCulture,
                $"""<text x="{X(at) + 4:0.#}" y="{Top + 12}" fill="#b00020">silo killed at {at:0.0} s</text>""");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static IEnumerable<double> LogTicks(double max)
    {
        for (var tick = 0.1; tick <= max * 1.0001; tick *= 10)
        {
            yield return tick;
        }
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
