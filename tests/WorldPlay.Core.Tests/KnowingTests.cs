using System.Text.Json;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Serialization;
using static WorldPlay.Core.Tests.Creating;
using static WorldPlay.Testing.TestWorlds;

namespace WorldPlay.Core.Tests;

/// <summary>Knowledge follows witnessing: those present at a creation know it, others learn it when someone who knows it names
/// it where they can hear, and a character in front of you is known by sight. What a character does not know never shows in
/// its slice.</summary>
public sealed class KnowingTests
{
    [Fact]
    public void EntityCreated_AtTheHarbor_IsKnownByTheWitnessesTheMakerAndItself()
    {
        Assert.Equal("ilse mira tomas", Knowers(IlseMade, Ilse));
    }

    [Fact]
    public void EntityCreated_WitnessesLearnIt_AsThereNotTold()
    {
        var learned = IlseMade.Get(Ilse).KnownBy![Tomas];

        Assert.Equal((IlseMade.Version - 2, (EntityId?)null), (learned.Event, learned.ToldBy));
    }

    [Fact]
    public void EntityCreated_NpcAbsentAtTheCreation_DoesNotKnowIt()
    {
        Assert.False(IlseMade.Get(Ilse).IsKnownBy(Oren), $"knowers: {Knowers(IlseMade, Ilse)}");
    }

    [Fact]
    public void WorldSliceOf_NpcAbsentAtTheCreation_ShowsNothingOfIt()
    {
        // Ilse owes Oren, a fact is told of her, a ring lies at Oren's market and a village opens off it: none of it reaches Oren.
        var state = Then(IlseMade,
            Proposal.Of(Mira, new FactAsserted("ilse-debt", Ilse, "owes", "ten silver")),
            Proposal.Of(Mira, Item(Ring, "Tide Ring", "a silver ring", Market, null)),
            Proposal.Of(Mira, Place(Vask, "Vask", "a fishing village")),
            Proposal.Of(Mira, new PathOpened(Market, Vask, 60)));

        var json = JsonSerializer.Serialize(WorldSlice.Of(state, Oren), CoreSerialization.Json);

        string[] hidden = ["Ilse", "ilse", "Tide Ring", "tide-ring", "Vask", "vask"];
        Assert.True(hidden.All(s => !json.Contains(s, StringComparison.Ordinal)), json);
    }

    [Fact]
    public void WorldSliceOf_Witness_ShowsTheCreationWithWhereWhoAndTies()
    {
        var view = Assert.Single(WorldSlice.Of(IlseMade, Tomas).Creations);

        Assert.Equal(
            "ilse Character Ilse|Mira's older sister, a net mender|Lighthouse|User Mira 1|-|Ilse sister-of Mira, Ilse owes Oren",
            Show(view));
    }

    [Fact]
    public void Spoke_WitnessNamesItAtTheNpcsPlace_TeachesTheNpcToldByTheWitness()
    {
        var state = Then(IlseMade, Proposal.Of(Tomas, new Moved(Market)),
            Proposal.Of(Tomas, new Spoke("My sister-in-law Ilse waits at the lighthouse, Oren.", [Oren])));

        var learned = state.Get(Ilse).KnownBy!.GetValueOrDefault(Oren);

        Assert.Equal((state.Version, (EntityId?)Tomas), (learned?.Event, learned?.ToldBy));
    }

    [Fact]
    public void WorldSliceOf_NpcOnceTold_ShowsItToldByTheWitnessWithItsTies()
    {
        var state = Then(IlseMade, Proposal.Of(Tomas, new Moved(Market)),
            Proposal.Of(Tomas, new Spoke("Ilse waits at the lighthouse, Oren.", [Oren])));

        var slice = WorldSlice.Of(state, Oren);

        Assert.Equal(
            ("ilse Character Ilse|Mira's older sister, a net mender|Lighthouse|User Mira 1|Tomas|Ilse sister-of Mira, Ilse owes Oren",
                true),
            (Show(Assert.Single(slice.Creations)), slice.Relationships.Any(r => r.From == Ilse && r.To == Oren)));
    }

