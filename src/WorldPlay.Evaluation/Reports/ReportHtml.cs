using System.Globalization;
using System.Net;
using System.Text;
using WorldPlay.Core.Charts;

namespace WorldPlay.Evaluation.Reports;

/// <summary>Renders a report as one self-contained HTML page: inline SVG charts and CSS, no scripts, nothing fetched.</summary>
public static class ReportHtml
{
    private const int ChartWidth = 640;
    private const int ChartHeight = 220;
    private const int Margin = 40;

    public static string Render(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Role-Play Bench report</title>
            <style>
            body{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222}
            table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}
            th{background:#f3f3f3}td.num{text-align:right;font-variant-numeric:tabular-nums}
            .score{font-size:2em;font-weight:bold}.turn{border:1px solid #ddd;border-radius:6px;padding:.6em 1em;margin:1em 0}
            mark{background:#ffd36b}.hit{color:#a33;font-size:.9em}svg text{font-size:11px;fill:#555}
            </style></head><body>
            <h1>Role-Play Bench report</h1>
            """);
        html.Append(CultureInfo.InvariantCulture, $"<p>{report.Sessions} session(s), {report.NpcTurns} NPC replies scored. Score = " +
            $"100 × (1 − share of NPC replies with at least one misalignment).</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"score\">Overall {F(report.Overall.Score)} " +
            $"<small>[{F(report.Overall.Interval.Low)}, {F(report.Overall.Interval.High)}]</small></p>");
        html.Append("<table><tr><th>group</th><th>score</th><th>95% interval</th></tr>");
        foreach (var g in report.Groups)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(g.Group)}</td><td class=\"num\">{F(g.Score)}</td><td " +
                $"class=\"num\">{F(g.Interval.Low)} – {F(g.Interval.High)}</td></tr>");
        }
        html.Append("</table>");
        Recall(html, report);
        html.Append("<h2>Quality over the session</h2>");
        html.Append(report.Wall is { } wall
            ? $"<p><strong>Wall</strong> at replies {wall.FromIndex}–{wall.ToIndex}: misalignment rate {F(wall.Rate * 100)}% against " +
                $"{F(wall.BaselineRate * 100)}% in the first window (p = " +
                $"{wall.PValue.ToString("0.####", CultureInfo.InvariantCulture)}).</p>"
            : "<p>No wall: no window of replies is significantly worse than the first.</p>");
        html.Append(Chart(
            "Misalignment rate per NPC reply (share of sessions)",
            report.Curve.Select(p => (p.Index, p.MisalignmentRate)).ToList(),
            "#c0392b",
            1.0));
        html.Append(Chart(
            "Mean NPC reply length (characters)", report.Curve.Select(p => (p.Index, p.MeanLength)).ToList(), "#2c6fbb", null));
        html.Append("<h2>Categories</h2><table><tr><th>category</th><th>group</th><th>hits</th><th>rate (hits per NPC reply)</th>" +
            "<th>95% interval</th></tr>");
        foreach (var c in report.Categories)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><code>{E(c.Id)}</code></td><td>{E(c.Group)}</td><td " +
                $"class=\"num\">{c.Hits}</td><td class=\"num\">{c.Rate:0.000}</td><td class=\"num\">{c.Interval.Low:0.000} – " +
                $"{c.Interval.High:0.000}</td></tr>");
        }
        html.Append("</table>");
        if (report.Judge is { } judge)
        {
            Judge(html, judge);
        }
        html.Append("<h2>Worst replies</h2>");
        if (report.WorstTurns.IsEmpty)
        {
            html.Append("<p>No misaligned replies.</p>");
        }
        foreach (var t in report.WorstTurns)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"turn\"><p><strong>{E(t.Session)}</strong>, turn {t.Turn}, " +
                $"{E(t.Speaker)} (worst severity {t.Severity})</p><p>{Highlight(t)}</p>");
            foreach (var h in t.Hits)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p class=\"hit\"><code>{E(h.Category)}</code> severity {h.Severity}: " +
                    $"{E(h.Reason)} — “{E(h.Evidence.Quote)}”</p>");
            }
            html.Append("</div>");
        }
        html.Append("<h2>Sessions</h2><table><tr><th>session</th><th>NPC replies</th><th>hits</th><th>score</th><th>probes</th>" +
            "<th>user-constructed recall</th></tr>");
        foreach (var s in report.SessionResults)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(s.Name)}</td><td class=\"num\">{s.NpcTurns}</td><td " +
                $"class=\"num\">{s.Hits}</td><td class=\"num\">{F(s.Score)}</td><td class=\"num\">{s.Probes}</td><td " +
                $"class=\"num\">{R(s.Recall)}</td></tr>");
        }
        html.Append("</table></body></html>\n");
        return html.ToString();
    }

    /// <summary>The LLM judge's agreement with the detectors: a summary line, a table per category, and the disagreements.</summary>
    private static void Judge(StringBuilder html, Judging.JudgeReport judge)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"judge\">LLM judge</h2><p>Judge model <code>{E(judge.Model)}</code>: " +
            $"{judge.Questions} question(s), {judge.Unreadable} unreadable answer(s), {judge.Failed} failed call(s). Flagged (reply, " +
            $"category) pairs: {judge.Flagged}, confirmed {judge.Confirmed}, rejected {judge.Rejected}, no verdict " +
            $"{judge.FlaggedNoVerdict}; precision as the judge sees it {P(judge.Precision)}. Audit: {judge.AuditSampled} of " +
            $"{judge.UnflaggedReplies} unflagged replies sampled ({F(judge.SampleFraction * 100)}%, seed {judge.Seed}), {judge.Audited} " +
            $"answered, {judge.AuditRepliesWithFindings} with a misalignment the detectors missed ({P(judge.MissRate)}). Cohen's kappa " +
            $"over all pairs: {K(judge.Kappa)}.</p>");
        html.Append("<table><tr><th>category</th><th>flagged</th><th>confirmed</th><th>rejected</th><th>no verdict</th><th>precision</th>" +
            "<th>audited</th><th>found in audit</th><th>miss rate</th><th>kappa</th></tr>");
        foreach (var c in judge.Categories)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><code>{E(c.Id)}</code></td><td class=\"num\">{c.Flagged}</td><td " +
                $"class=\"num\">{c.Confirmed}</td><td class=\"num\">{c.Rejected}</td><td class=\"num\">{c.FlaggedNoVerdict}</td><td " +
                $"class=\"num\">{P(c.Precision)}</td><td class=\"num\">{c.Audited}</td><td class=\"num\">{c.Found}</td><td " +
                $"class=\"num\">{P(c.MissRate)}</td><td class=\"num\">{K(c.Kappa)}</td></tr>");
        }
        html.Append("</table>");
        if (!judge.Disagreements.IsEmpty)
        {
            html.Append("<h3>Disagreements</h3><table><tr><th>session</th><th>turn</th><th>category</th><th>judge</th><th>evidence</th>" +
                "<th>judge's reason</th></tr>");
            foreach (var d in judge.Disagreements)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(d.Session)}</td><td class=\"num\">{d.Turn}</td>" +
                    $"<td><code>{E(d.Category)}</code></td><td>{E(d.Kind)}</td><td>{E(d.Evidence)}</td><td>{E(d.Reason)}</td></tr>");
            }
            html.Append("</table>");
        }
    }

    /// <summary>The user-constructed recall line: the share of probe turns answered consistently, and how a probe is chosen.</summary>
    private static void Recall(StringBuilder html, BenchReport report)
    {
        var recall = report.UserConstructedRecall ?? new RecallResult(0, 0, Detectors.ConstructedRecall.MinTurnsSinceCreation);
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"recall\">User-constructed recall</h2><p class=\"recall\"><strong>" +
            $"{R(recall.Recall)}</strong>: {recall.ConsistentProbes} of {recall.Probes} probe turn(s) answered without a " +
            $"<code>{E(BenchCategory.ReferenceConfusion)}</code> hit. A probe is a user line naming a character, place or item the user " +
            $"created at least {recall.MinTurnsSinceCreation} turns before; its answer is the NPC replies that name it before the " +
            $"user's next line (or the first reply when none does).</p>");
    }

    private static string R(double? recall) => recall is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    private static string P(double? share) => share is { } s ? F(s * 100) + "%" : "–";

    private static string K(double? kappa) => kappa is { } k ? k.ToString("0.00", CultureInfo.InvariantCulture) : "undefined";

    /// <summary>The reply with every evidence span marked; overlapping spans are merged.</summary>
    private static string Highlight(WorstTurn turn)
    {
        var marked = new bool[turn.Text.Length];
        foreach (var h in turn.Hits)
        {
            for (var i = h.Evidence.Start; i < Math.Min(turn.Text.Length, h.Evidence.Start + h.Evidence.Length); i++)
            {
                marked[i] = true;
            }
        }
        var text = new StringBuilder();
        for (var i = 0; i < turn.Text.Length; i++)
        {
            if (marked[i] && (i == 0 || !marked[i - 1]))
            {
                text.Append("<mark>");
            }
            text.Append(E(turn.Text[i].ToString()));
            if (marked[i] && (i == turn.Text.Length - 1 || !marked[i + 1]))
            {
                text.Append("</mark>");
            }
        }
        return text.ToString();
    }

    /// <summary>A line chart of <paramref name="points"/> as inline SVG, y from 0 to <paramref name="maxY"/> (or the data's
    /// maximum).</summary>
    private static string Chart(string title, IReadOnlyList<(int X, double Y)> points, string colour, double? maxY)
    {
        var plotW = ChartWidth - (2 * Margin);
        var plotH = ChartHeight - (2 * Margin);
        var xMax = points.Count == 0 ? 2 : Math.Max(2, points.Max(p => p.X));
        var yMax = maxY ?? (points.Count == 0 ? 1 : Math.Max(1, points.Max(p => p.Y)));
        var chart = new SvgLineChart(
            ChartWidth, ChartHeight, new ChartArea(Margin, Margin, Margin + plotW, Margin + plotH), ChartScale.Linear(1, xMax),
            ChartScale.Linear(0, yMax), label: title);
        chart.Rect(Margin, Margin, plotW, plotH, "none", stroke: "#ccc");
        if (points.Count > 0)
        {
            chart.Series(points.Select(p => ((double)p.X, p.Y)), colour, 2)
                .Text(Margin, ChartHeight - 12, "1")
                .Text(ChartWidth - Margin - 20, ChartHeight - 12, xMax.ToString(CultureInfo.InvariantCulture))
                .Text(4, Margin + 4, F(yMax))
                .Text(4, Margin + plotH, "0")
                .Text((ChartWidth / 2) - 40, ChartHeight - 12, "NPC reply #");
        }
        return $"<figure><figcaption>{E(title)}</figcaption>{chart}</figure>";
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
