using WorldPlay.Core;
using WorldPlay.Evaluation.Detectors;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Tests.Grounded;

/// <summary>Replies judged against the world state at their turn (<see cref="GroundedWorld"/>), in English and Chinese: the dead
/// or absent acting, wrong holders, wrong places, wrong kin, wrong identities and wrong 他/她 are <c>logic.reference_confusion</c>
/// hits naming the state fact; true statements, denials, losses and movement are not.</summary>
public sealed class WorldGroundingTests
{
    public static TheoryData<string, string, string[]> Contradicting() => new()
    {
        { "en", "*Cass wipes down the bar and glances at you.* Evening.", ["Cass is dead", "turn 4"] },
        { "zh", "（老陈擦了擦桌子）来了啊。", ["老陈 is dead", "turn 4"] },
        { "zh", "（秀兰点了点头）坐吧。", ["秀兰 is not in this scene"] },
        { "zh", "老陈，你也来喝一杯？", ["老陈 is dead", "addressed"] },
        { "en", "Here's the lantern, take it.", ["Mira claims to have the brass lantern", "Tomas holds it", "turn 4"] },
        { "en", "I have the lantern right here for you.", ["Mira claims to have the brass lantern"] },
        { "zh", "灯笼在我这儿，拿去吧。", ["米拉 claims to have the 铜灯笼", "老周 holds it"] },
        { "zh", "给你，这是我的灯笼，照着路走。", ["米拉 claims to have the 铜灯笼"] },
        { "en", "Edda has the key, go and ask her.", ["says Edda has the iron key", "Mira holds it"] },
        { "zh", "钥匙在秀兰手里，你去找她。", ["says 秀兰 has the 铁钥匙", "米拉 holds it"] },
        { "en", "Tomas is down at the docks, mending nets.", ["puts Tomas at The Docks", "Tomas is at The Gull", "turn 4"] },
        { "zh", "老周在码头补渔网呢。", ["puts 老周 at 码头", "老周 is at 茶馆"] },
        { "en", "My father Tomas will see to your room.", ["calls Tomas the speaker's 'father'", "Tomas sibling-of Mira"] },
        { "en", "Ask Edda's sister Mira, she runs the place.", ["calls Mira Edda's 'sister'", "Edda parent-of Mira"] },
        { "zh", "我爹老周会帮你的。", ["calls 老周 the speaker's '爹'", "老周 sibling-of 米拉"] },
        { "zh", "秀兰的妹妹米拉管着这茶馆。", ["calls 米拉 秀兰's '妹妹'"] },
        { "en", "I'm Tomas, and this is my inn.", ["Mira introduces themself as Tomas"] },
        { "zh", "我是老周，这茶馆是我开的。", ["米拉 introduces themself as 老周"] },
        { "en", "Edda, come and fetch the lantern.", ["Edda is not in this scene", "addressed"] },
        { "zh", "秀兰，去把灯笼拿来！", ["秀兰 is not in this scene", "addressed"] },
        { "zh", "（她朝门口喊）阿兰，快过来！", ["秀兰 is not in this scene", "addressed"] },
        { "en", "Don't fret. Cass was asking after you this morning.", ["Cass is dead", "alive today"] },
        { "zh", "别急。老陈今早还问起你。", ["老陈 is dead", "alive today"] },
    };

    public static TheoryData<string, string> Consistent() => new()
    {
        { "en", "Tomas has the lantern; ask him." },
        { "en", "Where is my lantern? Tomas took it." },
        { "en", "Tomas went to the docks yesterday." },
        { "en", "Tomas is heading to the docks after supper." },
        { "en", "Tomas is not at the docks, he's right here." },
        { "en", "Edda is at the docks, mending nets." },
        { "en", "My brother Tomas keeps the lantern." },
        { "en", "I knew Cass well. He kept this place for thirty years." },
        { "en", "Here's the key to your room." },
        { "en", "*Mira sets down a cup and looks at Tomas.* You look tired, love." },
        { "zh", "老周拿着灯笼呢，你去问他。" },
        { "zh", "我的灯笼呢？被老周拿走了。" },
        { "zh", "老周昨天去了码头。" },
        { "zh", "老周不在码头，他就在这儿。" },
        { "zh", "老周正往码头走。" },
        { "zh", "秀兰在码头补网呢。" },
        { "zh", "我哥老周脾气不好。" },
        { "zh", "老陈生前最爱喝这茶。" },
        { "zh", "铁钥匙在我这儿，给你。" },
        { "zh", "（米拉点了点头）好，老周马上来。" },
        { "zh", "老周擦着杯子，他抬头看了看门口。" },
        { "zh", "老周擦着杯子，她抬头看了看门口。" },
        { "en", "Cass died this morning, God rest him." },
        { "en", "Edda, the old woman at the docks, would know." },
        { "zh", "老陈是今早去世的。" },
        { "zh", "小兰花开了。" },
    };

