using System.CommandLine;
using System.Globalization;
using WorldPlay.Evaluation.Detectors;
using WorldPlay.Evaluation.Reports;
using WorldPlay.Evaluation.Transcripts;
using WorldPlay.Core.Worlds;

namespace WorldPlay.Cli.Bench;

/// <summary><c>worldplay bench</c>: score role-play transcripts for misalignments and compare models.</summary>
internal static class BenchCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        // Each subcommand is one line here; 'bench run' joins them the same way.
        return new Command("bench", "Role-Play Bench: count what goes wrong in the characters' replies (13 categories in three groups: " +
            "Worlds, Stories, User preferences), per turn, with intervals. See docs/bench.md.")
        {
            BenchRunCommand.Create(output, error),
            Score(output, error),
            Compare(output),
            BenchCalibrateCommand.Create(output, error),
        };
    }

    private static Command Score(TextWriter output, TextWriter error)
    {
        var transcripts = new Argument<FileInfo[]>("transcript")
        {
            Description = "One or more transcripts, one JSON object per line: {\"turn\": 1, \"speaker\": \"Mira\", \"role\": \"npc\", " +
                "\"text\": \"...\"} (role npc, user or narrator); an optional first line {\"world\": {...}} holds the setting. Several " +
                "files are sessions of one report.",
            Arity = ArgumentArity.OneOrMore,
        };
        var world = new Option<string?>("--world", "-w")
        {
            Description = "The setting to check names, genders, relationships, presence, laws and language against: a sample " +
                $"({string.Join(", ", WorldFiles.SampleNames)}) " +
                "or a world file (docs/world-format.md). Replaces a world line in the transcripts. Without either, only setting-free " +
                "detectors run.",
        };
        var outDir = new Option<DirectoryInfo>("--out", "-o")
        {
            Description = "Directory to write report.json and report.html into (created if missing).",
            Required = true,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the bootstrap intervals; the same seed gives the same report.",
            DefaultValueFactory = _ => BenchReportBuilder.DefaultSeed,
        };
        var judgeFlags = new JudgeFlags();
        var command = new Command("score", "Score existing transcripts: run every detector on the NPC lines (user lines are context), " +
            "then write DIR/report.json (rates, intervals, scores, curves, the wall, worst replies) and DIR/report.html. With --judge " +
            "openai, an LLM judge confirms the flagged replies and audits a sample of the others. Example:\n" +
            "  worldplay bench score session.jsonl --world harbor --out /tmp/report")
        {
            transcripts, world, outDir, seed,
        };
        foreach (var option in judgeFlags.Options)
        {
            command.Options.Add(option);
        }
        command.SetAction(async (result, cancellationToken) =>
        {
            var judge = judgeFlags.Read(result);
            OutputTarget.Folder(result.GetValue(outDir)!, "--out");
            var setting = result.GetValue(world) is { } w ? WorldFiles.Load(w) : null;
            var scored = result.GetValue(transcripts)!
                .Select(f => TranscriptScorer.Score(TranscriptReader.Read(f.FullName, setting)))
                .ToList();
            var report = BenchReportBuilder.Build(scored, result.GetValue(seed));
            if (judge is not null)
            {
                report = await JudgeFlags.JudgeAsync(judge, report, scored, error, cancellationToken);
            }
            var dir = result.GetValue(outDir)!.FullName;
            ReportFiles.Write(report, dir);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{report.Sessions} session(s), {report.NpcTurns} NPC replies: overall {report.Overall.Score:0.0} " +
                $"[{report.Overall.Interval.Low:0.0}, {report.Overall.Interval.High:0.0}]"));
            foreach (var g in report.Groups)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {g.Group,-17} {g.Score,5:0.0}"));
            }
            foreach (var c in report.Categories.Where(c => c.Hits > 0))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {c.Id,-26} {c.Hits,4} hits  rate {c.Rate:0.000}"));
            }
            Recall(output, report);
            output.WriteLine(report.Wall is { } wall
                ? string.Create(CultureInfo.InvariantCulture, $"wall at replies {wall.FromIndex}-{wall.ToIndex} (p = {wall.PValue:0.####})")
                : "no wall");
            if (report.Judge is { } verdicts)
            {
                JudgeFlags.Summarize(output, verdicts);
            }
            output.WriteLine($"wrote {Path.Combine(dir, ReportFiles.JsonName)} and {Path.Combine(dir, ReportFiles.HtmlName)}");
            return 0;
        });
        return command;
    }

    /// <summary>User-constructed recall overall, then each session that had probes.</summary>
    internal static void Recall(TextWriter output, BenchReport report)
    {
        var recall = report.UserConstructedRecall ?? new RecallResult(0, 0, ConstructedRecall.MinTurnsSinceCreation);
        output.WriteLine($"user-constructed recall {recall.Describe()}");
        foreach (var s in report.SessionResults.Where(s => s.Probes > 0))
        {
            output.WriteLine($"  {s.Name}: {new ProbeRecall(s.Probes, s.ConsistentProbes).Describe()}");
        }
    }

    private static Command Compare(TextWriter output)
    {
        var dirs = new Argument<DirectoryInfo[]>("report-dir")
        {
            Description = "Two or more directories written by 'worldplay bench score' (or 'bench run'); each is one model or " +
                "configuration.",
            Arity = new ArgumentArity(2, 100),
        };
        var command = new Command("compare", "Rank reports by overall score and show each one's paired difference to the leader over the " +
            "scenarios both played (sessions with the same name), with a bootstrap 95% interval. Example:\n  worldplay bench compare " +
            "runs/model-a runs/model-b")
        {
            dirs,
        };
        command.SetAction(result =>
        {
            var reports = result.GetValue(dirs)!.Select(d => (d.Name, ReportFiles.Read(d.FullName))).ToList();
            output.Write(Leaderboard.Format(Leaderboard.Compare(reports)));
            return 0;
        });
        return command;
    }
}