    [Fact]
    public void Spoke_BySomeoneWhoDoesNotKnowIt_TeachesNobody()
    {
        var state = Then(IlseMade, Proposal.Of(Lena, new Moved(Market)),
            Proposal.Of(Oren, new Spoke("Who is this Ilse everyone whispers about?", [Lena])));

        Assert.Equal("ilse mira tomas", Knowers(state, Ilse));
    }

    [Fact]
    public void Spoke_NamingItElsewhere_TeachesOnlyThoseWhoHear()
    {
        var state = Then(IlseMade, Proposal.Of(Tomas, new Moved(Market)), Proposal.Of(Tomas, new Spoke("Ilse sends her love.", [])));

        Assert.Equal("ilse mira oren tomas", Knowers(state, Ilse));
    }

    [Fact]
    public void Spoke_WordThatOnlyContainsTheName_TeachesNobody()
    {
        var state = Then(IlseMade, Proposal.Of(Tomas, new Moved(Market)), Proposal.Of(Tomas, new Spoke("Ilsebrand sails at dawn.", [])));

        Assert.False(state.Get(Ilse).IsKnownBy(Oren), Knowers(state, Ilse));
    }

    [Fact]
    public void Spoke_ChineseNameInsideAChineseSentence_TeachesTheListener()
    {
        var state = Then(WithUserMira, Proposal.Of(Mira, Character(LinYue, "林月", "米拉的姐姐", Lighthouse)),
            Proposal.Of(Tomas, new Moved(Market)), Proposal.Of(Tomas, new Spoke("林月在灯塔等你，奥伦。", [Oren])));

        Assert.Equal((EntityId?)Tomas, state.Get(LinYue).KnownBy!.GetValueOrDefault(Oren)?.ToldBy);
    }

    [Fact]
    public void Spoke_ChineseSentenceWithoutTheName_TeachesNobody()
    {
        var state = Then(WithUserMira, Proposal.Of(Mira, Character(LinYue, "林月", "米拉的姐姐", Lighthouse)),
            Proposal.Of(Tomas, new Moved(Market)), Proposal.Of(Tomas, new Spoke("月亮在灯塔上面，奥伦。", [Oren])));

        Assert.False(state.Get(LinYue).IsKnownBy(Oren), Knowers(state, LinYue));
    }

    [Fact]
    public void Spoke_AliasOfTheCreation_TeachesTheListener()
    {
        var state = Then(WithUserMira, Proposal.Of(Mira, Character(Ilse, "Ilse", "a net mender", Lighthouse, "the mender")),
            Proposal.Of(Tomas, new Moved(Market)), Proposal.Of(Tomas, new Spoke("The Mender asked for you.", [Oren])));

        Assert.True(state.Get(Ilse).IsKnownBy(Oren), Knowers(state, Ilse));
    }

    [Fact]
    public void Moved_IntoTheRoomWhereACreatedCharacterStands_KnowsHerAsMet()
    {
        var state = Then(WithUserMira, Proposal.Of(Mira, Character(Ilse, "Ilse", "a net mender", Harbor)),
            Proposal.Of(Oren, new Moved(Harbor)));

        Assert.Equal((state.Version, (EntityId?)null), (state.Get(Ilse).KnownBy![Oren].Event, state.Get(Ilse).KnownBy![Oren].ToldBy));
    }

    [Fact]
    public void Moved_CreatedCharacterWalksIn_IsKnownByThoseThere()
    {
        var state = Then(WithUserMira, Proposal.Of(Mira, Character(Ilse, "Ilse", "a net mender", Harbor)),
            Proposal.Of(Ilse, new Moved(Market)));

        Assert.True(state.Get(Ilse).IsKnownBy(Oren), Knowers(state, Ilse));
    }

