using System.Collections.Immutable;
using WorldPlay.Core.Characters;
using WorldPlay.Core.Minds;
using static WorldPlay.Core.Tests.Creating;
using static WorldPlay.Testing.TestWorlds;

namespace WorldPlay.Core.Tests;

/// <summary>A perspective shows the creations its character knows, most relevant first, within the token budget however many
/// were made, and says who told it, in the world's language.</summary>
public sealed class CreationPerspectiveTests
{
    private static readonly SceneCue Cue = new("dockside", Harbor, "Old Harbor", false, Pacing.Steady, [], null, [], 7);

    private static readonly Lazy<(WorldState State, ImmutableArray<WorldEvent> Events)> Kin = new(() => MakeKin(120));

    [Fact]
    public void Build_ManyCreationsKnown_StaysWithinBudget()
    {
        var perspective = Build(Tomas, Kin.Value.State, HeardBy(Tomas, Kin.Value.Events), PerspectiveBuilder.DefaultBudget);

        Assert.InRange(perspective.TokenCount, 1, PerspectiveBuilder.DefaultBudget);
    }

    [Fact]
    public void Build_ManyCreationsKnownAndASmallBudget_TrimsCreationsUntilItFits()
    {
        var perspective = Build(Tomas, Kin.Value.State, HeardBy(Tomas, Kin.Value.Events), 500);

        Assert.True(perspective.TokenCount <= 500 && perspective.Creations.Length < PerspectiveBuilder.MaxCreations,
            $"{perspective.TokenCount} tokens, {perspective.Creations.Length} creations");
    }

    [Fact]
    public void Build_ManyCreationsKnown_KeepsAtMostTheCap()
    {
        var perspective = Build(Tomas, Kin.Value.State, HeardBy(Tomas, Kin.Value.Events), int.MaxValue);

        Assert.Equal(PerspectiveBuilder.MaxCreations, perspective.Creations.Length);
    }

    [Fact]
    public void Build_AfterTwentyOrAHundredAndTwentyCreations_IsAboutTheSameSize()
    {
        var few = MakeKin(20);
        var early = Build(Tomas, few.State, HeardBy(Tomas, few.Events), int.MaxValue).TokenCount;
        var late = Build(Tomas, Kin.Value.State, HeardBy(Tomas, Kin.Value.Events), int.MaxValue).TokenCount;

        Assert.True(late <= early * 1.1, $"{late} tokens after 120 creations, {early} after 20.");
    }

    [Fact]
    public void TokenCount_WithCreations_IsTheCountOfTheRenderedText()
    {
        var perspective = Build(Tomas, Kin.Value.State, HeardBy(Tomas, Kin.Value.Events), 900);

        Assert.Equal(TokenCounter.Default.CountWhole(PerspectiveBuilder.Render(perspective)), perspective.TokenCount);
    }

    [Fact]
    public void Build_CreationNamedInTheLastLines_ComesFirstThoughItIsTheOldest()
    {
        var (state, events) = Kin.Value;
        var outcome = Commitment.Commit(state, HarbortownLaws, state.Turn + 1, Harbor,
            [Proposal.Of(Mira, new Spoke("Have you written to Kin 1 lately?", [Tomas]))]);

        var perspective = Build(Tomas, outcome.State, HeardBy(Tomas, events.AddRange(outcome.Accepted)), int.MaxValue);

        Assert.Equal("kin-1", perspective.Creations[0].Id.Value);
    }

    [Fact]
    public void Build_NoMentionOrPresence_KeepsTheNewestFirst()
    {
        var perspective = Build(Tomas, Kin.Value.State, HeardBy(Tomas, Kin.Value.Events), int.MaxValue);

        Assert.Equal("kin-120 kin-119 kin-118", string.Join(' ', perspective.Creations.Take(3).Select(c => c.Id.Value)));
    }

    [Fact]
    public void Build_CreatedCharacterPresent_ComesBeforeNewerOnesElsewhere()
    {
        var state = After(Kin.Value.State, Proposal.Of(Mira, Character("kin-0", "Kin 0", "a cousin standing here", Harbor)));
        state = After(state, Proposal.Of(Mira, Character("kin-far", "Kin Far", "a cousin far away", Temple)));

        var perspective = Build(Tomas, state, EmptyMemory(Tomas), int.MaxValue);

        Assert.Equal("kin-0", perspective.Creations[0].Id.Value);
    }

    [Fact]
    public void Render_AbsentNpc_HoldsNothingOfTheCreations()
    {
        // The cousins live at the temple and the lighthouse and were made at the harbor; Oren keeps to the market.
        var text = PerspectiveBuilder.Render(Build(Oren, Kin.Value.State, EmptyMemory(Oren), PerspectiveBuilder.DefaultBudget));

        Assert.True(!text.Contains("Kin ", StringComparison.Ordinal) && !text.Contains("made during the story", StringComparison.Ordinal),
            text);
    }

