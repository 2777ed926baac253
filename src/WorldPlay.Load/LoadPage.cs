using System.Globalization;
using System.Net;
using System.Text;
using WorldPlay.Contracts;
using WorldPlay.Core.Charts;

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
        var percentiles = $"p50 {latency.P50Ms} ms, p95 {latency.P95Ms} ms, p99 {latency.P99Ms} ms, p99.9 {latency.P999Ms} ms, " +
            $"max {latency.MaxMs} ms";
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
            <tr><td>shed (busy, retried)</td><td>{{report.ShedCount}}</td></tr>
            <tr><td>throughput from the first turn</td>
            <td>{{report.TurnsPerSecondFromFirstTurn}} turns/s (first turn at {{report.FirstTurnAt}} s)</td></tr>
            <tr><td>silo kill</td><td>{{(report.Kill is { } k ? Encode(k.Describe()) : "none")}}</td></tr>
            </table>
            """);
        html.Append(PhaseTable(report.Phases));
        var committed = report.CommittedPerSecond().Select((n, second) => (second + 0.5, (double)n)).ToList();
        html.Append("<h2>Throughput (turns per second)</h2>");
        html.Append(Plot(end, report.Kill?.AtSeconds, logarithmic: false, "turns/s",
        [
            ("acknowledged", "#1f6fb2", Series(timeline, p => p.TurnsPerSecond)),
            ("committed", "#2b9348", committed),
        ]));
        html.Append("<h2>Turn latency (ms, log scale)</h2>");
        html.Append(Plot(end, report.Kill?.AtSeconds, logarithmic: true, "ms",
        [
            ("p50", "#1f6fb2", Series(timeline, p => p.P50Ms)),
            ("p99", "#d9822b", Series(timeline, p => p.P99Ms)),
            ("call p99", "#888888", Series(timeline, p => p.CallP99Ms)),
        ]));
        html.Append(GatePlot(report.GateSamples, end, report.Kill?.AtSeconds));
        html.Append("<p>Turn latency is what each scene measured for a turn (decide, judge, commit); " +
            "a call's latency is what this client waited for one Play call (up to 20 turns), retries included.</p>");
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static List<(double, double)> Series(IReadOnlyList<LoadSecond> timeline, Func<LoadSecond, double> value) =>
        [.. timeline.Select(p => (p.AtSeconds, value(p)))];

    private static string PhaseTable(IReadOnlyList<LoadPhase> phases)
    {
        var rows = new StringBuilder("<h2>Phases</h2><table><tr><td>phase</td><td>from-to s</td><td>turns</td><td>turns/s</td>" +
            "<td>p50</td><td>p95</td><td>p99</td><td>p99.9</td><td>max (ms)</td></tr>");
        foreach (var p in phases)
        {
            rows.Append(CultureInfo.InvariantCulture, $"<tr><td>{p.Name}</td><td>{p.FromSeconds}-{p.ToSeconds}</td><td>{p.Turns}</td>" +
                $"<td>{p.TurnsPerSecond}</td><td>{p.P50Ms}</td><td>{p.P95Ms}</td><td>{p.P99Ms}</td><td>{p.P999Ms}</td>" +
                $"<td>{p.MaxMs}</td></tr>");
        }
        return rows.Append("</table>").ToString();
    }

    /// <summary>Each silo's running and waiting turns, sampled once a second; nothing when no silo was sampled (the API).</summary>
    private static string GatePlot(IReadOnlyList<GateSample> samples, double end, double? kill)
    {
        if (samples.Count == 0)
        {
            return "";
        }
        string[] colors = ["#1f6fb2", "#d9822b", "#2b9348", "#9d4edd", "#888888", "#b00020"];
        var silos = samples.Select(s => s.Reading.Silo).Distinct().ToList();
        IReadOnlyList<(double, double)> Of(string silo, Func<SiloMeterReading, int> count) =>
            [.. samples.Where(s => s.Reading.Silo == silo).Select(s => (s.AtSeconds, (double)count(s.Reading)))];
        var series = silos.SelectMany((silo, i) => new[]
        {
            ($"running {i + 1}", colors[(2 * i) % colors.Length], Of(silo, r => r.Running)),
            ($"waiting {i + 1}", colors[((2 * i) + 1) % colors.Length], Of(silo, r => r.Waiting)),
        }).ToList();
        var names = string.Join("; ", silos.Select((silo, i) => $"{i + 1}: {Encode(silo)}"));
        return "<h2>Turn gate (turns running and waiting per silo, each second)</h2>" +
            $"{Plot(end, kill, logarithmic: false, "turns", series)}<p>Silos: {names}.</p>";
    }

    private static string Plot(double end, double? kill, bool logarithmic, string unit,
        IReadOnlyList<(string Name, string Color, IReadOnlyList<(double At, double Value)> Points)> series)
    {
        var max = Math.Max(1, series.SelectMany(s => s.Points.Select(p => p.Value)).DefaultIfEmpty(1).Max());
        var right = Width - 20;
        var bottom = Height - Bottom;
        var chart = new SvgLineChart(
            Width, Height, new ChartArea(Left, Top, right, bottom), ChartScale.Linear(0, end),
            logarithmic ? ChartScale.Log10(0.1, max) : ChartScale.Linear(0, max));
        chart.Line(Left, bottom, right, bottom, "#999").Line(Left, Top, Left, bottom, "#999");
        foreach (var tick in logarithmic ? LogTicks(max) : [0, max / 2, max])
        {
            chart.Text(Left - 6, chart.Y(tick) + 4, tick.ToString("0.#", CultureInfo.InvariantCulture), anchor: "end")
                .Line(Left, chart.Y(tick), right, chart.Y(tick), "#eee");
        }
        foreach (var second in new[] { 0, end / 2, end })
        {
            chart.Text(chart.X(second), Height - 10, string.Create(CultureInfo.InvariantCulture, $"{second:0} s"), anchor: "middle");
        }
        chart.Text(Left + 4, Top - 6, unit);
        var legend = Left + 80;
        foreach (var (name, color, points) in series)
        {
            chart.Series(points, color, 1.5)
                .Rect(legend, Top - 15, 12, 3, color)
                .Text(legend + 16, Top - 10, name);
            legend += 90;
        }
        if (kill is { } at)
        {
            var killed = string.Create(CultureInfo.InvariantCulture, $"silo killed at {at:0.0} s");
            chart.Line(chart.X(at), Top, chart.X(at), bottom, "#b00020", dashes: "4 3", width: 2)
                .Text(chart.X(at) + 4, Top + 12, killed, fill: "#b00020");
        }
        return chart.ToString();
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
