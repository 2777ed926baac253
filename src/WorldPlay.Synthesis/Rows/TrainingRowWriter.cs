using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WorldPlay.Synthesis.Rows;

/// <summary>Writes training rows as JSON Lines in the shapes trainers read (docs/synthesis.md, "Output formats"): chat rows as
/// ShareGPT (<c>conversations</c> of <c>from</c>/<c>value</c>) or OpenAI messages (<c>messages</c> of <c>role</c>/<c>content</c>),
/// preference pairs as TRL/OpenRLHF conversational DPO rows (<c>prompt</c>, <c>chosen</c>, <c>rejected</c>) and unpaired rows as
/// TRL KTO rows (<c>prompt</c>, <c>completion</c>, <c>label</c>). Every row also carries its source (<c>scenario</c>,
/// <c>world</c>, <c>branch</c>, <c>scene</c>, <c>turn</c>, <c>speaker</c>, <c>language</c>, <c>round</c>, <c>group</c>) and scores,
/// which trainers ignore.</summary>
public static class TrainingRowWriter
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One chat row in the ShareGPT shape: system, then human and gpt alternating, as LLaMA-Factory and axolotl require.
    /// A scene often runs two lines of one side in a row (two other characters speak, or the character speaks twice), so a run
    /// of one side becomes one turn, each line prefixed with its speaker's name when the run has several; lines of the trained
    /// character before anyone else spoke (a scene it opened) are context, folded into the system prompt.</summary>
    public static JsonObject ShareGpt(ChatSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var runs = new List<List<ChatTurn>>();
        foreach (var message in sample.Messages.Where(m => m.Role != ChatTurn.System))
        {
            if (runs.Count > 0 && Side(runs[^1][0]) == Side(message))
            {
                runs[^1].Add(message);
            }
            else
            {
                runs.Add([message]);
            }
        }
        var system = sample.System;
        if (runs.Count > 0 && Side(runs[0][0]) == "gpt")
        {
            var opening = string.Join("\n", runs[0].Select(m => m.Content));
            system += sample.Source.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase)
                ? $"\n\n（你以这句开场：）{opening}"
                : $"\n\n(You opened the scene with:) {opening}";
            runs.RemoveAt(0);
        }
        var conversations = new JsonArray { new JsonObject { ["from"] = "system", ["value"] = system } };
        foreach (var run in runs)
        {
            var turn = new JsonObject
            {
                ["from"] = Side(run[0]),
                ["value"] = run.Count == 1 || run.All(m => m.Name is null)
                    ? string.Join("\n", run.Select(m => m.Content))
                    : string.Join("\n", run.Select(m => m.Name is null ? m.Content : $"{m.Name}: {m.Content}")),
            };
            if (run.Count == 1 && run[0].Name is not null)
            {
                turn["name"] = run[0].Name;
            }
            conversations.Add(turn);
        }
        var row = new JsonObject { ["conversations"] = conversations };
        AddSource(row, sample.Source);
        row["scores"] = Scores(sample.Scores);
        return row;
    }

    private static string Side(ChatTurn message) => message.Role == ChatTurn.Assistant ? "gpt" : "human";

    /// <summary>One chat row in the OpenAI messages shape.</summary>
    public static JsonObject OpenAiMessages(ChatSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var row = new JsonObject { ["messages"] = Messages(sample.System, sample.Messages) };
        AddSource(row, sample.Source);
        row["scores"] = Scores(sample.Scores);
        return row;
    }

    /// <summary>One conversational DPO row.</summary>
    public static JsonObject Pair(PreferencePair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var row = new JsonObject
        {
            ["prompt"] = Messages(pair.System, pair.Prompt),
            ["chosen"] = new JsonArray { Message(ChatTurn.Assistant, pair.Chosen, null) },
            ["rejected"] = new JsonArray { Message(ChatTurn.Assistant, pair.Rejected, null) },
        };
        AddSource(row, pair.Source);
        row["origin"] = pair.Origin;
        row["chosen_score"] = pair.ChosenScore;
        row["rejected_score"] = pair.RejectedScore;
        row["weight"] = pair.Weight;
        return row;
    }

    /// <summary>One conversational KTO row.</summary>
    public static JsonObject Kto(KtoRow kto)
    {
        ArgumentNullException.ThrowIfNull(kto);
        var row = new JsonObject
        {
            ["prompt"] = Messages(kto.System, kto.Prompt),
            ["completion"] = new JsonArray { Message(ChatTurn.Assistant, kto.Completion, null) },
            ["label"] = kto.Label,
        };
        AddSource(row, kto.Source);
        row["origin"] = kto.Origin;
        row["score"] = kto.Score;
        row["weight"] = kto.Weight;
        return row;
    }

    /// <summary>Writes rows to <paramref name="path"/>, one compact JSON object per line (UTF-8, no BOM, CJK unescaped), and
    /// returns how many were written.</summary>
    public static int WriteJsonl(string path, IEnumerable<JsonObject> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
        var count = 0;
        foreach (var row in rows)
        {
            writer.WriteLine(row.ToJsonString(Compact));
            count++;
        }
        return count;
    }

    private static JsonArray Messages(string system, IEnumerable<ChatTurn> messages)
    {
        var array = new JsonArray { Message(ChatTurn.System, system, null) };
        foreach (var message in messages)
        {
            array.Add(Message(message.Role, message.Content, message.Name));
        }
        return array;
    }

    private static JsonObject Message(string role, string content, string? name)
    {
        var message = new JsonObject { ["role"] = role, ["content"] = content };
        if (name is not null)
        {
            message["name"] = name;
        }
        return message;
    }

    private static JsonObject Scores(IEnumerable<KeyValuePair<string, double>> scores)
    {
        var json = new JsonObject();
        foreach (var (key, value) in scores)
        {
            json[key] = value;
        }
        return json;
    }

    private static void AddSource(JsonObject row, RowSource source)
    {
        row["scenario"] = source.Scenario;
        row["world"] = source.World;
        row["branch"] = source.Branch;
        row["scene"] = source.Scene;
        row["turn"] = source.Turn;
        row["speaker"] = source.Speaker;
        row["language"] = source.Language;
        row["round"] = source.Round;
        if (source.Group is not null)
        {
            row["group"] = source.Group;
        }
    }
}
