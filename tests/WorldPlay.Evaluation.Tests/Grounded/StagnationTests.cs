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

    [Theory]
    [InlineData("en", "Use the open-source labelling tool; the web page lets you tag many labels, and I'll send the install guide.",
        "Where will you go after you graduate?",
        "Just use the open-source tool in a browser, tagging is simple, many labels; the install guide I'll send.",
        1)]
    [InlineData("zh", "我给你装个开源的标注工具，界面是网页，你点点就行，多标签也方便。微信发你安装教程。", "你毕业以后打算去哪儿啊？",
        "就用开源的标注工具，网页界面，点点就能标，多标签也支持。安装教程我微信发你。", 1)]
    [InlineData("en", "Use the open-source labelling tool; the web page lets you tag many labels, and I'll send the install guide.",
        "Okay.", "Just use the open-source tool in a browser, tagging is simple, many labels; the install guide I'll send.", 0)]
    [InlineData("zh", "我给你装个开源的标注工具，界面是网页，你点点就行，多标签也方便。微信发你安装教程。", "好的。",
        "就用开源的标注工具，网页界面，点点就能标，多标签也支持。安装教程我微信发你。", 0)]
    [InlineData("en", "Use the open-source labelling tool; the web page lets you tag many labels, and I'll send the install guide.",
        "Where will you go after you graduate?",
        "I'm off to the harbour office in spring; they build weather models for the fishing fleet.",
        0)]
    [InlineData("zh", "我给你装个开源的标注工具，界面是网页，你点点就行，多标签也方便。微信发你安装教程。", "你毕业以后打算去哪儿啊？",
        "春天我去港务局，给渔船队做天气预报模型，工资还行。", 0)]
    public void Detect_ReplyRestatingItsOwnLastAfterAQuestion_HitOnlyForTheParaphrase(string language, string own, string question,
        string reply, int expected)
    {
        var world = GroundedWorld.Of(language).User(1, language == "zh" ? "标注用什么工具好？" : "Which tool should I use?");
        world = world.Npc(2, own, world.MiraName).User(3, question).Npc(4, reply, world.MiraName);

        var hits = new StagnationDetector().Detect(world.Transcript()).ToList();

        Assert.Equal(expected, hits.Count(h => h.Turn == 4 && h.Reason.StartsWith("restates its own", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public void Detect_ReplyCopyingItsOwnLastVerbatim_LeftToRepetition(string language)
    {
        var own = language == "zh" ? "我给你装个开源的标注工具，界面是网页，你点点就行。" : "Use the open-source labelling tool; the web page is easy.";
        var world = GroundedWorld.Of(language).User(1, language == "zh" ? "标注用什么工具好？" : "Which tool should I use?");
        world = world.Npc(2, own, world.MiraName).User(3, language == "zh" ? "真的吗？" : "Really?").Npc(4, own, world.MiraName);

        Assert.DoesNotContain(new StagnationDetector().Detect(world.Transcript()), h => h.Turn == 4);
    }

    [Fact]
    public void Detect_EnsembleRestatingWithAnAddressAlreadySaid_AddressIsNoNewName()
    {
        var world = GroundedWorld.Of("en").User(1, "What happened to the pumps?");
        var transcript = world.Npc(2, "The knocking started six days ago. Inspector, you'll want to see the pumps.", world.MiraName)
            .Npc(3, "Yes, the knocking started six days ago, so you'll want to see the pumps, Inspector.", world.TomasName).Transcript();

        Assert.Contains(new StagnationDetector().Detect(transcript),
            h => h.Turn == 3 && h.Reason.StartsWith("restates the last", StringComparison.Ordinal));
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