    [Fact]
    public void Render_CreationOneWasThereFor_SaysSoWithOriginAndTies()
    {
        var text = PerspectiveBuilder.Render(Build(Tomas, IlseMade, EmptyMemory(Tomas), PerspectiveBuilder.DefaultBudget));

        Assert.Contains(
            "## What you know of people, places and things made during the story\n- Ilse [ilse] (character, at Lighthouse): Mira's older "
            + "sister, a net mender; made by the user (Mira) at turn 1; you were there; ties: Ilse sister-of Mira 0.8, "
            + "Ilse owes Oren 0.3\n",
            text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CreationOneWasToldOf_NamesTheTeller()
    {
        var state = Then(IlseMade, Proposal.Of(Tomas, new Moved(Market)),
            Proposal.Of(Tomas, new Spoke("Ilse waits at the lighthouse, Oren.", [Oren])));

        var text = PerspectiveBuilder.Render(Build(Oren, state, EmptyMemory(Oren), PerspectiveBuilder.DefaultBudget));

        Assert.Contains("made by the user (Mira) at turn 1; told by Tomas; ties:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ChineseWorld_WritesTheCreationsSectionInChinese()
    {
        var state = Then(WithUserMira with { Setting = WithUserMira.Setting with { Language = "zh" } },
            Proposal.Of(Mira, Character(LinYue, "林月", "米拉的姐姐", Lighthouse)), Proposal.Of(Tomas, new Moved(Market)),
            Proposal.Of(Tomas, new Spoke("林月在灯塔等你。", [Oren])));

        var text = PerspectiveBuilder.Render(Build(Oren, state, EmptyMemory(Oren), PerspectiveBuilder.DefaultBudget));

        Assert.Contains("## 你所知道的、故事中新出现的人物、地点和物品\n- 林月 [lin-yue]（人物，在Lighthouse）：米拉的姐姐；由用户（Mira）在第1回合创造；由Tomas告知\n",
            text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ChineseWorldCreationOneWasThereFor_SaysYouWereThere()
    {
        var state = After(WithUserMira with { Setting = WithUserMira.Setting with { Language = "zh" } },
            Proposal.Of(Mira, Item(Ring, "潮汐戒指", "母亲的戒指", null, Tomas)));

        var text = PerspectiveBuilder.Render(Build(Tomas, state, EmptyMemory(Tomas), PerspectiveBuilder.DefaultBudget));

        Assert.Contains("- 潮汐戒指 [tide-ring]（物品，由Tomas持有）：母亲的戒指；由用户（Mira）在第1回合创造；你当时在场\n", text, StringComparison.Ordinal);
    }

    /// <summary>The perspective as the world grain makes it: the slice is taken with the lines just heard.</summary>
    private static Perspective Build(EntityId self, WorldState state, CharacterMemory memory, int budget)
    {
        var heard = memory.RecentSpeech.Select(e => ((Spoke)e.Change).Text).ToList();
        return PerspectiveBuilder.Build(PersonaOf(self), memory, WorldSlice.Of(state, self, heard), Cue, budget, TokenCounter.Default);
    }

    private static CharacterMemory HeardBy(EntityId self, IEnumerable<WorldEvent> events) => EmptyMemory(self).Witness(events);

    /// <summary>The user (Mira) makes <paramref name="count"/> cousins at the harbor, one a turn, each with a long description and
    /// ties to her and to Tomas, and speaks of each; Tomas hears it all.</summary>
    private static (WorldState State, ImmutableArray<WorldEvent> Events) MakeKin(int count)
    {
        var state = WithUserMira;
        var events = ImmutableArray.CreateBuilder<WorldEvent>();
        for (var i = 1; i <= count; i++)
        {
            EntityId kin = $"kin-{i}";
            var place = (i % 3) switch { 0 => Harbor, 1 => Temple, _ => Lighthouse };
            var outcome = Commitment.Commit(state, HarbortownLaws, i, null,
            [
                Proposal.Of(Mira, Character(kin, $"Kin {i}", $"cousin number {i}, who mends sails and keeps a ledger of every debt "
                    + "owed to the family since the great storm", place == Harbor ? Lighthouse : place)),
                Proposal.Of(Mira, new RelationshipChanged(kin, Mira, "cousin-of", 0.5)),
                Proposal.Of(Mira, new RelationshipChanged(kin, Tomas, "owes", -0.2)),
                Proposal.Of(Mira, new Spoke($"Kin {i} sends word from afar, Tomas.", [Tomas])),
            ]);
            if (outcome.Rejected.Length > 0)
            {
                throw new InvalidOperationException($"Cousin {i} refused: {outcome.Rejected[0].Reason}");
            }
            state = outcome.State;
            events.AddRange(outcome.Accepted);
        }
        return (state, events.ToImmutable());
    }
}
