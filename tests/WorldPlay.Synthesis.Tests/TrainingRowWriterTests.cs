using System.Collections.Immutable;
using System.Text.Json.Nodes;
using WorldPlay.Synthesis.Rows;

namespace WorldPlay.Synthesis.Tests;

public sealed class TrainingRowWriterTests
{
    private static readonly RowSource Source = new("rpbench-auto:3", "s3", "s3~r2", "scene", 7, "mira", "zh", 2, "slow-burn");

    [Fact]
    public void Pair_is_a_conversational_dpo_row_with_its_source()
    {
        var pair = new PreferencePair(Source, "你是米拉。", [new ChatTurn(ChatTurn.User, "你好？")], "你好，旅人。", "你好你好你好。",
            PreferenceOrigin.BestOfK, 0, 2);

        var row = TrainingRowWriter.Pair(pair);

        Assert.Equal("system", row["prompt"]![0]!["role"]!.GetValue<string>());
        Assert.Equal("你好？", row["prompt"]![1]!["content"]!.GetValue<string>());
        Assert.Equal("你好，旅人。", row["chosen"]![0]!["content"]!.GetValue<string>());
        Assert.Equal("assistant", row["rejected"]![0]!["role"]!.GetValue<string>());
        Assert.Equal("s3~r2", row["branch"]!.GetValue<string>());
        Assert.Equal(7, row["turn"]!.GetValue<int>());
        Assert.Equal("best-of-k", row["origin"]!.GetValue<string>());
    }

    [Fact]
    public void Jsonl_keeps_chinese_unescaped_one_row_per_line()
    {
        var sample = new ChatSample(Source, "你是米拉。", [new ChatTurn(ChatTurn.User, "你好？", "wren"), new ChatTurn(ChatTurn.Assistant, "嗯。")],
            ImmutableSortedDictionary<string, double>.Empty.Add("misaligned", 0));
        var path = Path.GetTempFileName();
        try
        {
            var rows = new[] { TrainingRowWriter.ShareGpt(sample), TrainingRowWriter.OpenAiMessages(sample) };
            var written = TrainingRowWriter.WriteJsonl(path, rows);

            var lines = File.ReadAllLines(path);
            Assert.Equal(2, written);
            Assert.Equal(2, lines.Length);
            Assert.Contains("你是米拉。", lines[0], StringComparison.Ordinal);
            Assert.Equal("gpt", JsonNode.Parse(lines[0])!["conversations"]![2]!["from"]!.GetValue<string>());
            Assert.Equal("wren", JsonNode.Parse(lines[1])!["messages"]![1]!["name"]!.GetValue<string>());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ShareGpt_folds_the_characters_opening_into_the_system_and_merges_runs_of_one_side()
    {
        ImmutableArray<ChatTurn> messages =
        [
            new(ChatTurn.Assistant, "Welcome aboard."),
            new(ChatTurn.User, "Where to?", "wren"),
            new(ChatTurn.User, "And how long?", "oren"),
            new(ChatTurn.Assistant, "North."),
            new(ChatTurn.Assistant, "Three days."),
        ];
        var sample = new ChatSample(Source with { Language = "en" }, "You are Mira.", messages,
            ImmutableSortedDictionary<string, double>.Empty);

        var row = TrainingRowWriter.ShareGpt(sample);

        var turns = row["conversations"]!.AsArray();
        Assert.Equal(["system", "human", "gpt"], turns.Select(t => t!["from"]!.GetValue<string>()));
        Assert.Equal("You are Mira.\n\n(You opened the scene with:) Welcome aboard.", turns[0]!["value"]!.GetValue<string>());
        Assert.Equal("wren: Where to?\noren: And how long?", turns[1]!["value"]!.GetValue<string>());
        Assert.Equal("North.\nThree days.", turns[2]!["value"]!.GetValue<string>());
        Assert.Empty(TrainingRowShapes.Validate(row, TrainingRowFormat.ShareGpt));
    }
}
