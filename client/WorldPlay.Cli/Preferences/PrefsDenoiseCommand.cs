using System.CommandLine;
using System.Globalization;
using WorldPlay.Synthesis.Preferences;

namespace WorldPlay.Cli.Preferences;

/// <summary><c>worldplay prefs denoise</c>: a signal file through the quality floor, stratification by user group and
/// duration-weighted confidence, into a clean signal file and a report of what each step removed.</summary>
internal static class PrefsDenoiseCommand
{
    public static Command Create(TextWriter output)
    {
        var signals = new Argument<FileInfo>("signals") { Description = "The signal file 'prefs collect' wrote (JSONL)." };
        var outFile = new Option<FileInfo>("--out", "-o")
        {
            Description = "The clean signal file: the kept signals, each with its pairs' weights (denoise.weights).",
            Required = true,
        };
        var report = new Option<FileInfo?>("--report") { Description = "Also write the report (JSON) here." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON only." };
        var command = new Command("denoise", "Denoise preference signals, deterministically: (1) quality floor: a signal whose kept " +
            "reply the bench's detectors flag is removed; (2) stratification: each user group's base rates (keeps the longer reply, the " +
            "first shown, regenerates) are removed against the other groups', so a choice its group's bias explains is dropped or " +
            "down-weighted; (3) confidence: session duration weighed above turn count, turns after the choice, abandonment. Example:\n" +
            "  worldplay prefs denoise signals.jsonl --out clean.jsonl --report report.json")
        {
            signals, outFile, report, json,
        };
        command.SetAction(result => Run(
            result.GetValue(signals)!, result.GetValue(outFile)!, result.GetValue(report), result.GetValue(json), output));
        return command;
    }

    private static int Run(FileInfo signals, FileInfo outFile, FileInfo? reportFile, bool json, TextWriter output)
    {
        var read = SignalFile.Read(signals.FullName);
        OutputTarget.File(outFile, "--out");
        if (reportFile is not null)
        {
            OutputTarget.File(reportFile, "--report");
        }
        var result = SignalDenoiser.Denoise(read);
        SignalFile.Write(outFile.FullName, result.Kept);
        var text = SignalFile.Json(result.Report);
        if (reportFile is not null)
        {
            File.WriteAllText(reportFile.FullName, text + "\n");
        }
        if (json)
        {
            output.WriteLine(text);
            return 0;
        }
        var r = result.Report;
        output.WriteLine($"{r.Signals} signals ({r.Pairs} pairs) in");
        foreach (var step in r.Steps)
        {
            var reasons = string.Join(", ", step.RemovedByReason.OrderByDescending(x => x.Value).Take(4).Select(x => $"{x.Key} {x.Value}"));
            var groups = string.Join(", ", step.RemovedByGroup.Select(x => $"{x.Key} {x.Value}"));
            output.WriteLine($"  {step.Step}: removed {step.RemovedSignals} signals, {step.RemovedPairs} pairs" +
                (step.DownweightedPairs > 0 ? $", down-weighted {step.DownweightedPairs}" : "") +
                (groups.Length > 0 ? $" (by group: {groups}; why: {reasons})" : ""));
        }
        output.WriteLine("group               pairs  chose-longer (ref)  chose-first (ref)  regen/turn (ref)  kept  weight  kept-longer");
        foreach (var g in r.Groups)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{g.Group,-19} {g.Pairs,5} {g.ChoseLonger,8:0.00} ({g.ChoseLongerReference:0.00}) {g.ChoseFirst,14:0.00} " +
                $"({g.ChoseFirstReference:0.00}) {g.RegenerationsPerTurn,13:0.000} ({g.RegenerationsPerTurnReference:0.000}) " +
                $"{g.KeptPairs,5} " +
                $"{g.KeptWeight,7:0.00}  {(g.KeptChoseLonger is { } k ? k.ToString("0.00", CultureInfo.InvariantCulture) : "-")}"));
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"chose the longer reply: {r.Bias.ChoseLongerBefore:0.00} before, {r.Bias.ChoseLongerAfter:0.00} after (weighed); " +
            $"the first shown: {r.Bias.ChoseFirstBefore:0.00} before, {r.Bias.ChoseFirstAfter:0.00} after"));
        output.WriteLine("share of the pairs by group, before -> after (weighed): " + string.Join(", ", r.Bias.GroupShareBefore.Select(g =>
            string.Create(CultureInfo.InvariantCulture,
                $"{g.Key} {g.Value:0.00} -> {r.Bias.GroupShareAfter.GetValueOrDefault(g.Key):0.00}"))));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"kept {r.KeptSignals} signals, {r.KeptPairs} pairs, total weight {r.TotalWeight:0.00} -> {outFile.FullName}"));
        return 0;
    }
}
