using System.Collections.Immutable;
using CsCheck;
using static WorldPlay.Testing.TestWorlds;

namespace WorldPlay.Core.Tests;

/// <summary>Random histories of Harbortown in which Mira plays the user and everyone creates: characters near and far (some of
/// them Chinese), places with paths to them, items lying or held, factions and concepts, new descriptions, and speech that names
/// what was made. Mixed with <see cref="RandomStories"/>' ordinary proposals and committed through the laws, so only what they
/// accept becomes an event.</summary>
public static class CreationStories
{
    private static readonly Gen<int> Die = Gen.Int[0, 9999];

    private static readonly Gen<TurnDice> Turn =
        Gen.Select(Die, Die, Die, RandomStories.ProposalDice.Array[1, 5], (step, scene, actor, proposals) =>
            new TurnDice(step, scene, actor, proposals));

    private sealed record Made(EntityId Id, EntityKind Kind, string Name, ImmutableArray<string> Aliases);

    private static readonly ImmutableArray<Made> Pool =
    [
        new("ilse", EntityKind.Character, "Ilse", ["the mender"]),
        new("lin-yue", EntityKind.Character, "林月", []),
        new("bram", EntityKind.Character, "Bram", ["Old Bram"]),
        new("vask", EntityKind.Place, "Vask", []),
        new("fog-port", EntityKind.Place, "雾港", []),
        new("tide-ring", EntityKind.Item, "Tide Ring", []),
        new("grey-order", EntityKind.Faction, "Grey Order", []),
        new("old-debt", EntityKind.Concept, "The Old Debt", []),
    ];

    private static readonly ImmutableArray<string> Descriptions =
        ["Mira's older sister", "米拉的姐姐，住在雾港", "a village of nets and gulls", "it hums with electricity", "  ", "an old promise"];

    private static readonly ImmutableArray<string> Lines =
    [
        "Ilse waits at the lighthouse.",
        "林月在雾港等你。",
        "Have you been to Vask?",
        "The Tide Ring is gone, and Old Bram knows it.",
        "The Grey Order remembers the Old Debt.",
        "Ilsebrand sails at dawn.",
        "月亮很圆。",
    ];

    public static Gen<Story> Stories(int maxTurns = 40) => Turn.Array[0, maxTurns].Select(Play);

    /// <summary>Checks <paramref name="property"/> on random stories with creations, printing the transcript of a failing one.</summary>
    public static void Sample(Action<Story> property, int iterations = 120, int maxTurns = 40) =>
        Stories(maxTurns).Sample(property, iter: iterations, print: s => s.Describe());

    public static Story Play(TurnDice[] turns)
    {
        var initial = Creating.WithUserMira;
        var state = initial;
        var turn = 0;
        var batches = ImmutableArray.CreateBuilder<Batch>();
        foreach (var t in turns)
        {
            turn += (t.TurnStep % 10) switch { < 2 => 0, < 9 => 1, _ => 2 };
            var actor = PickActor(state, new Dice([t.Actor]));
            var scene = (t.Scene % 10) switch { < 6 => (EntityId?)null, _ => state.WhereIs(actor) };
            var proposals = t.Proposals.Select(d => Propose(state, actor, new Dice(d))).ToImmutableArray();
            var outcome = Commitment.Commit(state, HarbortownLaws, turn, scene, proposals);
            batches.Add(new Batch(state, turn, scene, proposals, outcome));
            state = outcome.State;
        }
        return new Story(initial, batches.ToImmutable());
    }

    private static Proposal Propose(WorldState state, EntityId actor, Dice d)
    {
        var places = state.Entities.Values.Where(e => e.Kind == EntityKind.Place).Select(e => e.Id).ToList();
        WorldChange? change = d.Next(100) switch
        {
            < 22 => Create(state, d),
            < 28 => new PathOpened(d.Pick(places), d.Pick(places), d.Next(130) - 10),
            < 32 => new DescriptionChanged(d.Pick(state.Entities.Keys.ToList()), d.Pick(Descriptions)),
            < 44 => new Spoke(d.Pick(Lines), []),
            < 50 when state.WhereIs(actor) is { } here && state.Setting.PathsFrom(here).ToList() is { Count: > 0 } exits =>
                new Moved(d.Pick(exits).B),
            < 54 => new RelationshipChanged(actor, d.Pick(state.Entities.Keys.ToList()), "kin-of",
                Math.Round((d.Next(2001) - 1000) / 1000.0, 2)),
            _ => null,
        };
        return change is null ? RandomStories.Propose(state, actor, d) : new Proposal(actor, change, []);
    }

    private static EntityCreated Create(WorldState state, Dice d)
    {
        var made = d.Pick(Pool);
        var entities = state.Entities.Values.ToList();
        var places = entities.Where(e => e.Kind == EntityKind.Place).Select(e => e.Id).ToList();
        var characters = entities.Where(e => e.IsCharacter).Select(e => e.Id).ToList();
        EntityId? location = made.Kind switch
        {
            EntityKind.Character or EntityKind.Item when d.Chance(85) => d.Pick(places),
            _ when d.Chance(10) => d.Pick(entities).Id,
            _ => default(EntityId?),
        };
        var holder = made.Kind == EntityKind.Item && location is null && d.Chance(90) ? d.Pick(characters) : default(EntityId?);
        var status = d.Next(10) switch { < 8 => EntityStatus.Alive, 8 => EntityStatus.Dead, _ => EntityStatus.Missing };
        return new EntityCreated(made.Id, made.Kind, made.Name, made.Aliases, d.Pick(Descriptions), location, holder, status);
    }

    private static EntityId PickActor(WorldState state, Dice d)
    {
        var living = state.Entities.Values.Where(e => e.IsCharacter && e.Status == EntityStatus.Alive).Select(e => e.Id).ToList();
        return d.Chance(95) && living.Count > 0 ? d.Pick(living) : d.Pick(AllCharacters);
    }
}
