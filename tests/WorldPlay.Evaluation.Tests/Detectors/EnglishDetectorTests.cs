using WorldPlay.Evaluation.Detectors;
using WorldPlay.Evaluation.Transcripts;
using static WorldPlay.Evaluation.Tests.Detectors.ChineseScenes;

namespace WorldPlay.Evaluation.Tests.Detectors;

/// <summary>English cases the parity work added while reading the labelled dev half: the same rules as in Chinese.</summary>
public sealed class EnglishDetectorTests
{
    [Fact]
    public void Repetition_ClauseCopiedFromAnEarlierReply_IsFlagged()
    {
        var transcript = Replies(Setting("en"),
            "*He turns the matchbook over.* The Blue Heron. You'd be surprised what a man'll hide from his wife.",
            "*He leans back, the chair creaking.* Cards, mostly. Sometimes worse.",
            "Twenty-five a day plus expenses. And I'll tell you now, Mrs. Shaw: you'd be surprised what a man'll hide from his wife.");

        Assert.Equal(3, Assert.Single(Hits(new RepetitionDetector(), transcript)).Turn);
    }

    [Fact]
    public void SinglePattern_OneSpeakerOpeningThreeRepliesAlike_IsFlaggedOnTheThird()
    {
        var transcript = Replies(Setting("en"),
            "*She nods and resets the pads.* Good. Jab, cross. Show me.",
            "*She nods and resets the pads.* Again. Keep your chin down this time, and breathe out on the punch.",
            "*She nods and resets the pads.* Better. Now the hook.");

        Assert.Equal(3, Assert.Single(Hits(new SinglePatternDetector(), transcript)).Turn);
    }

    [Theory]
    [InlineData("*He grins, but it doesn't quite reach his eyes.* She also talked to the tomatoes, every single morning.")]
    [InlineData("*The air grows thick with tension as Halvard's voice falls like a door closing.* The boy is confused with grief.")]
    [InlineData("*She's already back at her crossword.*")]
    public void Filler_StockPhraseOrShortActionAlone_IsFlagged(string reply)
    {
        Assert.Single(Hits(new FillerDetector(), Replies(Setting("en"), reply)));
    }

    [Theory]
    [InlineData("Okay, so, as the assistant I should check: do you want the dome to be haunted?", OutOfCharacterDetector.AssistantSeverity)]
    [InlineData("I'll keep them, Isolde. (Note: keeping the memory rule consistent!)", OutOfCharacterDetector.AsideSeverity)]
    public void OutOfCharacter_AssistantVoiceOrNote_IsFlaggedWithItsSeverity(string reply, int severity)
    {
        Assert.Equal(severity, Assert.Single(Hits(new OutOfCharacterDetector(), Replies(Setting("en"), reply))).Severity);
    }

    [Theory]
    [InlineData("I hear you, and I want to gently remind you that throwing objects from a height can injure people.")]
    [InlineData("If you are finding it difficult to cope, I encourage you to reach out to a grief counsellor.")]
    public void Boundary_GentleSafetyLecture_IsFlagged(string reply)
    {
        Assert.Single(Hits(new BoundaryDetector(), Replies(Setting("en"), reply)));
    }

    [Fact]
    public void IgnoresUser_GoodAnsweringBetter_IsNotFlagged()
    {
        var transcript = Dialogue(Setting("en"), (SpeakerRole.User, "*throws it again, cleaner this time* Better footwork now?"),
            (SpeakerRole.Npc, "*She resets the pads.* Good. Jab, jab, cross, pivot out."));

        Assert.Empty(Hits(new IgnoresUserDetector(), transcript));
    }

    [Fact]
    public void NoHook_BareEllipsisAfterAnAction_IsFlagged()
    {
        Assert.Single(Hits(new NoHookDetector(), Replies(Setting("en"), "*She looks at the sea for a long time.* ...")));
    }
}
