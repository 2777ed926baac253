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

    [Theory]
    [InlineData("*He hesitates, then holds out the tablet.* This isn't her medical file. It's hers.")]
    [InlineData("*She looks at him for a moment.* It's here, Commander. It's been here all night.")]
    [InlineData("Envoy, the mews first. The man in grey dropped this in the straw.")]
    public void NoHook_ReplyHoldingSomethingOutOrAddressingSomeone_IsNotFlagged(string reply)
    {
        Assert.Empty(Hits(new NoHookDetector(), Replies(Setting("en"), reply)));
    }

    [Fact]
    public void NoHook_AnswerWithSomethingInItToAUserQuestion_IsNotFlagged()
    {
        var transcript = Dialogue(Setting("en"), (SpeakerRole.User, "What kind of back room?"),
            (SpeakerRole.Npc, "*He leans back.* Cards, mostly. Sometimes worse." +
                " Every joint in this city has a back room where good men get lost."));

        Assert.Empty(Hits(new NoHookDetector(), transcript));
    }

    [Theory]
    [InlineData("*She smiles.* Good.")]
    [InlineData("Harriet smiles softly.")]
    public void NoHook_BareReplyToAUserQuestion_IsFlagged(string reply)
    {
        var transcript = Dialogue(Setting("en"), (SpeakerRole.User, "What's the question you've been waiting for someone to ask?"),
            (SpeakerRole.Npc, reply));

        Assert.Equal(2, Assert.Single(Hits(new NoHookDetector(), transcript)).Turn);
    }

    [Fact]
    public void IgnoresUser_ReplyCarryingOnItsOwnTrackDespiteYou_IsFlagged()
    {
        var transcript = Dialogue(Setting("en"),
            (SpeakerRole.Npc, "The soil in bed four is drifting acid, and the irrigation timer sticks."),
            (SpeakerRole.User, "One more question: who had this job before me? Nobody mentioned."),
            (SpeakerRole.Npc, "The soil pH in bed four has been drifting, you should look at that. And the irrigation timer sticks."));

        Assert.Equal(3, Assert.Single(Hits(new IgnoresUserDetector(), transcript)).Turn);
    }

    [Fact]
    public void IgnoresUser_NewReplyTurningToTheUser_IsNotFlagged()
    {
        var transcript = Dialogue(Setting("en"),
            (SpeakerRole.Npc, "The soil in bed four is drifting acid, and the irrigation timer sticks."),
            (SpeakerRole.User, "One more question: who had this job before me? Nobody mentioned."),
            (SpeakerRole.Npc, "*He looks away.* You'd have to ask the commander. I wasn't here that season."));

        Assert.Empty(Hits(new IgnoresUserDetector(), transcript));
    }

    [Theory]
    [InlineData("Nightshade, most likely. This is not medical advice, of course.")]
    [InlineData("The lore says so. (For informational purposes only.)")]
    public void OutOfCharacter_Disclaimer_IsFlagged(string reply)
    {
        Assert.Single(Hits(new OutOfCharacterDetector(), Replies(Setting("en"), reply)));
    }

    [Theory]
    [InlineData("*She guides your lead foot with hers, your doubts melting away.* There.")]
    [InlineData("*Confidence floods through him as the angle clicks.* There.")]
    public void Filler_StockPhraseOfFeelingFlooding_IsFlagged(string reply)
    {
        Assert.Single(Hits(new FillerDetector(), Replies(Setting("en"), reply)));
    }

    private static Transcript Ensemble(params (string Speaker, SpeakerRole Role, string Text)[] lines) => new(
        "en-ensemble", Setting("en"), [.. lines.Select((l, i) => new TranscriptLine(i + 1, l.Speaker, l.Role, l.Text, []))]);

    [Fact]
    public void NoHook_RevelationAmongCharactersInAnEnsemble_IsNotFlagged()
    {
        var transcript = Ensemble(("Mara", SpeakerRole.User, "What happened to the basket?"),
            ("Isolde", SpeakerRole.Npc, "*She folds her arms.* Nobody here knows."),
            ("Pip", SpeakerRole.Npc, "*Pip takes a deep breath.* The Carrow basket came up the kitchen stair the night after" +
                ", and the man who carried it wore grey livery."));

        Assert.DoesNotContain(Hits(new NoHookDetector(), transcript), h => h.Turn == 3);
    }

    [Fact]
    public void NoHook_RestatementInAnEnsemble_IsFlagged()
    {
        var transcript = Ensemble(("Mara", SpeakerRole.User, "Who is missing?"),
            ("Halvard", SpeakerRole.Npc, "Eleven men wear my livery. Osric is gone since the king fell ill."),
            ("Isolde", SpeakerRole.Npc, "Osric. Eleven men in grey, and one of them gone since the king fell ill."));

        Assert.Contains(Hits(new NoHookDetector(), transcript), h => h.Turn == 3);
    }

    [Theory]
    [InlineData("*She nods and resets the pads.* Good. Again, same thing. Show me.")]
    [InlineData("*Her hand goes to the hilt, and she turns slowly toward Halvard.* The steward's grey.")]
    public void NoHook_CommandOrTurnWithAnAdverb_IsNotFlagged(string reply)
    {
        Assert.Empty(Hits(new NoHookDetector(), Replies(Setting("en"), reply)));
    }

    [Fact]
    public void NoHook_OutOfCharacterReply_IsLeftToContentOoc()
    {
        var reply = "As an AI, I can't determine a cause of death from symptoms. Please consult a medical professional.";

        Assert.Empty(Hits(new NoHookDetector(), Replies(Setting("en"), reply)));
    }

    [Fact]
    public void NoHook_ReactionTakingUpWhatTheUserBrought_IsNotFlagged()
    {
        var transcript = Ensemble(
            ("Sam", SpeakerRole.User, "The boatman said the store runs short every month, and the Board wants to know why."),
            ("Ottilie", SpeakerRole.Npc, "*Her eyes go wide.* Short?"),
            ("Agna", SpeakerRole.Npc, "*She closes the logbook.* The Board. Magnus always said they would send a spy out one day."));

        Assert.DoesNotContain(Hits(new NoHookDetector(), transcript), h => h.Turn == 3);
    }

    [Fact]
    public void IgnoresUser_QuestionPutByNameToAnotherCharacter_IsNotFlagged()
    {
        var transcript = Ensemble(("Kai", SpeakerRole.User, "Imani, what did the engineer find in the outer ring?"),
            ("Dax", SpeakerRole.Npc, "*He wipes his hands on a rag.* The pumps were knocking all night again."),
            ("Imani", SpeakerRole.Npc, "*She frowns.* Frost on the bay door."));

        Assert.DoesNotContain(Hits(new IgnoresUserDetector(), transcript), h => h.Turn == 2);
    }

    [Fact]
    public void IgnoresUser_FragmentAnsweringAWhatQuestion_IsNotFlagged()
    {
        var transcript = Dialogue(Setting("en"), (SpeakerRole.User, "Yes, send it to my slate. And what noise in the outer ring?"),
            (SpeakerRole.Npc, "*He doesn't look up from the panel.* Coolant hammer. Pumps knocking. Harmless, I've said a hundred times."));

        Assert.Empty(Hits(new IgnoresUserDetector(), transcript));
    }

    [Fact]
    public void IgnoresUser_SpeakerNarratedByNameAfterAWhatQuestion_IsFlagged()
    {
        var transcript = Ensemble(("Thomas", SpeakerRole.User, "What's the question you've been waiting for someone to ask?"),
            ("Harriet", SpeakerRole.Npc, "Harriet smiles softly."));

        Assert.Single(Hits(new IgnoresUserDetector(), transcript));
    }

    [Fact]
    public void IgnoresUser_AnswerCueRepeatedFromItsOwnLastReply_IsFlagged()
    {
        var transcript = Dialogue(Setting("en"),
            (SpeakerRole.Npc, "*She nods and resets the pads.* Good. Again. Jab, jab, cross. Show me."),
            (SpeakerRole.User, "*drops his hands* Coach, is the pivot okay or not? I can feel it catching."),
            (SpeakerRole.Npc, "*She nods and resets the pads.* Good. Again. Keep your chin down this time. Show me."));

        Assert.Equal(3, Assert.Single(Hits(new IgnoresUserDetector(), transcript)).Turn);
    }

    [Fact]
    public void IgnoresUser_QuestionPointingBackToTheSentenceBefore_IsJudgedOnIt()
    {
        var transcript = Dialogue(Setting("en"), (SpeakerRole.User, "*at the door* Thursday. Oh, my brother wants to come. Is that okay?"),
            (SpeakerRole.Npc, "*She's already back at her crossword.* Seven letters, a bird of the moor."));

        Assert.Single(Hits(new IgnoresUserDetector(), transcript));
    }
}
