using System.CommandLine;
using System.Text.Json;
using WorldPlay.Evaluation;
using WorldPlay.Evaluation.Calibration;
using WorldPlay.Evaluation.Judging;
using WorldPlay.Evaluation.Reports;
using WorldPlay.Minds.Llm;

namespace WorldPlay.Cli.Bench;

/// <summary><c>worldplay bench calibrate</c>: the detectors (and optionally an LLM judge) measured against a labelled corpus.</summary>
internal static class BenchCalibrateCommand
{
    /// <summary>How many judge answers pass between two progress lines at most.</summary>
    private const int ProgressEvery = 25;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var folder = new Argument<string>("labelled-dir")
        {
            Description = "The labelled corpus: a folder holding, at any depth, <name>.jsonl transcripts each with <name>.labels.json " +
                "beside it (e.g. tests/WorldPlay.Evaluation.Tests/Labelled, or one of its halves, Labelled/dev).",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print the figures (and every false positive and false negative of the detectors) as one JSON document on " +
                "standard output; progress stays on standard error.",
        };
        var judgeFlags = new JudgeFlags("is asked about every labelled NPC reply, all 13 categories, and measured against the labels",
            sampled: false);
        var command = new Command("calibrate", Help) { folder, json };
        foreach (var option in judgeFlags.Options)
        {
            command.Options.Add(option);
        }
        command.SetAction(async (result, cancellationToken) =>
        {
            var judge = judgeFlags.Read(result);
            var path = result.GetValue(folder)!;
            var sessions = LabelledCorpus.Read(path);
            var report = CalibrationReport.Measure(path, sessions);
            if (judge is not null)
            {
                report = report with { Judge = await JudgeAsync(judge, sessions, error, cancellationToken) };
            }
            output.Write(result.GetValue(json) ? JsonSerializer.Serialize(report, ReportFiles.Json) + "\n" : report.ToText());
            return 0;
        });
        return command;
    }

    private static async Task<JudgeCalibration> JudgeAsync(JudgeRequest request, IReadOnlyList<LabelledSession> sessions,
        TextWriter error, CancellationToken cancellationToken)
    {
        var judge = new LlmJudge(new LlmEndpoint(request.Model));
        var questions = JudgeCalibration.Cases(sessions).Length;
        error.WriteLine($"judge: asking {judge.Model} about {questions} NPC replies, all {BenchCategory.All.Count} categories each");
        var step = Math.Clamp(questions / 10, 1, ProgressEvery);
        return await JudgeCalibration.RunAsync(judge, sessions, progress: (done, total) =>
        {
            if (done % step == 0 || done == total)
            {
                error.WriteLine($"judge: {done}/{total} replies done");
            }
        }, cancellationToken: cancellationToken);
    }

    private const string Help =
        "Measure the detectors (and, with --judge, an LLM judge) against a labelled corpus: how much of what a person labelled they " +
        "find (recall), and how much of what they find was labelled (precision), per category and language.\n\n" +
        "The corpus: <labelled-dir> holds, at any depth, sessions <name>.jsonl in the transcript format of 'bench score' (a world " +
        "line first, then one line per turn, every line with its own turn number), each with <name>.labels.json beside it:\n" +
        "  {\"language\": \"zh\", \"labels\": [{\"turn\": 4, \"category\": \"prefs.no_hook\", \"why\": \"nothing to answer\"}]}\n" +
        "language is en or zh (the setting's); a label names the turn of an NPC reply and one of the 13 categories; every NPC " +
        "reply no label names is clean in all 13. Sessions under dev/ and test/ are the two halves: tune thresholds on dev, " +
        "never on test.\n\n" +
        "The figures count (NPC reply, category) pairs: labelled = the labels; TP = labelled and found; FP = found but not " +
        "labelled; FN = labelled but not found; precision = TP/(TP+FP); recall = TP/labelled; n/a where nothing was found or " +
        "nothing labelled. 'all categories' pools every pair of a language. One table per language, then one per half and " +
        "language when both dev/ and test/ are there. With --judge every NPC reply goes to the judge once, and its answers get " +
        "the same tables plus Cohen's kappa against the labels; unreadable answers and failed calls are counted and left out.\n" +
        "Examples:\n" +
        "  worldplay bench calibrate tests/WorldPlay.Evaluation.Tests/Labelled\n" +
        "  worldplay bench calibrate tests/WorldPlay.Evaluation.Tests/Labelled/dev --json\n" +
        "  worldplay bench calibrate Labelled/dev --judge openai --judge-endpoint http://127.0.0.1:8080/v1 --judge-model NAME";
}