    [Theory]
    [MemberData(nameof(Contradicting))]
    public void Detect_ReplyContradictingState_OneHitNamingTheFact(string language, string reply, string[] because)
    {
        var world = GroundedWorld.Of(language);
        var transcript = world.User(3, language == "zh" ? "晚上好。" : "Evening.").Npc(4, reply).Transcript();

        var hit = Assert.Single(Confusions(transcript));

        Assert.All(because, part => Assert.Contains(part, hit.Reason, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Consistent))]
    public void Detect_ReplyFittingState_NoHit(string language, string reply)
    {
        var world = GroundedWorld.Of(language);
        var transcript = world.User(3, language == "zh" ? "晚上好。" : "Evening.").Npc(4, reply).Transcript();

        Assert.Empty(Confusions(transcript).Select(h => $"{h.Reason}: {h.Evidence.Quote}"));
    }

    [Theory]
    [InlineData("zh", "（老周擦着杯子，她抬头看了看门口）", "'她' for 老周")]
    [InlineData("zh", "（她擦了擦杯子）来了。", "'她' for the speaker 老周")]
    [InlineData("en", "*She wipes the counter.* Evening.", "'She' for the speaker Tomas")]
    public void Detect_PronounOfOtherGenderNotFittingSpeakerOrUser_Hit(string language, string reply, string because)
    {
        var world = GroundedWorld.Of(language);
        var transcript = world.User(3, language == "zh" ? "晚上好。" : "Evening.").TomasDoes(4, reply).Transcript();

        var hit = Assert.Single(Confusions(transcript));

        Assert.Contains(because, hit.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "You're Tomas, aren't you? The one with the boat.", 1)]
    [InlineData("zh", "你就是老周吧，听说你有条船。", 1)]
    [InlineData("en", "You're Wren, aren't you? The one with the boat.", 0)]
    [InlineData("zh", "你就是阿任吧，听说你有条船。", 0)]
    public void Detect_ListenerCalledByAnotherName_HitWhenSpokenToTheUser(string language, string reply, int expected)
    {
        var world = GroundedWorld.Of(language);
        var transcript = world.User(3, language == "zh" ? "晚上好。" : "Evening.").Npc(4, reply, null, [], GroundedWorld.Wren).Transcript();

        Assert.Equal(expected,
            Confusions(transcript).Count(h => h.Reason.Contains("to whom the line is spoken", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("en", "Tomas nods at you from behind the bar.")]
    [InlineData("zh", "（老周点了点头）")]
    public void Detect_ActingAfterDeathEvent_HitOnlyAfterTheEvent(string language, string reply)
    {
        var world = GroundedWorld.Of(language);
        var transcript = world.Npc(1, reply).User(2, "…").Npc(3, "…", null, new StatusChanged(GroundedWorld.Tomas, EntityStatus.Dead))
            .User(4, "…").Npc(5, reply).Transcript();

        var hit = Assert.Single(Confusions(transcript));

        Assert.Equal((5, true), (hit.Turn, hit.Reason.Contains("is dead (world state at turn 5)", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("en", "Tomas is in the inn, pouring ale.", "puts Tomas at The Gull, but Tomas is at The Docks")]
    [InlineData("zh", "老周在茶馆倒茶呢。", "puts 老周 at 茶馆, but 老周 is at 码头")]
    [InlineData("zh", "（老周点了点头）", "老周 is not in this scene (world state at turn 5)")]
    public void Detect_AfterMoveEvent_JudgedAgainstNewPlace(string language, string reply, string because)
    {
        var world = GroundedWorld.Of(language);
        var transcript = world.TomasDoes(3, language == "zh" ? "我去码头了。" : "I'm off to the docks.", new Moved(GroundedWorld.Docks))
            .User(4, "…").Npc(5, reply).Transcript();

        var hit = Assert.Single(Confusions(transcript));

        Assert.Contains(because, hit.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Here's the lantern, take it.")]
    [InlineData("zh", "灯笼在我这儿，拿去吧。")]
    public void Detect_ClaimAfterGiftEvent_NoHit(string language, string reply)
    {
        var world = GroundedWorld.Of(language);
        var transcript = world.TomasDoes(3, language == "zh" ? "拿着吧。" : "Take it.", new Gave(GroundedWorld.Lantern, GroundedWorld.Mira))
            .User(4, "…").Npc(5, reply).Transcript();

        Assert.Empty(Confusions(transcript).Select(h => h.Reason));
    }

    [Theory]
    [InlineData("en", "I have the lantern, don't fret.", "Tomas claims to have the brass lantern, but Mira holds it")]
    [InlineData("zh", "灯笼在我这儿呢。", "老周 claims to have the 铜灯笼, but 米拉 holds it")]
    public void Detect_ClaimByFormerHolderAfterGift_Hit(string language, string reply, string because)
    {
        var world = GroundedWorld.Of(language);
        var transcript = world.TomasDoes(3, language == "zh" ? "拿着吧。" : "Take it.", new Gave(GroundedWorld.Lantern, GroundedWorld.Mira))
            .User(4, "…").TomasDoes(5, reply).Transcript();

        var hit = Assert.Single(Confusions(transcript));

        Assert.Contains(because, hit.Reason, StringComparison.Ordinal);
    }

    private static List<DetectorHit> Confusions(Transcript transcript) =>
        [.. TranscriptScorer.Score(transcript).Hits.Where(h => h.Category == BenchCategory.ReferenceConfusion)];
}
