using System.Text.Json;
using System.Text.Json.Nodes;
using WorldPlay.Evaluation.Reports;
using WorldPlay.Synthesis.Planning;
using WorldPlay.Synthesis.Rows;
using WorldPlay.Synthesis.Sessions;

namespace WorldPlay.Synthesis.Output;

/// <summary>The files a synthesis run writes into its output directory (docs/synthesis.md, "Outputs").</summary>
public static class SynthesisFiles
{
    public const string ShareGptName = "chat.sharegpt.jsonl";
    public const string OpenAiName = "chat.openai.jsonl";
    public const string PairsName = "pairs.jsonl";
    public const string KtoName = "kto.jsonl";
    public const string JsonName = "synth.json";
    public const string HtmlName = "synth.html";
    public const string TranscriptsFolder = "transcripts";
    public const string RawFolder = "raw";
    public const string KeptFolder = "kept";

    /// <summary>Every file a run writes at the top of its directory (the transcripts folder aside).</summary>
    public static IReadOnlyList<string> FileNames { get; } = [ShareGptName, OpenAiName, PairsName, KtoName, JsonName, HtmlName];

    /// <summary>Writes the chat, pair and KTO files from <paramref name="rows"/> and returns their counts.</summary>
    public static RowCounts WriteRows(string directory, IReadOnlyList<SessionRows> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var chat = rows.SelectMany(r => r.Chat).ToList();
        var pairs = rows.SelectMany(r => r.Pairs).ToList();
        var kto = rows.SelectMany(r => r.Kto).ToList();
        TrainingRowWriter.WriteJsonl(Path.Combine(directory, ShareGptName), chat.Select(TrainingRowWriter.ShareGpt));
        TrainingRowWriter.WriteJsonl(Path.Combine(directory, OpenAiName), chat.Select(TrainingRowWriter.OpenAiMessages));
        TrainingRowWriter.WriteJsonl(Path.Combine(directory, PairsName), pairs.Select(TrainingRowWriter.Pair));
        TrainingRowWriter.WriteJsonl(Path.Combine(directory, KtoName), kto.Select(TrainingRowWriter.Kto));
        return new RowCounts(
            chat.Count,
            pairs.Count(p => p.Origin == PreferenceOrigin.BestOfK),
            pairs.Count(p => p.Origin == PreferenceOrigin.Rewrite),
            kto.Count(k => k.Label),
            kto.Count(k => !k.Label));
    }

    /// <summary>Writes <c>transcripts/raw/JOB.jsonl</c> for every raw session and <c>transcripts/kept/JOB[-roundN].jsonl</c> for
    /// every round of every synthesized one, in the bench's transcript format.</summary>
    public static void WriteTranscripts(
        string directory, SynthesisPlan plan, IReadOnlyDictionary<string, SynthesizedSession> raw,
        IReadOnlyDictionary<string, SynthesizedSession> synthesized)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(synthesized);
        var rawFolder = Directory.CreateDirectory(Path.Combine(directory, TranscriptsFolder, RawFolder)).FullName;
        var keptFolder = Directory.CreateDirectory(Path.Combine(directory, TranscriptsFolder, KeptFolder)).FullName;
        foreach (var job in plan.Jobs)
        {
            if (raw.TryGetValue(job.Name, out var r) && !r.Rounds.IsDefaultOrEmpty)
            {
                SessionTranscripts.Write(
                    SessionTranscripts.Of(r, r.Rounds[0], job.Name), job, Path.Combine(rawFolder, job.Name + ".jsonl"));
            }
            if (synthesized.TryGetValue(job.Name, out var s))
            {
                foreach (var round in s.Rounds)
                {
                    var name = SessionTranscripts.KeptName(s, round);
                    SessionTranscripts.Write(SessionTranscripts.Of(s, round, name), job, Path.Combine(keptFolder, name + ".jsonl"));
                }
            }
        }
    }

    /// <summary>Writes synth.json and synth.html.</summary>
    public static void WriteReport(string directory, SynthesisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        File.WriteAllText(Path.Combine(directory, JsonName), Json(report).ToJsonString(ReportFiles.Json) + "\n");
        File.WriteAllText(Path.Combine(directory, HtmlName), SynthesisReportHtml.Render(report));
    }

    /// <summary>The report as synth.json holds it.</summary>
    public static JsonObject Json(SynthesisReport report) => JsonSerializer.SerializeToNode(report, ReportFiles.Json)!.AsObject();
}
