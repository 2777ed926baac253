using System.CommandLine;
using System.Text.Json.Nodes;
using WorldPlay.Synthesis.Preferences;
using WorldPlay.Synthesis.Rows;

namespace WorldPlay.Cli.Preferences;

/// <summary><c>worldplay prefs export</c>: a (clean) signal file as DPO pairs or KTO rows, in the shapes trainers read.</summary>
internal static class PrefsExportCommand
{
    private static readonly string[] Formats = ["dpo", "kto"];

    public static Command Create(TextWriter output)
    {
        var signals = new Argument<FileInfo>("signals") { Description = "A signal file, best the clean one 'prefs denoise' wrote." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "dpo: one {prompt, chosen, rejected} row per pair (TRL/OpenRLHF conversational), weight from the denoiser; " +
                "kto: {prompt, completion, label} rows, the kept reply true and each discarded one false.",
            Required = true,
        };
        format.AcceptOnlyFromAmong(Formats);
        var outFile = new Option<FileInfo>("--out", "-o") { Description = "The JSONL file to write.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON only." };
        var command = new Command("export", "Export preference signals as training rows (docs/synthesis.md, \"Output formats\"); " +
            "every row keeps its world, branch, scene, turn, speaker, language and user group, origin 'choice'. Example:\n" +
            "  worldplay prefs export clean.jsonl --format dpo --out pairs.jsonl")
        {
            signals, format, outFile, json,
        };
        command.SetAction(result => Run(
            result.GetValue(signals)!, result.GetValue(format)!, result.GetValue(outFile)!, result.GetValue(json), output));
        return command;
    }

    private static int Run(FileInfo signals, string format, FileInfo outFile, bool json, TextWriter output)
    {
        var read = SignalFile.Read(signals.FullName);
        OutputTarget.File(outFile, "--out");
        var rows = format == "dpo"
            ? PreferenceExport.Pairs(read).Select(TrainingRowWriter.Pair)
            : PreferenceExport.Kto(read).Select(TrainingRowWriter.Kto);
        var count = TrainingRowWriter.WriteJsonl(outFile.FullName, rows);
        var denoised = read.All(s => s.Denoise is not null);
        if (json)
        {
            output.WriteLine(new JsonObject
            {
                ["format"] = format, ["signals"] = read.Length, ["rows"] = count, ["denoised"] = denoised, ["out"] = outFile.FullName,
            }.ToJsonString());
            return 0;
        }
        output.WriteLine($"{count} {format} rows from {read.Length} signals -> {outFile.FullName}" +
            (denoised ? "" : " (not denoised: every weight is 1; run 'prefs denoise' first)"));
        return 0;
    }
}
