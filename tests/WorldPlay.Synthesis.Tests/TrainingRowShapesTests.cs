using System.Collections.Immutable;
using System.Text.Json.Nodes;
using WorldPlay.Synthesis.Rows;

namespace WorldPlay.Synthesis.Tests;

/// <summary>Rows TrainingRowWriter writes pass their shape's check; each kind of malformed row is reported by the key at fault.</summary>
public sealed class TrainingRowShapesTests
{
    private static readonly RowSource English = new("rpbench-auto:0", "s0", "s0~r1", "scene", 4, "mira", "en", 1, "slow-burn");
    private static readonly RowSource Chinese = new("rpbench-auto:3", "s3", "s3~r2", "scene", 7, "米拉", "zh", 2);
    private static readonly ImmutableSortedDictionary<string, double> Scores =
        ImmutableSortedDictionary<string, double>.Empty.Add("misaligned", 0);

    [Theory]
    [InlineData(TrainingRowFormat.ShareGpt, "en")]
    [InlineData(TrainingRowFormat.ShareGpt, "zh")]
    [InlineData(TrainingRowFormat.OpenAiMessages, "en")]
    [InlineData(TrainingRowFormat.OpenAiMessages, "zh")]
    [InlineData(TrainingRowFormat.Dpo, "en")]
    [InlineData(TrainingRowFormat.Dpo, "zh")]
    [InlineData(TrainingRowFormat.Kto, "en")]
    [InlineData(TrainingRowFormat.Kto, "zh")]
    public void Validate_RowFromTheWriter_NoProblems(TrainingRowFormat format, string language)
    {
        Assert.Empty(TrainingRowShapes.Validate(Row(format, language), format));
    }

