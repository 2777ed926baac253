using WorldPlay.Evaluation.Detectors;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Tests.Grounded;

/// <summary>An ensemble where each speaker rewords the last is <c>diversity.stagnation</c> in English and Chinese; one where each
/// reply brings a new name, number or decision is not.</summary>
public sealed class StagnationTests
{
    public static TheoryData<string, string[]> Rewording() => new()
    {
        { "en", ["The storm is getting worse out there.", "Aye, the weather's turning foul tonight.", "Wind's howling something fierce.",
            "Bad night to be out, that's certain.", "Rough weather, rough night."] },
        { "zh", ["外面的风暴越来越大了。", "是啊，今晚的天气真糟。", "风刮得可真厉害。", "这种夜里可不好出门。", "天气坏透了，真是个坏夜晚。"] },
    };

    public static TheoryData<string, string[]> Moving() => new()
    {
        { "en", ["The storm is getting worse out there.", "The ferry from Corvel stopped running at noon.",
            "Then Edda is stuck on the far bank.", "I'll row across at 6 and fetch her.", "Decided, then. Take the lantern."] },
        { "zh", ["外面的风暴越来越大了。", "秀兰还在码头那边，回不来了。", "那我决定去接她。", "带上铜灯笼，路上黑。", "我6点前一定回来。"] },
    };

    [Theory]
    [MemberData(nameof(Rewording))]
    public void Detect_EnsembleRewordingTheLastSpeaker_HitOnTheFourthStillReply(string language, string[] replies)
    {
        var hit = Assert.Single(Hits(language, replies));

        Assert.Equal(6, hit.Turn);
    }

    [Theory]
    [MemberData(nameof(Moving))]
    public void Detect_EnsembleBringingNewInformation_NoHit(string language, string[] replies) =>
        Assert.Empty(Hits(language, replies).Select(h => h.Reason));

    [Theory]
    [InlineData("en", "The pumps started knocking six days ago, and Tomas checked them twice.",
        "Aye, the pumps started knocking six days ago; I checked them twice.", 1)]
    [InlineData("zh", "水泵六天前开始响，老周检查过两次。", "对，水泵六天前就开始响了，我检查过两次。", 1)]
    [InlineData("en", "The pumps started knocking six days ago, and Tomas checked them twice.",
        "The seal on the third pump is cracked; I'll need Edda's tools from the docks.", 0)]
    [InlineData("zh", "水泵六天前开始响，老周检查过两次。", "第三台水泵的密封圈裂了，得去码头借秀兰的工具。", 0)]
    public void Detect_EnsembleReplyRestatingTheLast_HitOnlyWithoutNewInformation(string language, string first, string second,
        int expected)
    {
        var world = GroundedWorld.Of(language).User(1, language == "zh" ? "水泵怎么了？" : "What happened to the pumps?");
        var transcript = world.Npc(2, first, world.MiraName).Npc(3, second, world.TomasName).Transcript();

        var hits = new StagnationDetector().Detect(transcript).ToList();

        Assert.Equal(expected, hits.Count(h => h.Turn == 3 && h.Reason.StartsWith("restates", StringComparison.Ordinal)));
    }

    private static List<DetectorHit> Hits(string language, string[] replies)
    {
        var world = GroundedWorld.Of(language).User(1, language == "zh" ? "晚上好。" : "Evening.");
        for (var i = 0; i < replies.Length; i++)
        {
            world = world.Npc(i + 2, replies[i], i % 2 == 0 ? world.MiraName : world.TomasName);
        }
        return [.. new StagnationDetector().Detect(world.Transcript())];
    }
}
