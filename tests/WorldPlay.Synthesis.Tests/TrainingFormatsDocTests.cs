using System.Collections.Immutable;
using System.Text.Json.Nodes;
using WorldPlay.Synthesis.Rows;
using WorldPlay.Testing;

namespace WorldPlay.Synthesis.Tests;

/// <summary>The example rows of docs/training-formats.md are what TrainingRowWriter writes for lines of a real self-play run
/// (bench run on RPBench-Auto scene 0: the procedural mind's replies, and the fake model's on the same user lines), and they
/// pass their shape's check: the page cannot drift from the writer.</summary>
public sealed class TrainingFormatsDocTests
{
    private static readonly string Docs = File.ReadAllText(Path.Combine(Repository.Root, "docs", "training-formats.md"));

    private const string System = "You are Marco, the user's rival since early school days, now at the same high school; antagonistic, " +
        "possessive, envious, protective, direct. Your families are close. It is late; you have come to the user's door. You opened " +
        "the scene with: \"Hey, I know it's late and we've had our differences, but I really need someone to talk to right now. Can I " +
        "come in?\"";

    private const string UserTurn2 = "That sounds like a lot to carry, Marco. I'd like to know you better, Marco. " +
        "Where do you come from? *User lets the silence stretch.*";

    private const string MarcoTurn3 = "They call me adversary, and they're not wrong. Is there something to tell me, User?";

    private const string UserTurn4 = "Adversary? I had no idea. Does it still hurt, Marco? After all this time?";

    private const string MarcoTurn5 = "The time? Now there's a thing. Night is slipping away from us. What would you have me do, User? " +
        "*Marco softens at User.*";

    private const string FakeTurn3 = "User, wait. I keep hearing \"better\", and I like it less each time. " +
        "What is it you really want, User? *Marco turns to User.*";

    [Theory]
    [InlineData(TrainingRowFormat.ShareGpt)]
    [InlineData(TrainingRowFormat.OpenAiMessages)]
    [InlineData(TrainingRowFormat.Dpo)]
    [InlineData(TrainingRowFormat.Kto)]
    public void Docs_ExampleRow_IsWhatTheWriterWrites(TrainingRowFormat format)
    {
        Assert.Contains(Jsonl(Example(format)), Docs, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TrainingRowFormat.ShareGpt)]
    [InlineData(TrainingRowFormat.OpenAiMessages)]
    [InlineData(TrainingRowFormat.Dpo)]
    [InlineData(TrainingRowFormat.Kto)]
    public void Docs_ExampleRow_PassesItsShapeCheck(TrainingRowFormat format)
    {
        Assert.Empty(TrainingRowShapes.Validate(JsonNode.Parse(Jsonl(Example(format)))!.AsObject(), format));
    }

    private static JsonObject Example(TrainingRowFormat format)
    {
        const string world = "rpbench-scenes-0-slow-burn-r1";
        var chat = new ChatSample(new RowSource("rpbench-scenes-0", world, world, "scene", 3, "marco", "en", 1, "slow-burn"), System,
            [new(ChatTurn.User, UserTurn2), new(ChatTurn.Assistant, MarcoTurn3), new(ChatTurn.User, UserTurn4),
                new(ChatTurn.Assistant, MarcoTurn5)],
            ImmutableSortedDictionary<string, double>.Empty.Add("misaligned", 0).Add("replies", 2));
        ImmutableArray<ChatTurn> prompt = [new(ChatTurn.User, UserTurn2)];
        var source = chat.Source with { Branch = $"{world}~k2" };
        return format switch
        {
            TrainingRowFormat.ShareGpt => TrainingRowWriter.ShareGpt(chat),
            TrainingRowFormat.OpenAiMessages => TrainingRowWriter.OpenAiMessages(chat),
            TrainingRowFormat.Dpo => TrainingRowWriter.Pair(new PreferencePair(source, System, prompt, MarcoTurn3, FakeTurn3,
                PreferenceOrigin.BestOfK, 0, 1)),
            _ => TrainingRowWriter.Kto(new KtoRow(source, System, prompt, FakeTurn3, false, PreferenceOrigin.BestOfK, 1)),
        };
    }

    private static string Jsonl(JsonObject row)
    {
        var path = Path.GetTempFileName();
        try
        {
            TrainingRowWriter.WriteJsonl(path, [row]);
            return File.ReadAllLines(path).Single();
        }
        finally
        {
            File.Delete(path);
        }
    }
}
