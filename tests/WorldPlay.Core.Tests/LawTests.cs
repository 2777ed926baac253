using WorldPlay.Core.Laws;
using static WorldPlay.Testing.TestWorlds;

namespace WorldPlay.Core.Tests;

/// <summary>One example per law: what it refuses, and that the reason says why in words a person can read.</summary>
public sealed class LawTests
{
    [Fact]
    public void LawBook_Harbortown_DeclaresEveryKindPlusIntegrity()
    {
        Assert.Equal(LawBook.Kinds.Keys.Append("integrity").Order(StringComparer.Ordinal),
            HarbortownLaws.Laws.Select(l => l.Kind).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LawBookCreate_UnknownKind_ThrowsNamingTheKnownKinds()
    {
        var error = Assert.Throws<ArgumentException>(() => LawBook.Create(new LawSpec("no-magic", [], null)));

        Assert.Contains("connected-moves", error.Message);
    }

    [Fact]
    public void Moved_ToThePlaceOneIsAt_IsRefusedAsAlreadyThere()
    {
        var refusal = Refusal(Initial, Proposal.Of(Mira, new Moved(Harbor)));

        Assert.Equal(("one-place-at-a-time", "Mira is already at Old Harbor."), refusal);
    }

    [Fact]
    public void Moved_ToUnconnectedPlace_IsRefusedNamingBothPlaces()
    {
        var (law, reason) = Refusal(Initial, Proposal.Of(Mira, new Moved(Temple)));

        Assert.True(law == "connected-moves" && reason.Contains("Old Harbor") && reason.Contains("Temple of Tides"), $"{law}: {reason}");
    }

    [Fact]
    public void Moved_ToConnectedPlace_IsAcceptedAndTakesThePathsMinutes()
    {
        var outcome = CommitOne(Initial, Proposal.Of(Mira, new Moved(Market)));

        Assert.Equal((Market, Initial.StoryMinute + 5), (outcome.State.Get(Mira).Location!.Value, outcome.State.StoryMinute));
    }

    [Fact]
    public void Travelled_WithFewerMinutesThanTheShortestRoute_IsRefusedNamingTheMinimum()
    {
        var (law, reason) = Refusal(Initial, Proposal.Of(Mira, new Travelled(Temple, 10)));

        Assert.True(law == "connected-moves" && reason.Contains("at least 15 minutes"), $"{law}: {reason}");
    }

    [Fact]
    public void Travelled_WithEnoughMinutes_IsAcceptedAndAdvancesTheClock()
    {
        var outcome = CommitOne(Initial, Proposal.Of(Mira, new Travelled(Temple, 15)));

        Assert.Equal((Temple, Initial.StoryMinute + 15), (outcome.State.Get(Mira).Location!.Value, outcome.State.StoryMinute));
    }

    [Fact]
    public void Gave_ItemOneDoesNotHold_IsRefusedNamingTheHolder()
    {
        var (law, reason) = Refusal(Initial, Proposal.Of(Mira, new Gave(Key, Tomas)));

        Assert.True(law == "holder-gives" && reason.Contains("Oren holds it"), $"{law}: {reason}");
    }

    [Fact]
    public void Gave_ToSomeoneAtAnotherPlace_IsRefusedNamingWhereTheyAre()
    {
        var (law, reason) = Refusal(Initial, Proposal.Of(Mira, new Gave(Lantern, Oren)));

        Assert.True(law == "holder-gives" && reason.Contains("Oren") && reason.Contains("Fish Market"), $"{law}: {reason}");
    }

    [Fact]
    public void Gave_HeldItemToSomeoneHere_MovesItToTheirHands()
    {
        var state = After(Initial, Proposal.Of(Mira, new Gave(Lantern, Tomas)));

        Assert.Equal(Tomas, state.Get(Lantern).Holder);
    }

    [Fact]
    public void Took_ItemHeldBySomeoneElse_IsRefusedNamingTheHolder()
    {
        var (law, reason) = Refusal(Initial, Proposal.Of(Tomas, new Took(Lantern)));

        Assert.True(law == "holder-gives" && reason.Contains("Mira holds it"), $"{law}: {reason}");
    }

    [Fact]
    public void Took_LooseItemAtAnotherPlace_IsRefused()
    {
        var (law, reason) = Refusal(Initial, Proposal.Of(Tomas, new Took(Map)));

        Assert.True(law == "holder-gives" && reason.Contains("Temple of Tides"), $"{law}: {reason}");
    }

    [Fact]
    public void Spoke_ByTheDead_IsRefused()
    {
        var state = After(Initial, Proposal.Of(Mira, new StatusChanged(Tomas, EntityStatus.Dead)));

        var (law, reason) = Refusal(state, Proposal.Of(Tomas, new Spoke("I am not dead yet.", [])));

        Assert.True(law == "dead-do-not-act" && reason == "Tomas is dead and cannot act.", $"{law}: {reason}");
    }

    [Fact]
    public void Gave_ToTheDead_IsRefused()
    {
        var state = After(Initial, Proposal.Of(Mira, new StatusChanged(Tomas, EntityStatus.Dead)));

        var (law, reason) = Refusal(state, Proposal.Of(Mira, new Gave(Lantern, Tomas)));

        Assert.True(law == "dead-do-not-act" && reason.Contains("cannot receive Storm Lantern"), $"{law}: {reason}");
    }

    [Fact]
    public void Spoke_InASceneElsewhere_IsRefusedNamingBothPlaces()
    {
        var (law, reason) = Refusal(Initial, Proposal.Of(Oren, new Spoke("Can you hear me?", [])), scenePlace: Harbor);

        Assert.True(law == "present-to-act" && reason.Contains("Fish Market") && reason.Contains("Old Harbor"), $"{law}: {reason}");
    }

    [Fact]
    public void Spoke_OffstageElsewhere_IsAccepted()
    {
        var outcome = CommitOne(Initial, Proposal.Of(Oren, new Spoke("Fresh cod!", [])));

        Assert.Single(outcome.Accepted);
    }

    [Fact]
    public void Spoke_ToAnAbsentAddressee_IsRefusedNamingThem()
    {
        var (law, reason) = Refusal(Initial, Proposal.Of(Mira, new Spoke("Lena, come here.", [Lena])), scenePlace: Harbor);

        Assert.True(law == "present-to-act" && reason.Contains("Lena") && reason.Contains("Temple of Tides"), $"{law}: {reason}");
    }

    [Fact]
    public void Spoke_ForbiddenConcept_IsRefusedNamingTheConcept()
    {
        var (law, reason) = Refusal(Initial, Proposal.Of(Mira, new Spoke("One day Electricity will light this harbor.", [])));

        Assert.Equal(("forbidden-concepts", "'electricity' does not exist in Harbortown."), (law, reason));
    }

    [Fact]
    public void Spoke_WordThatOnlyStartsLikeAForbiddenConcept_IsAccepted()
    {
        var outcome = CommitOne(Initial, Proposal.Of(Mira, new Spoke("That electrical eel stinks.", [])));

        Assert.Single(outcome.Accepted);
    }

    [Fact]
    public void FactAsserted_ForbiddenConcept_IsRefused()
    {
        var (law, reason) = Refusal(Initial, Proposal.Of(Mira, new FactAsserted("lamp-power", Lighthouse, "runs on", "electricity")));

        Assert.Equal(("forbidden-concepts", "'electricity' does not exist in Harbortown."), (law, reason));
    }

    [Fact]
    public void FactAsserted_ForbiddenConceptSplitBetweenPredicateAndValue_IsRefused()
    {
        var (law, reason) = Refusal(Initial, Proposal.Of(Mira, new FactAsserted("mill-power", Market, "runs on a steam", "engine")));

        Assert.Equal(("forbidden-concepts", "'steam engine' does not exist in Harbortown."), (law, reason));
    }

    [Fact]
    public void RelationshipChanged_StrengthAboveOne_IsRefusedNamingTheStrength()
    {
        var (law, reason) = Refusal(Initial, Proposal.Of(Mira, new RelationshipChanged(Mira, Oren, "rival", 1.5)));

        Assert.True(law == "relationship-strength-bounds" && reason.Contains("1.5") && reason.Contains("[-1, 1]"), $"{law}: {reason}");
    }

    [Fact]
    public void RelationshipChanged_StrengthNotANumber_IsRefused()
    {
        var (law, _) = Refusal(Initial, Proposal.Of(Mira, new RelationshipChanged(Mira, Oren, "rival", double.NaN)));

        Assert.Equal("relationship-strength-bounds", law);
    }

    [Fact]
    public void Moved_ToUnknownEntity_IsRefusedNamingIt()
    {
        var (law, reason) = Refusal(Initial, Proposal.Of(Mira, new Moved("atlantis")));

        Assert.True(law == "integrity" && reason.Contains("'atlantis'") && reason.Contains("harbortown"), $"{law}: {reason}");
    }

    [Fact]
    public void Spoke_ByAPlace_IsRefusedAsOnlyCharactersAct()
    {
        var refusal = Refusal(Initial, Proposal.Of(Lighthouse, new Spoke("The lamp remembers.", [])));

        Assert.Equal(("integrity", "Lighthouse is a place; only characters act."), refusal);
    }

    [Fact]
    public void Took_ByALooseItem_IsRefused()
    {
        var (law, _) = Refusal(Initial, Proposal.Of(Coin, new Took(Coin)));

        Assert.Equal("integrity", law);
    }

    [Fact]
    public void Proposal_CausePointingToAFutureEvent_IsRefused()
    {
        var (law, reason) = Refusal(Initial, Proposal.Of(Mira, new Spoke("Because of what will happen.", []), 5));

        Assert.Equal(("integrity", "Cause 5 is not an earlier event (this would be event 1)."), (law, reason));
    }

    [Fact]
    public void Proposal_CausePointingToAnEarlierEvent_IsAccepted()
    {
        var state = After(Initial, Proposal.Of(Mira, new TimeAdvanced(10)));

        var outcome = CommitOne(state, Proposal.Of(Mira, new Spoke("That took long.", []), 1));

        Assert.Equal([1L], outcome.Accepted.Single().Causes.AsEnumerable());
    }

    [Fact]
    public void Commit_SpeechThenDeed_MakesTheSpeechACauseOfTheDeed()
    {
        var outcome = Commitment.Commit(Initial, HarbortownLaws, 1, Harbor,
            [Proposal.Of(Mira, new Spoke("Take it, Tom.", [Tomas])), Proposal.Of(Mira, new Gave(Lantern, Tomas))]);

        Assert.Equal([1L], outcome.Accepted[1].Causes.AsEnumerable());
    }

    private static (string Law, string Reason) Refusal(WorldState state, Proposal proposal, EntityId? scenePlace = null)
    {
        var outcome = CommitOne(state, proposal, scenePlace);
        var rejection = Assert.Single(outcome.Rejected);
        return (rejection.Law, rejection.Reason);
    }
}
