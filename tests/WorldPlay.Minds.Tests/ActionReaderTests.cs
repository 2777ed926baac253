using System.Text.Json;
using WorldPlay.Core;
using WorldPlay.Minds.Llm;
using static WorldPlay.Testing.TestWorlds;

namespace WorldPlay.Minds.Tests;

/// <summary>Reading replies as actions: tolerant of what models do around and inside the JSON, strict about what enters the
/// world.</summary>
public sealed class ActionReaderTests
{
    private static readonly NamesInView Names = new(Scenes.AsMira());

    private static ReadAction Read(string reply) => ActionReader.Read(reply, Names).Action
        ?? throw new InvalidOperationException(ActionReader.Read(reply, Names).Problem);

    [Fact]
    public void Read_EveryKind_GivesEachCoreChange()
    {
        Assert.Equal<WorldChange>(Scenes.EveryKindChanges, Read(Scenes.EveryKind).Changes);
    }

    [Fact]
    public void Read_CodeFenceAndPreamble_FindsTheObject()
    {
        Assert.Equal("Fog again. Who let it in, Tomas?", Read($"Here you go:\n```json\n{Scenes.Simple}\n```\nAnything else?").Speech);
    }

    [Fact]
    public void Read_BraceInProseBeforeTheObject_FindsTheObject()
    {
        Assert.Equal("Fog again. Who let it in, Tomas?", Read("I {think} this works: " + Scenes.Simple).Speech);
    }

    [Fact]
    public void Read_OnlySpeech_GivesEmptyNarrationAddresseesAndProposals()
    {
        var action = Read("""{"speech":"Aye."}""");

        Assert.Equal(("Aye.", "", 0, 0), (action.Speech, action.Narration, action.Addressees.Length, action.Changes.Length));
    }

    [Fact]
    public void Read_UnknownFieldsAndOtherCase_IgnoresTheOnesAndReadsTheOthers()
    {
        Assert.Equal("Aye.", Read("""{"mood":"grim","Speech":"Aye.","thoughts":{"deep":true}}""").Speech);
    }

    [Fact]
    public void Read_NamesAndBracketedIds_ReadsThemAsIds()
    {
        var action = Read(
            """{"speech":"All of you.","addressees":["Tomas","[oren]","Captain Nobody"],"proposals":["""
            + """{"kind":"gave","item":"Storm Lantern","to":"[tomas]"}]}""");

        Assert.Equal(("tomas,oren", (WorldChange)new Gave(Lantern, Tomas)), (string.Join(',', action.Addressees), action.Changes.Single()));
    }

    [Fact]
    public void Read_LoneAddresseeAndLoneProposal_TakesEachAsOne()
    {
        var action = Read("""{"speech":"Come.","addressees":"tomas","proposals":{"kind":"moved","to":"market"}}""");

        Assert.Equal(("tomas", (WorldChange)new Moved(Market)), (string.Join(',', action.Addressees), action.Changes.Single()));
    }

    [Fact]
    public void Read_KindInOtherSpelling_ReadsTheKind()
    {
        var action = Read(
            """{"speech":"","proposals":[{"strength":0.2,"Kind":"Relationship_Changed","from":"mira","to":"oren","type":"owes"}]}""");

        Assert.Equal(new RelationshipChanged(Mira, Oren, "owes", 0.2), action.Changes.Single());
    }

    [Theory]
    [InlineData("""{"kind":"spoke","text":"hi","addressees":[]}""")]
    [InlineData("""{"kind":"teleported","to":"market"}""")]
    [InlineData("""{"kind":"moved"}""")]
    [InlineData("""{"kind":"moved","to":null}""")]
    [InlineData("""{"kind":"moved","to":"Not An Id!"}""")]
    [InlineData("""{"kind":"travelled","to":"temple","minutes":"a while"}""")]
    [InlineData("""{"kind":"status-changed","entity":"oren","status":"asleep"}""")]
    [InlineData("""{"kind":"fact-asserted","factId":"x","subject":"mira","predicate":"is"}""")]
    [InlineData("""{"to":"market"}""")]
    [InlineData("\"moved to market\"")]
    public void Read_MalformedProposal_DropsItAndKeepsTheRest(string malformed)
    {
        var action = Read($$"""{"speech":"Hm.","proposals":[{{malformed}},{"kind":"took","item":"silver-coin"}]}""");

        Assert.Equal<WorldChange>([new Took(Coin)], action.Changes);
    }

    [Theory]
    [InlineData("Aye, the fog.", "the reply holds no JSON object")]
    [InlineData("""{"speech":"Aye, the fog","proposals":[""", "the JSON object is cut off before its closing brace")]
    [InlineData("""{"speech": 42}""", "'speech' must be a string, got a number")]
    [InlineData("""{"speech":"Hm.","narration":["waves"]}""", "'narration' must be a string, got an array")]
    [InlineData("""{"speech":"Hm.","proposals":"none"}""", "'proposals' must be an array of changes, got a string")]
    [InlineData("""{"answer":"Hm."}""", "the JSON object has none of the fields speech, narration, addressees, proposals")]
    public void Read_UnreadableReply_SaysWhatIsWrong(string reply, string problem)
    {
        Assert.Equal((null, problem), (ActionReader.Read(reply, Names).Action, ActionReader.Read(reply, Names).Problem));
    }

    [Fact]
    public void Read_InvalidJson_SaysItIsNotValidJson()
    {
        Assert.StartsWith("the JSON object is not valid JSON", ActionReader.Read("{speech: 'single quotes'}", Names).Problem,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CoreJsonOfEveryChange_ReadsBackTheSameChange()
    {
        var proposals = string.Join(',',
            Scenes.EveryKindChanges.Select(c => JsonSerializer.Serialize(c, Core.Serialization.CoreSerialization.Json)));

        Assert.Equal<WorldChange>(Scenes.EveryKindChanges, Read($$"""{"speech":"","proposals":[{{proposals}}]}""").Changes);
    }

    [Fact]
    public void SpeechOnly_ProseAfterCodeFences_KeepsTheProseTrimmed()
    {
        Assert.Equal("Aye.", ActionReader.SpeechOnly("```\n  Aye.  \n```", null).Speech);
    }

    [Fact]
    public void SpeechOnly_VeryLongProse_KeepsAtMostTheLimit()
    {
        Assert.Equal(ActionReader.MaxProseSpeech, ActionReader.SpeechOnly(new string('a', 5000)).Speech.Length);
    }
}
