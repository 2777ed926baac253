using System.Collections.Immutable;
using System.Text.Json;
using WorldPlay.Core.Serialization;
using static WorldPlay.Testing.TestWorlds;

namespace WorldPlay.Core.Tests;

/// <summary>Diff, why and branches over small hand-made stories and random ones.</summary>
public sealed class HistoryTests
{
    /// <summary>One proposal per turn, each accepted: turn n holds event n.</summary>
    private static Timeline Play(params Proposal[] proposals)
    {
        var state = Initial;
        var events = new List<WorldEvent>();
        for (var i = 0; i < proposals.Length; i++)
        {
            var outcome = Commitment.Commit(state, HarbortownLaws, i + 1, null, [proposals[i]]);
            Assert.Empty(outcome.Rejected);
            events.AddRange(outcome.Accepted);
            state = outcome.State;
        }
        return Timeline.Start(Initial, 2).Append(events);
    }

    /// <summary>Mira speaks (1), takes offence (2, caused by 1), Tomas answers (3, caused by 2), and the sibling tie falls (4, caused by 3
    /// and 1).</summary>
    private static Timeline Quarrel() => Play(
        Proposal.Of(Mira, new Spoke("You took the key.", [Tomas])),
        Proposal.Of(Mira, new FactAsserted("mira-angry", Mira, "is", "angry with Tomas"), 1),
        Proposal.Of(Tomas, new Spoke("I did not.", [Mira]), 2),
        Proposal.Of(Mira, new RelationshipChanged(Mira, Tomas, "sibling", -0.3), 3, 1),
        Proposal.Of(Mira, new Gave(Lantern, Tomas)),
        Proposal.Of(Tomas, new Moved(Market)));

    private static WorldBundle BundleOf(Timeline timeline) =>
        new(Harbortown, "dusk", 7, [new WorldBranch(WorldBundle.MainBranch, null, 0, 0, [.. timeline.Events], [])]);

    [Fact]
    public void Between_RelationshipChanged_ReportsChangedWithTheEvent()
    {
        var t = Quarrel();

        var diff = TimelineDiff.Between(t.StateAt(0), t.Current, t.Events);

        var tie = Assert.Single(diff.Relationships);
        Assert.Equal((DiffKind.Changed, 0.6, -0.3, 4L),
            (tie.Kind, tie.StrengthBefore!.Value, tie.StrengthAfter!.Value, Assert.Single(tie.Events).Seq));
    }

    [Fact]
    public void Between_ItemGiven_ReportsHolderChangeWithGaveEvent()
    {
        var t = Quarrel();

        var diff = TimelineDiff.Between(t.StateAt(0), t.Current, t.Events);

        var lantern = Assert.Single(diff.Items);
        Assert.Equal(("holder", "gave"), (string.Join(' ', lantern.Fields), Assert.Single(lantern.Events).Kind));
    }

    [Fact]
    public void Between_FactAssertedThenRetracted_ReportsAddedThenClosed()
    {
        var t = Play(Proposal.Of(Mira, new FactAsserted("storm", Harbor, "expects", "a storm")),
            Proposal.Of(Mira, new FactRetracted("storm")));

        var kinds = (TimelineDiff.Between(t.StateAt(0), t.StateAt(1), t.Events.Take(1)).Facts.Single().Kind,
            TimelineDiff.Between(t.StateAt(1), t.StateAt(2), t.Events.Skip(1)).Facts.Single().Kind);

        Assert.Equal((DiffKind.Added, DiffKind.Closed), kinds);
    }

    [Fact]
    public void Between_SameState_IsEmpty()
    {
        var t = Quarrel();

        Assert.True(TimelineDiff.Between(t.Current, t.Current, []).IsEmpty);
    }

    [Fact]
    public void Between_RandomStories_EveryAddedChangedOrClosedThingHasAResponsibleEvent()
    {
        RandomStories.Sample(story =>
        {
            var diff = TimelineDiff.Between(story.Initial, story.Final, story.Events);
            var events = diff.Characters.Concat(diff.Items).Select(d => d.Events.Length)
                .Concat(diff.Relationships.Select(d => d.Events.Length))
                .Concat(diff.Facts.Select(d => d.Events.Length));
            Assert.All(events, n => Assert.True(n > 0));
        });
    }

