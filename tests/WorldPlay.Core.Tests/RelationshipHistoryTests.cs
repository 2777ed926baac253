using static WorldPlay.Testing.TestWorlds;

namespace WorldPlay.Core.Tests;

/// <summary>Relationships and facts are never deleted, only closed, so any past event can be asked what held then.</summary>
public sealed class RelationshipHistoryTests
{
    private static readonly string SiblingKey = Relationship.KeyOf(Mira, "sibling", Tomas);

    /// <summary>Mira's tie to Tomas: 0.6 from the start, -0.2 after event 2, 0.9 after event 4 (events 1 and 3 are other
    /// changes).</summary>
    private static WorldState Falling()
    {
        var state = After(Initial, Proposal.Of(Mira, new TimeAdvanced(5)));
        state = After(state, Proposal.Of(Mira, new RelationshipChanged(Mira, Tomas, "sibling", -0.2)));
        state = After(state, Proposal.Of(Tomas, new Spoke("Sorry.", [Mira])));
        return After(state, Proposal.Of(Mira, new RelationshipChanged(Mira, Tomas, "sibling", 0.9)));
    }

    [Fact]
    public void RelationshipChanged_ExistingEdge_ClosesTheOldOneAtThatEvent()
    {
        var state = After(Initial, Proposal.Of(Mira, new RelationshipChanged(Mira, Tomas, "sibling", -0.2)));

        var closed = Assert.Single(state.ClosedRelationships);
        Assert.Equal((0.6, 0L, (long?)1), (closed.Strength, closed.Validity.FromEvent, closed.Validity.UntilEvent));
    }

    [Fact]
    public void RelationshipChanged_ExistingEdge_OpensTheNewOneFromThatEvent()
    {
        var state = After(Initial, Proposal.Of(Mira, new RelationshipChanged(Mira, Tomas, "sibling", -0.2)));

        var open = state.RelationshipBetween(Mira, Tomas, "sibling")!;
        Assert.Equal((-0.2, 1L, true), (open.Strength, open.Validity.FromEvent, open.Validity.IsOpen));
    }

    [Fact]
    public void ClosedRelationships_AfterSeveralChanges_KeepEveryEarlierVersion()
    {
        var state = Falling();

        Assert.Equal([0.6, -0.2], state.ClosedRelationships.Where(r => r.Key == SiblingKey).Select(r => r.Strength));
    }

    [Theory]
    [InlineData(0, 0.6)]
    [InlineData(1, 0.6)]
    [InlineData(2, -0.2)]
    [InlineData(3, -0.2)]
    [InlineData(4, 0.9)]
    public void HeldAfter_PastEvent_AnswersWhichStrengthHeldThen(long seq, double expected)
    {
        var state = Falling();

        var held = state.Relationships.Values.Concat(state.ClosedRelationships)
            .Where(r => r.Key == SiblingKey && r.Validity.HeldAfter(seq))
            .Select(r => r.Strength);
        Assert.Equal([expected], held);
    }

    [Fact]
    public void FactRetracted_ExistingFact_MovesItToClosedFactsWithItsEnd()
    {
        var state = After(Initial, Proposal.Of(Oren, new FactRetracted("oren-debt")));

        var closed = Assert.Single(state.ClosedFacts);
        Assert.Equal(("oren-debt", (long?)1), (closed.Id, closed.Validity.UntilEvent));
    }

    [Fact]
    public void FactAsserted_ExistingId_SupersedesAndKeepsTheOldVersion()
    {
        var state = After(Initial, Proposal.Of(Mira, new FactAsserted("harbor-busy", Harbor, "is", "empty tonight")));

        Assert.Equal(["busy at dawn"], state.ClosedFacts.Where(f => f.Id == "harbor-busy").Select(f => f.Value));
    }

    [Fact]
    public void FactAsserted_AtAPlace_IsKnownByTheWitnessesOnly()
    {
        var state = After(Initial, Proposal.Of(Mira, new FactAsserted("rumor-ship", Harbor, "expects", "a ship with black sails")));

        Assert.Equal([Mira, Tomas], state.Facts["rumor-ship"].KnownBy);
    }
}
