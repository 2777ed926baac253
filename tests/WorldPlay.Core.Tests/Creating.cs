using System.Collections.Immutable;
using static WorldPlay.Testing.TestWorlds;

namespace WorldPlay.Core.Tests;

/// <summary>Creations in Harbortown for the tests of creating and knowing: Mira plays the user; Ilse is her sister at the
/// lighthouse, made at the harbor where Tomas hears it while Oren is at the market and Lena at the temple.</summary>
internal static class Creating
{
    public static readonly EntityId Ilse = "ilse";
    public static readonly EntityId LinYue = "lin-yue";
    public static readonly EntityId Vask = "vask";
    public static readonly EntityId Ring = "tide-ring";

    /// <summary>Harbortown with Mira as the character the user plays (role <c>user</c>).</summary>
    public static WorldState WithUserMira { get; } = PlayedByUser(Initial, Mira);

    public static WorldState PlayedByUser(WorldState state, EntityId who)
    {
        var entity = state.Get(who);
        var user = entity with { Attributes = entity.Attributes.SetItem("role", "user") };
        return state with { Entities = state.Entities.SetItem(who, user) };
    }

    public static EntityCreated Character(EntityId id, string name, string description, EntityId? at, params string[] aliases) =>
        new(id, EntityKind.Character, name, [.. aliases], description, at, null, EntityStatus.Alive);

    public static EntityCreated Place(EntityId id, string name, string description) =>
        new(id, EntityKind.Place, name, [], description, null, null, EntityStatus.Alive);

    public static EntityCreated Item(EntityId id, string name, string description, EntityId? at, EntityId? heldBy) =>
        new(id, EntityKind.Item, name, [], description, at, heldBy, EntityStatus.Alive);

    /// <summary>Mira (the user) makes her sister Ilse, who lives at the lighthouse and owes Oren, at the harbor.</summary>
    public static WorldState IlseMade { get; } = After(WithUserMira,
        Proposal.Of(Mira, Character(Ilse, "Ilse", "Mira's older sister, a net mender", Lighthouse)),
        Proposal.Of(Mira, new RelationshipChanged(Ilse, Mira, "sister-of", 0.8)),
        Proposal.Of(Mira, new RelationshipChanged(Ilse, Oren, "owes", 0.3)));

    /// <summary>The state after each of <paramref name="proposals"/>, committed one by one on following turns, each accepted.</summary>
    public static WorldState Then(WorldState state, params Proposal[] proposals) =>
        proposals.Aggregate(state, (s, p) => After(s, p));

    /// <summary>Who knows <paramref name="id"/>, in id order: "ilse mira tomas".</summary>
    public static string Knowers(WorldState state, EntityId id) =>
        state.Get(id).KnownBy is { } known ? string.Join(' ', known.Keys) : "";
}
