using WorldPlay.Evaluation.Detectors;
using WorldPlay.Evaluation.Transcripts;
using static WorldPlay.Evaluation.Tests.Detectors.ChineseScenes;

namespace WorldPlay.Evaluation.Tests.Detectors;

/// <summary>The language of a transcript and basics.mixed_language in Chinese: inferred from the lines when there is no setting;
/// an English sentence or phrase in a Chinese setting is a switch, a name, a brand or a number is not.</summary>
public sealed class LanguageParityTests
{
    private readonly MixedLanguageDetector _detector = new();

    [Fact]
    public void OfTranscript_ChineseLinesWithoutSetting_IsZh()
    {
        var transcript = Dialogue(null, (SpeakerRole.User, "Mira，你好。灯塔今晚亮吗？"), (SpeakerRole.Npc, "（她点点头）亮的，我刚添了油。"));

        Assert.Equal("zh", LanguageIdentifier.OfTranscript(transcript));
    }

    [Fact]
    public void OfTranscript_EnglishLinesWithoutSetting_IsEn()
    {
        var transcript = Dialogue(null, (SpeakerRole.User, "Is the lamp lit tonight?"), (SpeakerRole.Npc, "It is. I trimmed the wick."));

        Assert.Equal("en", LanguageIdentifier.OfTranscript(transcript));
    }

    [Fact]
    public void OfTranscript_ChineseLinesInAnEnglishSetting_IsTheSettingsLanguage()
    {
        var transcript = Replies(Setting("English"), "亮的，我刚添了油。");

        Assert.Equal("en", LanguageIdentifier.OfTranscript(transcript));
    }

    [Fact]
    public void OfTexts_JapaneseWithKana_IsJa()
    {
        Assert.Equal("ja", LanguageIdentifier.OfTexts(["灯台の火は今夜も灯っています。", "ありがとう。"]));
    }

    [Fact]
    public void MixedLanguage_ChineseTranscriptWithoutSetting_FlagsNothing()
    {
        var transcript = Dialogue(null,
            (SpeakerRole.User, "米拉，你今天去码头了吗？"),
            (SpeakerRole.Npc, "（她擦着手上的鱼鳞）去了。船都没回来，风太大了。"),
            (SpeakerRole.User, "那我们明天再去看看？"),
            (SpeakerRole.Npc, "好啊。你记得带上那件厚外套，海边冷。"));

        Assert.Empty(Hits(_detector, transcript));
    }

    [Fact]
    public void MixedLanguage_EnglishSentenceInAChineseSetting_IsFlagged()
    {
        var transcript = Replies(Setting(), "她冷笑一声。I will never forgive you for this. 说完她转身就走。");

        Assert.Equal("I will never forgive you for this.", Assert.Single(Hits(_detector, transcript)).Evidence.Quote);
    }

    [Fact]
    public void MixedLanguage_EnglishPhraseInsideAChineseSentence_IsFlagged()
    {
        var transcript = Replies(Setting(), "她低声说：“I told you so，你就是不听。”");

        Assert.Equal("I told you so", Assert.Single(Hits(_detector, transcript)).Evidence.Quote);
    }

    [Theory]
    [InlineData("Marco拿出他的iPhone 15 Pro，花了2000块。")]
    [InlineData("她把信交给了Captain Reyes。")]
    [InlineData("好吧，OK，我们三点见。")]
    [InlineData("“New York Times Square”是她梦里的地方。")]
    public void MixedLanguage_LatinNameBrandOrNumberInAChineseSetting_IsNotFlagged(string reply)
    {
        Assert.Empty(Hits(_detector, Replies(Setting(), reply)));
    }

    [Fact]
    public void MixedLanguage_ChineseInAnEnglishSetting_IsStillFlagged()
    {
        var transcript = Replies(Setting("en"), "She smiled and said 你好 to the stranger at the door.");

        Assert.Equal("你好", Assert.Single(Hits(_detector, transcript)).Evidence.Quote);
    }
}
