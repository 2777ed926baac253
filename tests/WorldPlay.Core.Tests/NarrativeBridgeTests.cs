using WorldPlay.Core.Scenes;
using static WorldPlay.Testing.TestWorlds;

namespace WorldPlay.Core.Tests;

/// <summary>A scene at the Old Harbor (Mira and Tomas there, Oren at the market, Lena at the temple, two walks away).</summary>
public sealed class NarrativeBridgeTests
{
    private static (IReadOnlyList<Proposal> Proposals, IReadOnlyList<Bridge> Bridges) Plan(WorldState state, params Proposal[] proposals)
    {
        var (planned, bridges) = NarrativeBridge.Plan(state, HarbortownLaws, 1, Harbor, proposals);
        return (planned, bridges);
    }

    private static string Name(EntityId id) => Names.TryGetValue(id, out var name) ? name : id.Value;

    [Fact]
    public void Plan_SpeechToSomeoneElsewhere_BecomesAJourneyToThemAlongTheShortestRoute()
    {
        var (proposals, _) = Plan(Initial, Proposal.Of(Mira, new Spoke("Lena, read me the map.", [Lena])));

        Assert.Equal(new Travelled(Temple, 15), proposals.Single().Change);
    }

    [Fact]
    public void Plan_SpeechToSomeoneElsewhere_TheJourneyIsLawfulAndNoSpeechIsRefused()
    {
        var (proposals, _) = Plan(Initial, Proposal.Of(Mira, new Spoke("Lena, read me the map.", [Lena])));

        var outcome = Commitment.Commit(Initial, HarbortownLaws, 1, Harbor, proposals);

        Assert.Equal(
            ("travelled", 0, Temple),
            (outcome.Accepted.Single().Change.Kind, outcome.Rejected.Length, outcome.State.Get(Mira).Location!.Value));
    }

    [Fact]
    public void Plan_SpeechToSomeoneElsewhere_IsNarratedAsFindingThemThere()
    {
        var (_, bridges) = Plan(Initial, Proposal.Of(Mira, new Spoke("Lena, read me the map.", [Lena])));

        Assert.Equal("Later, at Temple of Tides, Mira finds Lena.", NarrativeBridge.Narrate(bridges.Single(), Name, "en"));
    }

    [Fact]
    public void Narrate_ChineseWorld_NarratesInChinese()
    {
        var (_, bridges) = Plan(Initial, Proposal.Of(Mira, new Spoke("Lena, read me the map.", [Lena])));

        Assert.Equal("后来，在Temple of Tides，Mira找到了Lena。", NarrativeBridge.Narrate(bridges.Single(), Name, "zh-CN"));
    }

    [Fact]
    public void Plan_WalkToAPlaceNotNextDoor_BecomesTravelThatTakesTheRoutesMinutes()
    {
        var (proposals, _) = Plan(Initial, Proposal.Of(Tomas, new Moved(Temple)));

        Assert.Equal(new Travelled(Temple, 15), proposals.Single().Change);
    }

    [Fact]
    public void Plan_SpeechToSomeoneBeyondEveryRoad_TimePassesInstead()
    {
        var vask = new EntityId("vask");
        var sister = new EntityId("kara");
        var state = After(Initial,
            Proposal.Of(Mira, new EntityCreated(vask, EntityKind.Place, "Vask", [], "A trading city a day's sail away.", null, null,
                EntityStatus.Alive)),
            Proposal.Of(Mira, new EntityCreated(sister, EntityKind.Character, "Kara", [], "Mira's sister.", vask, null,
                EntityStatus.Alive)));

        var (proposals, bridges) = Plan(state, Proposal.Of(Mira, new Spoke("Kara, come home.", [sister])));

        string NameHere(EntityId id) => id == vask ? "Vask" : id == sister ? "Kara" : Name(id);
        Assert.Equal(
            (new TimeAdvanced(NarrativeBridge.WaitMinutes) as WorldChange, "Time passes; Kara is far away at Vask and cannot hear Mira."),
            (proposals.Single().Change, NarrativeBridge.Narrate(bridges.Single(), NameHere, "en")));
    }

    [Fact]
    public void Plan_SpeechToOneHereAndOneElsewhere_OnlyThoseHereAreSpokenTo()
    {
        var (proposals, _) = Plan(Initial, Proposal.Of(Mira, new Spoke("Tomas, Lena, listen.", [Tomas, Lena])));

        Assert.Equal([Tomas], ((Spoke)proposals.Single().Change).Addressees.AsEnumerable());
    }

    [Fact]
    public void Plan_LawfulProposals_AreKeptAsTheyAreWithoutBridges()
    {
        Proposal[] lawful = [Proposal.Of(Mira, new Spoke("Tomas, the tide.", [Tomas])), Proposal.Of(Tomas, new Moved(Market))];

        var (proposals, bridges) = Plan(Initial, lawful);

        Assert.Equal((lawful.Length, 0), (lawful.Zip(proposals).Count(p => p.First.Equals(p.Second)), bridges.Count));
    }

    [Fact]
    public void Plan_ForbiddenSpeech_IsNotBridgedAndTheLawsRefuseIt()
    {
        var forbidden = Proposal.Of(Mira, new Spoke("Lena, is there electricity at the temple?", [Tomas]));

        var (proposals, bridges) = Plan(Initial, forbidden);

        Assert.Equal((forbidden, 0), (proposals.Single(), bridges.Count));
    }

    [Fact]
    public void Plan_SomeoneAwaySpeaksToTheScene_IsNotBridged()
    {
        var (_, bridges) = Plan(Initial, Proposal.Of(Oren, new Spoke("Mira, your debt.", [Mira])));

        Assert.Empty(bridges);
    }
}
