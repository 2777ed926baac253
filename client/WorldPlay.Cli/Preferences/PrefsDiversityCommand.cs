using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WorldPlay.Core.Worlds;
using WorldPlay.Evaluation.Reports;
using WorldPlay.Evaluation.Transcripts;
using WorldPlay.Synthesis.Diversity;

namespace WorldPlay.Cli.Preferences;

/// <summary><c>worldplay prefs diversity A B</c>: how varied two sets of transcripts are, and whether the drop from A to B says
/// preference training should stop early.</summary>
internal static class PrefsDiversityCommand
{
    /// <summary>Where a run folder (<c>bench run</c>, <c>synth</c>) keeps the transcripts it kept.</summary>
    private const string TranscriptsFolder = "transcripts";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var before = new Argument<string>("A")
        {
            Description = "The transcripts before (e.g. the reference model's, or the previous checkpoint's): a transcript .jsonl " +
                "file, a folder of them, or a 'bench run' / 'synth' output folder (its transcripts/ are read).",
        };
        var after = new Argument<string>("B") { Description = "The transcripts after (the checkpoint being trained), the same way." };
        var threshold = new Option<double>("--threshold")
        {
            Description = "Stop early when the unigram, bigram or opener entropy drops by more than this percent from A to B.",
            DefaultValueFactory = _ => DiversityMeter.DefaultThresholdPercent,
        };
        threshold.Validators.Add(r =>
        {
            if (r.Tokens is [var token] && double.TryParse(token.Value, CultureInfo.InvariantCulture, out var value)
                && (!double.IsFinite(value) || value < 0))
            {
                r.AddError($"--threshold is a drop in percent, a number ≥ 0 such as 10 (got {token.Value}).");
            }
        });
        var json = new Option<bool>("--json")
        {
            Description = "Print both sets' figures, each figure's change and the verdict as one JSON document on standard output.",
        };
        var command = new Command("diversity", "Compare how varied the NPC replies of two transcript sets are: distinct-1/2, " +
            "self-BLEU, opener repetition, unigram/bigram/opener entropy (bits), speaker and rhythm shares, side by side with each " +
            "change and the entropy drop in percent. A drop beyond --threshold is the early-stopping signal of preference " +
            "training. Han text counts one token per character. See docs/training-formats.md, \"Diversity figures\". Example:\n" +
            "  worldplay prefs diversity runs/step-0/transcripts runs/step-400/transcripts --threshold 10")
        {
            before, after, threshold, json,
        };
        command.SetAction(result =>
        {
            var a = result.GetValue(before)!;
            var b = result.GetValue(after)!;
            IReadOnlyList<Transcript> setA, setB;
            try
            {
                setA = Read(a);
                setB = Read(b);
            }
            catch (Exception e) when (e is TranscriptFormatException or WorldFileException or FileNotFoundException
                or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
            {
                error.WriteLine($"error: {e.Message.Split('\n', 2)[0]}");
                return WorldPlayCommand.BadInput;
            }
            var comparison = DiversityMeter.Compare(DiversityMeter.Measure(setA), DiversityMeter.Measure(setB), result.GetValue(threshold));
            if (result.GetValue(json))
            {
                var document = new JsonObject
                {
                    ["a"] = a,
                    ["b"] = b,
                    ["sessionsA"] = setA.Count,
                    ["sessionsB"] = setB.Count,
                    ["comparison"] = JsonSerializer.SerializeToNode(comparison, ReportFiles.Json),
                };
                output.WriteLine(document.ToJsonString(ReportFiles.Json));
                return 0;
            }
            Print(output, comparison, (a, setA.Count), (b, setB.Count));
            return 0;
        });
        return command;
    }

    /// <summary>The transcripts at <paramref name="path"/>, read as <c>bench score</c> reads them: one file, or every
    /// <c>*.jsonl</c> of a folder (its <c>transcripts/</c> when it is a run folder), in name order.</summary>
    private static List<Transcript> Read(string path)
    {
        if (File.Exists(path))
        {
            return [TranscriptReader.Read(path)];
        }
        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"No transcript file or folder at '{Path.GetFullPath(path)}'.", path);
        }
        var files = Directory.GetFiles(path, "*.jsonl");
        if (files.Length == 0 && Directory.Exists(Path.Combine(path, TranscriptsFolder)))
        {
            files = Directory.GetFiles(Path.Combine(path, TranscriptsFolder), "*.jsonl");
        }
        if (files.Length == 0)
        {
            throw new FileNotFoundException($"No *.jsonl transcripts in '{Path.GetFullPath(path)}' (nor in its {TranscriptsFolder}/).",
                path);
        }
        return [.. files.Order(StringComparer.Ordinal).Select(f => TranscriptReader.Read(f))];
    }

    private static void Print(
        TextWriter output, DiversityComparison comparison, (string Path, int Sessions) a, (string Path, int Sessions) b)
    {
        var culture = CultureInfo.InvariantCulture;
        output.WriteLine($"A: {a.Path} ({a.Sessions} session(s))");
        output.WriteLine($"B: {b.Path} ({b.Sessions} session(s))");
        output.WriteLine($"{"figure",-19} {"A",10} {"B",10} {"change",10}");
        foreach (var change in comparison.Changes)
        {
            var format = change.Figure is "replies" or "tokens" ? "0" : "0.0000";
            var before = change.Before.ToString(format, culture);
            var after = change.After.ToString(format, culture);
            output.WriteLine($"{change.Figure,-19} {before,10} {after,10} {change.Change.ToString($"+{format};-{format};0", culture),10}");
        }
        foreach (var speaker in comparison.Before.Speakers.Keys.Union(comparison.After.Speakers.Keys).Order(StringComparer.Ordinal))
        {
            var before = comparison.Before.Speakers.GetValueOrDefault(speaker);
            var after = comparison.After.Speakers.GetValueOrDefault(speaker);
            output.WriteLine(string.Create(culture, $"{"speaker " + speaker,-19} {before,10:0.0000} {after,10:0.0000}"));
        }
        output.WriteLine(string.Create(culture, $"entropy drop A→B: unigram {comparison.UnigramEntropyDropPercent:0.0}%, " +
            $"bigram {comparison.BigramEntropyDropPercent:0.0}%, opener {comparison.OpenerEntropyDropPercent:0.0}% " +
            $"(threshold {comparison.ThresholdPercent:0.#}%)"));
        output.WriteLine(comparison.EarlyStop
            ? string.Create(culture, $"early stop: yes, {string.Join(" and ", comparison.StoppedBy)} entropy dropped more than " +
                $"{comparison.ThresholdPercent:0.#}%: B is collapsing onto fewer ways of saying things")
            : string.Create(culture, $"early stop: no, no entropy dropped more than {comparison.ThresholdPercent:0.#}%"));
    }
}