    [Theory]
    [InlineData(TrainingRowFormat.ShareGpt)]
    [InlineData(TrainingRowFormat.OpenAiMessages)]
    [InlineData(TrainingRowFormat.Dpo)]
    [InlineData(TrainingRowFormat.Kto)]
    public void Validate_RowReadBackFromJsonl_NoProblems(TrainingRowFormat format)
    {
        var path = Path.GetTempFileName();
        try
        {
            TrainingRowWriter.WriteJsonl(path, [Row(format, "zh")]);

            Assert.Empty(TrainingRowShapes.Validate(JsonNode.Parse(File.ReadAllLines(path).Single())!.AsObject(), format));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("no-conversations", "conversations: missing")]
    [InlineData("role-not-allowed", "conversations[1].from: 'robot' is not a role here; use system, human, gpt")]
    [InlineData("system-not-first", "conversations[0].from: 'human' where the 'system' message")]
    [InlineData("ends-with-human", "conversations: ends with a human turn")]
    [InlineData("not-alternating", "conversations[2].from: 'human' where 'gpt' belongs")]
    [InlineData("value-not-string", "conversations[2].value: 5 where a string belongs")]
    [InlineData("no-world", "world: missing")]
    [InlineData("turn-as-string", "turn: the string \"4\" where a whole number ≥ 0 belongs")]
    [InlineData("misspelt-key", "conversation: not a key of a ShareGpt row")]
    public void Validate_MalformedShareGpt_Reported(string mutation, string problem)
    {
        var row = Row(TrainingRowFormat.ShareGpt, "en");
        var turns = row["conversations"]!.AsArray();
        switch (mutation)
        {
            case "no-conversations": row.Remove("conversations"); break;
            case "role-not-allowed": turns[1]!["from"] = "robot"; break;
            case "system-not-first": turns[0]!["from"] = "human"; break;
            case "ends-with-human": turns.Add(new JsonObject { ["from"] = "human", ["value"] = "And?" }); break;
            case "not-alternating": turns.Insert(2, new JsonObject { ["from"] = "human", ["value"] = "Hello?" }); break;
            case "value-not-string": turns[2]!["value"] = 5; break;
            case "no-world": row.Remove("world"); break;
            case "turn-as-string": row["turn"] = "4"; break;
            case "misspelt-key": row["conversation"] = turns.DeepClone(); break;
        }

        Reported(problem, TrainingRowShapes.Validate(row, TrainingRowFormat.ShareGpt));
    }

    [Theory]
    [InlineData("second-system", "messages[2].role: a second 'system' message")]
    [InlineData("empty-content", "messages[2].content: empty")]
    [InlineData("no-user-turn", "messages: no user turn")]
    [InlineData("ends-with-user", "messages: ends with a user turn")]
    [InlineData("unknown-message-key", "messages[1].speaker: not a key of a message")]
    [InlineData("no-branch", "branch: missing")]
    [InlineData("negative-turn", "turn: -1 where a whole number ≥ 0 belongs")]
    [InlineData("scores-not-numbers", "scores.misaligned: the string \"no\" where a number belongs")]
    public void Validate_MalformedOpenAiMessages_Reported(string mutation, string problem)
    {
        var row = Row(TrainingRowFormat.OpenAiMessages, "en");
        var messages = row["messages"]!.AsArray();
        switch (mutation)
        {
            case "second-system": messages.Insert(2, Message("system", "Stay in character.")); break;
            case "empty-content": messages[2]!["content"] = "  "; break;
            case "no-user-turn": messages.RemoveAt(1); break;
            case "ends-with-user": messages.Add(Message("user", "And?")); break;
            case "unknown-message-key": messages[1]!["speaker"] = "wren"; break;
            case "no-branch": row.Remove("branch"); break;
            case "negative-turn": row["turn"] = -1; break;
            case "scores-not-numbers": row["scores"]!["misaligned"] = "no"; break;
        }

        Reported(problem, TrainingRowShapes.Validate(row, TrainingRowFormat.OpenAiMessages));
    }

    [Theory]
    [InlineData("same-reply", "chosen, rejected: the same reply")]
    [InlineData("two-chosen", "chosen: 2 messages where exactly one assistant message belongs")]
    [InlineData("chosen-by-user", "chosen[0].role: 'user' where 'assistant' belongs")]
    [InlineData("rejected-as-text", "rejected: the string \"No.\" where a list of messages belongs")]
    [InlineData("prompt-without-system", "prompt[0].role: 'user' where the 'system' message")]
    [InlineData("no-prompt", "prompt: missing")]
    [InlineData("unknown-origin", "origin: the string \"vibes\" is not an origin; use best-of-k, rewrite, choice")]
    [InlineData("negative-weight", "weight: -1 where a number ≥ 0 belongs")]
    [InlineData("no-turn", "turn: missing")]
    public void Validate_MalformedDpo_Reported(string mutation, string problem)
    {
        var row = Row(TrainingRowFormat.Dpo, "en");
        switch (mutation)
        {
            case "same-reply": row["rejected"]![0]!["content"] = row["chosen"]![0]!["content"]!.GetValue<string>(); break;
            case "two-chosen": row["chosen"]!.AsArray().Add(Message("assistant", "And more.")); break;
            case "chosen-by-user": row["chosen"]![0]!["role"] = "user"; break;
            case "rejected-as-text": row["rejected"] = "No."; break;
            case "prompt-without-system": row["prompt"]!.AsArray().RemoveAt(0); break;
            case "no-prompt": row.Remove("prompt"); break;
            case "unknown-origin": row["origin"] = "vibes"; break;
            case "negative-weight": row["weight"] = -1; break;
            case "no-turn": row.Remove("turn"); break;
        }

        Reported(problem, TrainingRowShapes.Validate(row, TrainingRowFormat.Dpo));
    }

    [Theory]
    [InlineData("label-as-string", "label: the string \"true\" where a boolean (true or false) belongs")]
    [InlineData("label-as-number", "label: 1 where a boolean (true or false) belongs")]
    [InlineData("no-label", "label: missing")]
    [InlineData("completion-by-user", "completion[0].role: 'user' where 'assistant' belongs")]
    [InlineData("empty-completion", "completion: an empty list")]
    [InlineData("dpo-keys", "chosen: not a key of a Kto row")]
    [InlineData("world-empty", "world: the string \"\" where a non-empty string belongs")]
    public void Validate_MalformedKto_Reported(string mutation, string problem)
    {
        var row = Row(TrainingRowFormat.Kto, "zh");
        switch (mutation)
        {
            case "label-as-string": row["label"] = "true"; break;
            case "label-as-number": row["label"] = 1; break;
            case "no-label": row.Remove("label"); break;
            case "completion-by-user": row["completion"]![0]!["role"] = "user"; break;
            case "empty-completion": row["completion"] = new JsonArray(); break;
            case "dpo-keys": row["chosen"] = row["completion"]!.DeepClone(); break;
            case "world-empty": row["world"] = ""; break;
        }

        Reported(problem, TrainingRowShapes.Validate(row, TrainingRowFormat.Kto));
    }

    [Fact]
    public void Validate_ChatRowAsDpo_ReportsTheMissingPairKeys()
    {
        var problems = TrainingRowShapes.Validate(Row(TrainingRowFormat.OpenAiMessages, "en"), TrainingRowFormat.Dpo);

        Assert.Equal(["prompt: missing", "chosen: missing", "rejected: missing"], problems.Take(3));
    }

    /// <summary>A row as <see cref="TrainingRowWriter"/> writes it, in English or Chinese.</summary>
    internal static JsonObject Row(TrainingRowFormat format, string language)
    {
        var zh = language == "zh";
        var source = zh ? Chinese : English;
        var system = zh ? "你是米拉，港口客栈的老板娘。此刻你在厨房。" : "You are Mira, who keeps the harbor inn. You are in the kitchen.";
        ImmutableArray<ChatTurn> prompt = [new(ChatTurn.User, zh ? "炖菜好了吗？" : "Is the stew ready?", "wren")];
        var reply = zh ? "快了，大麦还要十分钟。" : "Nearly, the barley wants ten minutes.";
        var worse = zh ? "好了好了好了。" : "Yes yes yes.";
        return format switch
        {
            TrainingRowFormat.ShareGpt => TrainingRowWriter.ShareGpt(new ChatSample(source, system, prompt.Add(new(ChatTurn.Assistant, reply)),
                Scores)),
            TrainingRowFormat.OpenAiMessages => TrainingRowWriter.OpenAiMessages(new ChatSample(source, system,
                prompt.Add(new(ChatTurn.Assistant, reply)), Scores)),
            TrainingRowFormat.Dpo => TrainingRowWriter.Pair(new PreferencePair(source, system, prompt, reply, worse,
                PreferenceOrigin.BestOfK, 0, 2)),
            _ => TrainingRowWriter.Kto(new KtoRow(source, system, prompt, worse, false, PreferenceOrigin.Choice, 2)),
        };
    }

    private static JsonObject Message(string role, string content) => new() { ["role"] = role, ["content"] = content };

    private static void Reported(string problem, IReadOnlyList<string> problems) =>
        Assert.Contains(problems, p => p.StartsWith(problem, StringComparison.Ordinal));
}
