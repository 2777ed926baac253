using WorldPlay.Evaluation.Detectors;
using WorldPlay.Evaluation.Transcripts;

namespace WorldPlay.Evaluation.Tests.Grounded;

/// <summary>Narration of the user's body, feelings and decisions with verbs outside any list, in English and Chinese, is
/// <c>prefs.speaks_for_user</c>; speech addressed to the user is not.</summary>
public sealed class SpeaksForUserTests
{
    public static TheoryData<string, string, string> Narrating() => new()
    {
        { "en", "*You shiver as the door swings open.* \"Close that, would you?\"", "You shiver" },
        { "en", "\"Sit.\" *Your hand tightens around the cup.*", "Your hand tightens" },
        { "en", "*You decide to stay the night.* \"Good choice.\"", "You decide" },
        { "en", "\"Is that so?\" *Wren can't help but smile at that.*", "Wren can't help" },
        { "en", "\"Come in.\" *Wren hesitates at the threshold, then steps inside.*", "Wren hesitates" },
        { "en", "*Mira pours the ale, and you wince at the smell.*", "you wince" },
        { "zh", "（你点了点头）“好吧。”", "你点了点头" },
        { "zh", "“别怕。”（你心头一紧）", "你心头一紧" },
        { "zh", "（你决定留下）“那就住一晚吧。”", "你决定留下" },
        { "zh", "“慢点喝。”（你的手微微发抖）", "你的手" },
        { "zh", "（阿任站起身，走到窗前）“雨停了。”", "阿任站起" },
        { "zh", "【米拉把茶推过去，你接过茶杯】“趁热喝。”", "你接过茶杯" },
        { "zh", "阿任：好，我留下。", "阿任：" },
    };

    public static TheoryData<string, string> Speech() => new()
    {
        { "en", "\"You look tired, love. Sit down.\"" },
        { "en", "You look tired. Sit by the fire and I'll bring stew." },
        { "en", "*Mira slides the cup toward you.* \"You'll want this.\"" },
        { "en", "*She looks at you, then at the door.* \"Are you staying?\"" },
        { "en", "\"You decide, then. Stay or go?\"" },
        { "en", "*Mira takes your hand in hers.* \"Cold as the river.\"" },
        { "zh", "“你看起来很累。”" },
        { "zh", "你看起来很累，坐下歇歇吧。" },
        { "zh", "（米拉把茶递给你）“你要住几天？”" },
        { "zh", "（她看了你一眼）“你决定吧。”" },
        { "zh", "（米拉笑了笑）“你们从哪儿来？”" },
    };

    [Theory]
    [MemberData(nameof(Narrating))]
    public void Detect_NarrationOfTheUser_Hit(string language, string reply, string evidence)
    {
        var hit = Assert.Single(Hits(language, reply));

        Assert.Contains(evidence, hit.Evidence.Quote, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Speech))]
    public void Detect_SpeechToTheUser_NoHit(string language, string reply) =>
        Assert.Empty(Hits(language, reply).Select(h => h.Evidence.Quote));

    private static List<DetectorHit> Hits(string language, string reply)
    {
        var world = GroundedWorld.Of(language);
        var transcript = world.User(3, language == "zh" ? "晚上好。" : "Evening.").Npc(4, reply).Transcript();
        return [.. new SpeaksForUserDetector().Detect(transcript)];
    }
}