    [Fact]
    public void Between_Json_IsCamelCaseWithKebabKinds()
    {
        var t = Quarrel();

        var json = JsonSerializer.Serialize(TimelineDiff.Between(t.StateAt(0), t.Current, t.Events), CoreSerialization.Json);

        Assert.Contains("\"relationships\":[{\"from\":\"mira\",\"to\":\"tomas\",\"type\":\"sibling\",\"kind\":\"changed\"", json,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Branches_DivergentEnds_EventsCarryTheirSide()
    {
        var t = Quarrel();
        var bundle = BundleOf(t).Fork(WorldBundle.MainBranch, 3, "kinder").Bundle
            .Continue("kinder",
                Commitment.Commit(t.StateAt(3), HarbortownLaws, 4, null,
                [Proposal.Of(Mira, new RelationshipChanged(Mira, Tomas, "sibling", 0.9))]).Accepted, []);
        var main = bundle.Of("main");
        var kinder = bundle.Of("kinder");

        var diff = TimelineDiff.Branches(main.Current, main.Events.Skip(3), kinder.Current, kinder.Events.Skip(3));

        var tie = Assert.Single(diff.Relationships);
        Assert.Equal((-0.3, 0.9, "from to"),
            (tie.StrengthBefore!.Value, tie.StrengthAfter!.Value, string.Join(' ', tie.Events.Select(e => e.Side))));
    }

    [Fact]
    public void Why_Relationship_WalksCausesBackToTheRoot()
    {
        var answer = CausalChain.Why(Quarrel(), new WhyQuery.OfRelationship(Mira, Tomas));

        Assert.Equal(("4 3 1 2", "1"), (string.Join(' ', answer.Chain.Select(s => s.Event.Seq)), string.Join(' ', answer.Roots)));
    }

    [Fact]
    public void Why_Relationship_ChangesAreTheEventsThatSetIt()
    {
        var answer = CausalChain.Why(Quarrel(), new WhyQuery.OfRelationship(Mira, Tomas));

        Assert.Equal(new long[] { 4 }, answer.Changes.Select(e => e.Seq));
    }

    [Fact]
    public void Why_Brief_KeepsTheCausesThatChangedStateAndCountsTheSpeech()
    {
        var answer = CausalChain.Why(Quarrel(), new WhyQuery.OfRelationship(Mira, Tomas)).Brief();

        Assert.Equal(("2", 2), (string.Join(' ', answer.Chain.Select(s => s.Event.Seq)), answer.SpokenLeftOut));
    }

    [Fact]
    public void Why_Fact_ChangesAreItsAssertions()
    {
        var answer = CausalChain.Why(Quarrel(), new WhyQuery.OfFact("mira-angry"));

        Assert.Equal(new long[] { 2 }, answer.Changes.Select(e => e.Seq));
    }

    [Fact]
    public void Why_ChainSteps_HaveTurnActorAndText()
    {
        var step = CausalChain.Why(Quarrel(), new WhyQuery.OfRelationship(Mira, Tomas, "sibling")).Chain[0];

        Assert.Equal((4, Mira, "relationship-changed", "Mira now sibling Tomas (-0.30)."),
            (step.Event.Turn, step.Event.Actor, step.Event.Kind, step.Event.Text));
    }

    [Fact]
    public void Why_DepthLimit_StopsAndSaysTruncated()
    {
        var answer = CausalChain.Why(Quarrel(), new WhyQuery.OfRelationship(Mira, Tomas), maxDepth: 1);

        Assert.Equal((true, "4 3 1"), (answer.Truncated, string.Join(' ', answer.Chain.Select(s => s.Event.Seq))));
    }

    [Fact]
    public void Why_AtEarlierEvent_AnswersForThatMoment()
    {
        var answer = CausalChain.Why(Quarrel(), new WhyQuery.OfRelationship(Mira, Tomas), atEvent: 3);

        Assert.Equal((null, 0), (Assert.Single(answer.Values).ProducedBy, answer.Chain.Length));
    }

    [Fact]
    public void Why_Fact_StartsAtTheAssertion()
    {
        var answer = CausalChain.Why(Quarrel(), new WhyQuery.OfFact("mira-angry"));

        Assert.Equal(new long[] { 2, 1 }, answer.Chain.Select(s => s.Event.Seq));
    }

    [Fact]
    public void Why_StatusNeverChanged_HasNoProducer()
    {
        var answer = CausalChain.Why(Quarrel(), new WhyQuery.OfStatus(Oren));

        Assert.Equal(("alive", null), (answer.Values[0].Value, answer.Values[0].ProducedBy));
    }

    [Fact]
    public void Why_UnknownRelationship_ThrowsNamingTheKnownOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => CausalChain.Why(Quarrel(), new WhyQuery.OfRelationship(Mira, Oren)));

        Assert.Contains("mira:tomas (sibling)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Why_CausesPointingForward_AreNotFollowed()
    {
        var t = Quarrel();
        var events = t.Events.Select(e => e.Seq == 1 ? e with { Causes = [4] } : e).ToList();

        var answer = CausalChain.Why(t.Current, s => events[(int)s - 1], new WhyQuery.OfRelationship(Mira, Tomas));

        Assert.Equal(new long[] { 4, 3, 1, 2 }, answer.Chain.Select(s => s.Event.Seq));
    }

    [Fact]
    public void Fork_RandomStories_ChildStateAtEveryTurnUpToTheForkEqualsParents()
    {
        RandomStories.Sample(story =>
        {
            var parent = Timeline.Start(story.Initial).Append(story.Events);
            var last = parent.Current.Turn;
            var at = last / 2;
            var bundle = new WorldBundle(Harbortown, "s", 1, [new WorldBranch("main", null, 0, 0, story.Events, [])]).Fork("main", at, "b")
                .Bundle;
            var child = bundle.Of("b");
            for (var turn = 0; turn <= at; turn++)
            {
                Assert.Equal(CoreSerialization.Hash(parent.StateAfterTurn(turn)), CoreSerialization.Hash(child.StateAfterTurn(turn)));
            }
        }, iterations: 60);
    }

    [Fact]
    public void Fork_NewBranch_StoresNoEventsOfItsOwn()
    {
        var (_, branch) = BundleOf(Quarrel()).Fork("main", 3, "b");

        Assert.Equal((3L, 3, 0), (branch.ForkSeq, branch.ForkTurn, branch.OwnEvents.Length));
    }

    [Fact]
    public void Fork_BranchOfABranch_RebuildsFromBothForkPoints()
    {
        var t = Quarrel();
        var bundle = BundleOf(t).Fork("main", 4, "b").Bundle;
        bundle = bundle.Continue("b",
            Commitment.Commit(t.StateAt(4), HarbortownLaws, 5, null, [Proposal.Of(Mira, new Moved(Market))]).Accepted, []);
        bundle = bundle.Fork("b", 5, "c").Bundle;

        Assert.Equal(
            ("b main", 5, "moved"),
            (string.Join(' ', bundle.Lineage("c").Ancestors), bundle.EventsOf("c").Length, bundle.EventsOf("c")[^1].Change.Kind));
    }

    [Fact]
    public void Fork_TurnBeyondTheEnd_ThrowsWithTheRange()
    {
        var e = Assert.Throws<ArgumentException>(() => BundleOf(Quarrel()).Fork("main", 99));

        Assert.Contains("turns 0 to 6", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fork_UnknownParent_ThrowsNamingTheBranches()
    {
        var e = Assert.Throws<ArgumentException>(() => BundleOf(Quarrel()).Fork("side", 2));

        Assert.Contains("branches are: main", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fork_WithoutName_PicksAFreeOne()
    {
        var bundle = BundleOf(Quarrel()).Fork("main", 2).Bundle;

        Assert.Equal("main-t2-2", bundle.Fork("main", 2).Branch.Id);
    }

    [Fact]
    public void EventsOfTurn_Turn4_IsTheRelationshipChange()
    {
        var events = Quarrel().EventsOfTurn(4);

        Assert.Equal(["relationship-changed"], events.Select(e => e.Change.Kind));
    }
}
