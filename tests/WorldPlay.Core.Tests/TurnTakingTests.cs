using CsCheck;
using WorldPlay.Core.Scenes;
using static WorldPlay.Testing.TestWorlds;

namespace WorldPlay.Core.Tests;

public sealed class TurnTakingTests
{
    private static readonly EntityId[] Cast = [Mira, Tomas, Oren, Lena, "ada", "bram"];

    private static readonly Dictionary<EntityId, double> Talkative = new() { [Mira] = 0.8, [Tomas] = 0.6, [Oren] = 0.4, [Lena] = 0.3 };

    private static readonly Gen<EntityId[]> SomeOfTheCast = Gen.Bool.Array[Cast.Length]
        .Select(keep => Cast.Where((_, i) => keep[i]).ToArray());

    [Fact]
    public void Next_AnyPolicyAndAnyPresence_PicksOnlySomeonePresent()
    {
        var gen = Gen.Select(
            Gen.Enum<TurnTakingPolicy>(),
            SomeOfTheCast,
            Gen.Select(SomeOfTheCast, Gen.Int[0, Cast.Length], SomeOfTheCast),
            Gen.Select(Gen.Double[0, 1].Array[Cast.Length], Gen.Int));
        gen.Sample((policy, present, others, draw) =>
        {
            var (addressed, last, spoke) = others;
            var (weights, seed) = draw;
            var lastSpeaker = last < Cast.Length ? Cast[last] : (EntityId?)null;
            var talkativeness = Cast.Select((c, i) => (c, weights[i])).ToDictionary(x => x.c, x => x.Item2);

            var next = TurnTaking.Next(policy, present, [.. addressed.Reverse()], spoke.ToHashSet(), lastSpeaker, talkativeness, 1,
                new Random(seed));

            Assert.True(present.Length == 0 ? next is null : next is { } n && present.Contains(n),
                $"{policy} picked {next} from [{string.Join(",", present)}].");
        }, iter: 500);
    }

    [Fact]
    public void Next_AddressedFirstWithAPresentAddressee_PicksTheAddressee()
    {
        var next = TurnTaking.Next(TurnTakingPolicy.AddressedFirst, [Mira, Tomas, Oren], [Lena, Oren], new HashSet<EntityId>(), Mira,
            Talkative, 3, new Random(1));

        Assert.Equal(Oren, next);
    }

    [Fact]
    public void Next_AddressedFirstWithOnlyAbsentAddressees_PicksSomeonePresentOtherThanTheLastSpeaker()
    {
        var next = TurnTaking.Next(TurnTakingPolicy.AddressedFirst, [Mira, Tomas], [Lena], new HashSet<EntityId>(), Mira, Talkative, 3,
            new Random(1));

        Assert.Equal(Tomas, next);
    }

    [Fact]
    public void Next_Pooled_AvoidsThoseWhoSpokeSinceTheUser()
    {
        Gen.Int.Sample(seed =>
        {
            var next = TurnTaking.Next(TurnTakingPolicy.Pooled, [Mira, Tomas, Oren, Lena], [], new HashSet<EntityId> { Mira, Tomas }, Tomas,
                Talkative, 5, new Random(seed));
            Assert.True(next == Oren || next == Lena, $"picked {next}");
        }, iter: 200);
    }

    [Fact]
    public void Next_PooledWhenEveryoneSpoke_PicksSomeoneOtherThanTheLastSpeaker()
    {
        Gen.Int.Sample(seed =>
        {
            var next = TurnTaking.Next(TurnTakingPolicy.Pooled, [Mira, Tomas], [], new HashSet<EntityId> { Mira, Tomas }, Tomas, Talkative,
                5, new Random(seed));
            Assert.Equal(Mira, next);
        }, iter: 50);
    }

    [Fact]
    public void Next_RoundRobin_CyclesThroughThePresentInCastOrder()
    {
        EntityId[] present = [Mira, Tomas, Oren];
        var order = new List<EntityId>();
        EntityId? last = null;
        for (var turn = 0; turn < 7; turn++)
        {
            last = TurnTaking.Next(TurnTakingPolicy.RoundRobin, present, [], new HashSet<EntityId>(), last, Talkative, turn,
                new Random(turn));
            order.Add(last!.Value);
        }

        Assert.Equal([Mira, Tomas, Oren, Mira, Tomas, Oren, Mira], order);
    }

    [Fact]
    public void Next_RoundRobinAfterAnAbsentSpeaker_StartsFromTheFirstPresent()
    {
        var next = TurnTaking.Next(TurnTakingPolicy.RoundRobin, [Tomas, Oren], [], new HashSet<EntityId>(), Lena, Talkative, 1,
            new Random(1));

        Assert.Equal(Tomas, next);
    }

    [Fact]
    public void Next_NobodyPresent_IsNull()
    {
        var next = TurnTaking.Next(TurnTakingPolicy.Weighted, [], [Mira], new HashSet<EntityId>(), null, Talkative, 1, new Random(1));

        Assert.Null(next);
    }

    [Fact]
    public void AddressedBy_NamesAndAliasesInText_FindsThemInOrderOfAppearance()
    {
        var addressed = TurnTaking.AddressedBy("Tell me, Captain, where did tom go?", [], Harbortown.Entities.Where(e => e.IsCharacter));

        Assert.Equal([Mira, Tomas], addressed.AsEnumerable());
    }

    [Fact]
    public void AddressedBy_NameInsideALongerWord_IsNotAMatch()
    {
        var addressed = TurnTaking.AddressedBy("Miranda and the Orenburg sailors left.", [], Harbortown.Entities.Where(e => e.IsCharacter));

        Assert.Empty(addressed);
    }

    [Fact]
    public void AddressedBy_ExplicitAddressees_ComeFirstWithoutDuplicates()
    {
        var addressed = TurnTaking.AddressedBy("Oren, Lena: listen to me.", [Lena], Harbortown.Entities.Where(e => e.IsCharacter));

        Assert.Equal([Lena, Oren], addressed.AsEnumerable());
    }

    [Fact]
    public void AddressedBy_MultiWordAliasWithPunctuation_IsFound()
    {
        var addressed = TurnTaking.AddressedBy("Good evening, Sister Lena!", [], Harbortown.Entities.Where(e => e.IsCharacter));

        Assert.Equal([Lena], addressed.AsEnumerable());
    }
}
