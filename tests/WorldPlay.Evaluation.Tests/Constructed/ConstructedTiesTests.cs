using WorldPlay.Evaluation.Detectors;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Tests.Constructed;

/// <summary>Wrong references to what the user built (Lena, Ren's sister, at Vask), planted in English and Chinese, are
/// <c>logic.reference_confusion</c> hits with a reason; consistent answers and honest ignorance are not.</summary>
public sealed class ConstructedTiesTests
{
    public static TheoryData<string, string, string, string[]> Planted() => new()
    {
        { "en", "Have you heard from home?", "Your cousin Lena wrote to you, didn't she?",
            ["calls Lena Ren's 'cousin'", "Lena sister-of Ren", "the user (Ren) at turn 1"] },
        { "en", "Have you heard from home?", "Lena is your brother, isn't he?", ["calls Lena Ren's 'brother'", "Lena sister-of Ren"] },
        { "zh", "家里有消息吗？", "你表妹莲娜给你写信了吧？", ["calls 莲娜 任's '表妹'", "莲娜 sister-of 任"] },
        { "en", "Any news?", "Lena is waiting for you in Corven, they say.", ["puts Lena in Corven", "Lena is at Vask"] },
        { "zh", "有消息吗？", "听说莲娜在科文等你呢。", ["puts 莲娜 in 科文", "莲娜 is at 瓦斯克"] },
        { "en", "Do you remember what I told you?", "Who is Lena? I can't place the name.",
            ["treats Lena as unknown", "Mira was there when Lena was created at turn 1"] },
        { "zh", "你还记得我说过的话吗？", "莲娜是谁？我想不起来了。", ["treats 莲娜 as unknown", "米拉 was there when 莲娜 was created"] },
        { "en", "Have you heard from my sister?", "Your sister Lena? Last I heard, she was still at Corven.", ["puts Lena in Corven"] },
        { "zh", "你有我妹妹的消息吗？", "你妹妹莲娜？我听说她还在科文。", ["puts 莲娜 in 科文"] },
        { "en", "Have you heard from Lena?", "Lena? I don't know anyone by that name. Who is that?", ["treats Lena as unknown"] },
        { "zh", "你有莲娜的消息吗？", "莲娜？我不认识这个人。是谁？", ["treats 莲娜 as unknown"] },
    };

    public static TheoryData<string, string, string, string> Consistent() => new()
    {
        { "en", "mira", "Tell me about home.", "Your sister Lena is still in Vask, safe as houses." },
        { "en", "mira", "Tell me about home.", "Lena, your little sister, waits at Vask. I can hear her now: come home, Lena." },
        { "zh", "mira", "说说家里。", "你妹妹莲娜还在瓦斯克，放心吧。" },
        { "zh", "mira", "说说家里。", "莲娜是你的妹妹，她不在科文，在瓦斯克。" },
        { "en", "mira", "Have you heard from my sister?", "Your sister Lena? Last I heard, she was still at Vask." },
        { "en", "mira", "Have you heard from my sister?", "Lena? I was at the Docks this morning; no word of her." },
        { "zh", "mira", "你有我妹妹的消息吗？", "你妹妹莲娜？我听说她还在瓦斯克。" },
        // Tomas was out when Ren created Lena: hearing her name in the question does not make him know her.
        { "en", "tomas", "Have you met Lena?", "Lena? Who is Lena? I don't know her." },
        { "en", "tomas", "What do you make of Mira?", "I never heard of any Lena, if that's what you're after." },
        { "zh", "tomas", "你见过莲娜吗？", "莲娜是谁？我不认识她。" },
    };

    [Theory]
    [MemberData(nameof(Planted))]
    public void Detect_PlantedWrongReference_OneHitWithReason(string language, string question, string reply, string[] because)
    {
        var world = language == "zh" ? CoCreatedWorld.Chinese() : CoCreatedWorld.English();
        var transcript = world.User(4, question, world.MiraName, world.TomasName)
            .Npc(5, world.MiraName, reply, world.RenName, world.TomasName).Transcript();

        var hit = Assert.Single(Confusions(transcript));

        Assert.All(because, part => Assert.Contains(part, hit.Reason, StringComparison.Ordinal));
        Assert.Equal(5, hit.Turn);
    }

    [Theory]
    [MemberData(nameof(Consistent))]
    public void Detect_ConsistentOrHonestReply_NoHit(string language, string speaker, string question, string reply)
    {
        var world = language == "zh" ? CoCreatedWorld.Chinese() : CoCreatedWorld.English();
        var transcript = world.User(4, question, world.MiraName, world.TomasName)
            .Npc(5, speaker == "mira" ? world.MiraName : world.TomasName, reply, world.RenName, world.MiraName).Transcript();

        Assert.Empty(Confusions(transcript).Select(h => $"{h.Reason}: {h.Evidence.Quote}"));
    }

    [Theory]
    [InlineData("en", "Ren's sister Lena keeps a house in Vask.", "Who is Lena?", "Tomas was told of Lena by Mira at turn 3")]
    [InlineData("zh", "任的妹妹莲娜在瓦斯克有座房子。", "莲娜是谁？", "托马斯 was told of 莲娜 by 米拉 at turn 3")]
    public void Detect_ToldThenAsksWho_HitNamesTeller(string language, string told, string asked, string because)
    {
        var world = language == "zh" ? CoCreatedWorld.Chinese() : CoCreatedWorld.English();
        var transcript = world.Npc(3, world.MiraName, told, world.RenName, world.TomasName)
            .User(4, language == "zh" ? "你们在聊什么？" : "What are you two talking about?", world.MiraName, world.TomasName)
            .Npc(5, world.TomasName, asked, world.RenName, world.MiraName).Transcript();

        var hit = Assert.Single(Confusions(transcript));

        Assert.Contains(because, hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_SpacedCharacterName_FirstNameToo()
    {
        var lena = new WorldPlay.Core.Entity(new WorldPlay.Core.EntityId("lena"), WorldPlay.Core.EntityKind.Character, "Lena Varro", [],
            System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty, WorldPlay.Core.EntityStatus.Alive, null, null);

        Assert.Equal(["Lena Varro", "Lena"], ConstructedTies.Names(lena));
    }

    [Fact]
    public void Detect_NoWorldEvents_NoConstructedHit()
    {
        var transcript = new Transcript("bare", null,
            [
                new TranscriptLine(1, "Ren", SpeakerRole.User, "Hi.", []),
                new TranscriptLine(2, "Mira", SpeakerRole.Npc, "Who is Lena?", []),
            ]);

        Assert.Empty(Confusions(transcript));
    }

    private static List<DetectorHit> Confusions(Transcript transcript) =>
        [.. TranscriptScorer.Score(transcript).Hits.Where(h => h.Category == BenchCategory.ReferenceConfusion)];
}
