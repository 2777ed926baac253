using System.Globalization;
using System.Net;
using System.Text;
using WorldPlay.Synthesis.Diversity;
using WorldPlay.Synthesis.Planning;

namespace WorldPlay.Synthesis.Output;

/// <summary>Renders synth.json as one self-contained HTML page: inline CSS and bar charts drawn with CSS widths, no scripts, nothing
/// fetched.</summary>
public static class SynthesisReportHtml
{
    public static string Render(SynthesisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Settings;
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>WorldPlay synthesis report</title>
            <style>
            body{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222}
            table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}
            th{background:#f3f3f3}td.num{text-align:right;font-variant-numeric:tabular-nums}
            .big{font-size:1.6em;font-weight:bold}.bar{display:inline-block;height:10px;vertical-align:middle}
            .raw{background:#c0392b}.kept{background:#2c8a4b}.src{background:#999}.drawn{background:#2c6fbb}
            .better{color:#2c8a4b}.worse{color:#a33}code{font-size:.95em}
            </style></head><body>
            <h1>WorldPlay synthesis report</h1>
            """);
        html.Append(CultureInfo.InvariantCulture, $"<p>{report.Plan.Jobs} job(s) from <code>{E(s.Scenarios)}</code> " +
            $"(offset {s.Offset}{(s.Limit is { } l ? $", limit {l}" : "")}): {s.Turns} turns per round, best of {s.BestOf}, review every " +
            $"{s.ReviewEvery} turns, {s.Rounds} round(s); mind <code>{E(s.Mind)}</code>, styles {E(string.Join(", ", s.Styles))}, users " +
            $"{E(string.Join(", ", s.Users))}{(s.Judge is null ? "" : $", judge {E(s.Judge)}")}; seed {s.Seed}; " +
            $"{report.ElapsedMs / 1000.0:0.0} s.</p>");
        Misalignment(html, report.Misalignment);
        BestOfK(html, report.BestOfK);
        Rounds(html, report);
        Diversity(html, report.Diversity);
        Dispersion(html, report.Plan.Dispersion);
        Enrichment(html, report.Plan.Enrichment);
        html.Append("<h2>Rows</h2><table><tr><th>file</th><th>rows</th></tr>");
        html.Append(CultureInfo.InvariantCulture, $"<tr><td>chat (ShareGPT and OpenAI messages)</td><td class=\"num\">{report.Rows.Chat}" +
            $"</td></tr><tr><td>pairs from best-of-K</td><td class=\"num\">{report.Rows.PairsBestOfK}</td></tr><tr><td>pairs from " +
            $"rewrites</td><td class=\"num\">{report.Rows.PairsRewrite}</td></tr><tr><td>KTO desirable</td><td class=\"num\">" +
            $"{report.Rows.KtoDesirable}</td></tr><tr><td>KTO undesirable</td><td class=\"num\">{report.Rows.KtoUndesirable}</td></tr>" +
            $"</table>");
        if (!report.Failed.IsEmpty)
        {
            html.Append("<h2>Failed jobs</h2><table><tr><th>job</th><th>run</th><th>error</th></tr>");
            foreach (var f in report.Failed)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(f.Name)}</td><td>{E(f.Run)}</td><td>{E(f.Error)}</td></tr>");
            }
            html.Append("</table>");
        }
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void Misalignment(StringBuilder html, MisalignmentComparison m)
    {
        var cls = m.Kept.Misaligned < m.Raw.Misaligned ? "better" : "worse";
        html.Append(CultureInfo.InvariantCulture, $"<h2>Misalignment: raw self-play against the kept data</h2><p>On the same {m.Jobs} " +
            $"job(s): raw {m.Raw.NpcReplies} NPC replies in {m.Raw.Transcripts} transcript(s), kept {m.Kept.NpcReplies} replies in " +
            $"{m.Kept.Transcripts}. Misaligned = share of NPC replies with at least one detector finding.</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"big\">raw {P(m.Raw.Misaligned)} → <span class=\"{cls}\">kept " +
            $"{P(m.Kept.Misaligned)}</span></p>");
        html.Append("<table><tr><th>category</th><th>group</th><th>raw hits</th><th>raw rate</th><th>kept hits</th><th>kept rate</th>" +
            "<th></th></tr>");
        var max = Math.Max(1e-9, m.Categories.Select(c => Math.Max(c.RawRate, c.KeptRate)).DefaultIfEmpty().Max());
        foreach (var c in m.Categories)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><code>{E(c.Id)}</code></td><td>{E(c.Group)}</td><td class=\"num\">" +
                $"{c.RawHits}</td><td class=\"num\">{c.RawRate:0.000}</td><td class=\"num\">{c.KeptHits}</td><td class=\"num\">" +
                $"{c.KeptRate:0.000}</td><td>{Bar("raw", c.RawRate / max)}<br>{Bar("kept", c.KeptRate / max)}</td></tr>");
        }
        html.Append("</table>");
        if (!m.LeftOut.IsEmpty)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>Left out of the comparison: {E(string.Join("; ", m.LeftOut))}.</p>");
        }
    }

    private static void BestOfK(StringBuilder html, BestOfKFigures b)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2>Best of {b.K}</h2><p>{b.RankedTurns} NPC turn(s) ranked; for {b.Identified} the " +
            $"first sample could be told from the regenerations. The first sample was kept in {b.FirstKept} ({P(b.FirstKeptRate)}), a " +
            $"regenerated one won in {b.RegeneratedKept} ({P(b.RegeneratedWinRate)}). Mean score (sum of detector severities, lower is " +
            $"better): kept {b.MeanKeptScore:0.00}, rejected {b.MeanRejectedScore:0.00}; {b.KeptWithFindings} kept repl(ies) still " +
            $"carry a finding.</p>");
    }

    private static void Rounds(StringBuilder html, SynthesisReport report)
    {
        html.Append("<h2>Rounds and reviews</h2><table><tr><th>round</th><th>sessions</th><th>turns played</th><th>segments reviewed</th>" +
            "<th>with findings</th><th>rewritten</th></tr>");
        foreach (var r in report.Rounds)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"num\">{r.Number}</td><td class=\"num\">{r.Sessions}</td><td " +
                $"class=\"num\">{r.Turns}</td><td class=\"num\">{r.Reviews}</td><td class=\"num\">{r.Flagged}</td><td class=\"num\">" +
                $"{r.Rewritten}</td></tr>");
        }
        html.Append("</table>");
    }

    private static void Diversity(StringBuilder html, DiversityComparison d)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2>Diversity</h2><p>Raw {d.Before.Replies} NPC replies against kept " +
            $"{d.After.Replies}, on the same jobs. Distinct-n: distinct n-grams over all; self-BLEU: mean BLEU-4 of each reply against " +
            $"the others (lower is more varied); opener repetition: share of replies whose first three tokens open another reply too; " +
            $"rhythm: runs of consecutive NPC turns by one speaker.</p><table><tr><th>figure</th><th>raw</th><th>kept</th><th>change" +
            $"</th></tr>");
        foreach (var c in d.Changes)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(c.Figure)}</td><td class=\"num\">{c.Before:0.###}</td><td " +
                $"class=\"num\">{c.After:0.###}</td><td class=\"num\">{c.Change:+0.###;-0.###;0}</td></tr>");
        }
        html.Append("</table><table><tr><th>speaker</th><th>share of raw replies</th><th>share of kept replies</th></tr>");
        foreach (var speaker in d.Before.Speakers.Keys.Union(d.After.Speakers.Keys).Order(StringComparer.Ordinal))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(speaker)}</td><td class=\"num\">" +
                $"{P(d.Before.Speakers.GetValueOrDefault(speaker))}</td><td class=\"num\">" +
                $"{P(d.After.Speakers.GetValueOrDefault(speaker))}" +
                $"</td></tr>");
        }
        html.Append("</table>");
    }

    private static void Dispersion(StringBuilder html, Dispersion d)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2>Dispersion sampling</h2><p>Groups by {E(d.Basis)}. Evenness (entropy over its " +
            $"maximum) {d.EvennessBefore:0.00} in the source, {d.EvennessAfter:0.00} in the drawn jobs; largest group " +
            $"{P(d.LargestShareBefore)} → {P(d.LargestShareAfter)}.</p><table><tr><th>group</th><th>source</th><th>drawn</th><th></th>" +
            $"</tr>");
        var after = d.After.ToDictionary(a => a.Group, StringComparer.Ordinal);
        foreach (var b in d.Before)
        {
            var a = after.GetValueOrDefault(b.Group) ?? new GroupShare(b.Group, 0, 0);
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(b.Group)}</td><td class=\"num\">{b.Count} ({P(b.Share)})</td><td " +
                $"class=\"num\">{a.Count} ({P(a.Share)})</td><td>{Bar("src", b.Share)}<br>{Bar("drawn", a.Share)}</td></tr>");
        }
        html.Append("</table>");
    }

    private static void Enrichment(StringBuilder html, EnrichmentFigures e)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2>Prompt enrichment</h2><p>{e.Scenarios} scenario(s) drawn, {e.Skeletal} skeletal, " +
            $"{e.Enriched} enriched and loaded, {e.Refused} refused by the world loader (played as they were). Additions: " +
            $"{E(string.Join(", ", e.AdditionsByKind.Select(a => $"{a.Key} {a.Value}")))}.</p>");
        foreach (var example in e.Examples)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<h3>{E(example.Scenario)}</h3><table><tr><th>kind</th><th>id</th><th>text</th></tr>");
            foreach (var a in example.Added)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{E(a.Kind)}</td><td><code>{E(a.Id)}</code></td><td>{E(a.Text)}</td></tr>");
            }
            html.Append("</table>");
        }
        foreach (var refusal in e.Refusals)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"worse\">refused: {E(refusal)}</p>");
        }
    }

    private static string Bar(string kind, double share) =>
        string.Create(CultureInfo.InvariantCulture,
            $"<span class=\"bar {kind}\" style=\"width:{Math.Clamp(share, 0, 1) * 300:0}px\"></span>");

    private static string P(double share) => string.Create(CultureInfo.InvariantCulture, $"{share * 100:0.0}%");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