    [Fact]
    public void WorldSliceOf_CreatedCharacterInFrontOfYou_IsPresentAndKnownBeforeAnyoneSpeaks()
    {
        // Made at the market from the harbor, so Oren witnessed nothing; but she stands in front of him.
        var state = After(WithUserMira, Proposal.Of(Mira, Character(Ilse, "Ilse", "a net mender", Market)));

        var slice = WorldSlice.Of(state, Oren);

        Assert.Equal((true, "Fish Market|-"), (slice.Present.Any(p => p.Id == Ilse),
            string.Join(";", slice.Creations.Select(c => $"{c.PlaceName}|{c.ToldByName ?? "-"}"))));
    }

    [Fact]
    public void EntityCreated_ItemHeldFarAway_IsKnownByItsHolder()
    {
        var state = After(WithUserMira, Proposal.Of(Mira, Item(Ring, "Tide Ring", "our mother's ring", null, Lena)));

        Assert.Equal("lena mira tomas", Knowers(state, Ring));
    }

    [Fact]
    public void WorldSliceOf_UnknownCreatedItemLyingHere_IsNotAmongTheItems()
    {
        var state = After(WithUserMira, Proposal.Of(Mira, Item(Ring, "Tide Ring", "a silver ring", Market, null)));

        Assert.DoesNotContain(WorldSlice.Of(state, Oren).Items, i => i.Id == Ring);
    }

    [Fact]
    public void WorldSliceOf_KnownCreatedItemHeldByHolder_ShowsWhoHoldsIt()
    {
        var state = After(WithUserMira, Proposal.Of(Mira, Item(Ring, "Tide Ring", "our mother's ring", null, Lena)));

        var view = Assert.Single(WorldSlice.Of(state, Tomas).Creations);

        Assert.Equal(("Lena", "Temple of Tides"), (view.HolderName, view.PlaceName));
    }

    [Fact]
    public void WorldSliceOf_ExitToAnUnknownCreatedPlace_IsNotShown()
    {
        var state = Then(WithUserMira, Proposal.Of(Mira, Place(Vask, "Vask", "a fishing village")),
            Proposal.Of(Mira, new PathOpened(Market, Vask, 60)));

        Assert.Equal((false, true), (WorldSlice.Of(state, Oren).Place.Exits.Any(x => x.To == Vask),
            WorldSlice.Of(After(state, Proposal.Of(Mira, new Moved(Market))), Mira).Place.Exits.Any(x => x.To == Vask)));
    }

    [Fact]
    public void WorldSliceOf_CreatedPlaceOneStandsIn_IsKnownBySight()
    {
        var state = Then(WithUserMira, Proposal.Of(Mira, Place(Vask, "Vask", "a fishing village")),
            Proposal.Of(Mira, new PathOpened(Market, Vask, 60)), Proposal.Of(Mira, Character(Ilse, "Ilse", "a net mender", Vask)));

        var slice = WorldSlice.Of(state, Ilse);

        Assert.Equal(("Vask", "vask"), (slice.Place.Name, string.Join(",", slice.Creations.Select(c => c.Id.Value))));
    }

    [Fact]
    public void WorldSliceOf_FactAboutAnUnknownCreationThatOneWasTold_IsShown()
    {
        // Knowing a fact is knowing it: Oren heard the debt asserted at the market even before anyone named Ilse to him.
        var state = Then(IlseMade, Proposal.Of(Mira, new Moved(Market)),
            Proposal.Of(Mira, new FactAsserted("ilse-debt", Ilse, "owes", "ten silver")));

        Assert.Contains(WorldSlice.Of(state, Oren).Facts, f => f.Id == "ilse-debt");
    }

    private static string Show(CreationView c) =>
        $"{c.Id} {c.Kind} {c.Name}|{c.Description}|{c.PlaceName}|{c.Source} {c.ByName} {c.Turn}|{c.ToldByName ?? "-"}|"
        + string.Join(", ", c.Ties.Select(t => $"{t.FromName} {t.Type} {t.ToName}"));
}
