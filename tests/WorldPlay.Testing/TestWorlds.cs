using System.Collections.Immutable;
using WorldPlay.Core;
using WorldPlay.Core.Characters;
using WorldPlay.Core.Laws;

namespace WorldPlay.Testing;

/// <summary>A small harbor town built in code: four places (the temple and the lighthouse are not next to each other,
/// nor the harbor and the temple), four characters, items held and loose, relationships, shared facts and one secret,
/// and every law kind a world may declare.</summary>
public static class TestWorlds
{
    public static readonly EntityId Harbor = "harbor";
    public static readonly EntityId Market = "market";
    public static readonly EntityId Temple = "temple";
    public static readonly EntityId Lighthouse = "lighthouse";

    public static readonly EntityId Mira = "mira";
    public static readonly EntityId Tomas = "tomas";
    public static readonly EntityId Oren = "oren";
    public static readonly EntityId Lena = "lena";

    public static readonly EntityId Lantern = "lantern";
    public static readonly EntityId Key = "brass-key";
    public static readonly EntityId Coin = "silver-coin";
    public static readonly EntityId Map = "sea-map";
    public static readonly EntityId Net = "fishing-net";

    public static readonly EntityId Guild = "guild";

    /// <summary>Tomas's secret: only he knows it.</summary>
    public const string TomasSecret = "tomas-stole-key";

    public static readonly ImmutableArray<EntityId> AllPlaces = [Harbor, Market, Temple, Lighthouse];
    public static readonly ImmutableArray<EntityId> AllCharacters = [Mira, Tomas, Oren, Lena];
    public static readonly ImmutableArray<EntityId> AllItems = [Lantern, Key, Coin, Map, Net];

    /// <summary>Harbor-Market 5 min, Market-Temple 10 min, Harbor-Lighthouse 20 min. Temple to Lighthouse is 35 min by road.</summary>
    public static WorldDefinition Harbortown { get; } = CreateHarbortown();

    public static WorldState Initial => WorldState.Initial(Harbortown);

    public static LawBook HarbortownLaws { get; } = LawBook.For(Harbortown.Setting);

    public static IReadOnlyDictionary<EntityId, string> Names { get; } =
        Harbortown.Entities.ToImmutableSortedDictionary(e => e.Id, e => e.Name);

    public static CharacterMemory EmptyMemory(EntityId self) => CharacterMemory.Empty(self, Names);

    public static Persona PersonaOf(EntityId id) =>
        Harbortown.PersonaOf(id) ?? throw new ArgumentException($"No persona for '{id}'.", nameof(id));

    /// <summary>Commits a single proposal in <paramref name="state"/> (offstage unless <paramref name="scenePlace"/> is given).</summary>
    public static CommitOutcome CommitOne(WorldState state, Proposal proposal, EntityId? scenePlace = null, int turn = 1) =>
        Commitment.Commit(state, HarbortownLaws, turn, scenePlace, [proposal]);

    /// <summary>The state after committing <paramref name="proposals"/> offstage; every one must be accepted.</summary>
    public static WorldState After(WorldState state, params Proposal[] proposals)
    {
        var outcome = Commitment.Commit(state, HarbortownLaws, state.Turn + 1, null, proposals);
        if (outcome.Rejected.Length > 0)
        {
            throw new InvalidOperationException($"Setup refused: {string.Join("; ", outcome.Rejected.Select(r => r.Reason))}");
        }
        return outcome.State;
    }

    private static WorldDefinition CreateHarbortown()
    {
        var setting = new WorldSetting(
            "harbortown",
            "Harbortown",
            "low fantasy",
            "en",
            "A salt-stained port where the guild keeps the keys and the tide keeps the time.",
            [
                new LawSpec("one-place-at-a-time", [], null),
                new LawSpec("connected-moves", [], null),
                new LawSpec("holder-gives", [], null),
                new LawSpec("dead-do-not-act", [], null),
                new LawSpec("present-to-act", [], null),
                new LawSpec("forbidden-concepts", ["electricity", "steam engine"], "no industry yet"),
                new LawSpec("relationship-strength-bounds", [], null),
            ],
            [new PlaceLink(Harbor, Market, 5), new PlaceLink(Market, Temple, 10), new PlaceLink(Harbor, Lighthouse, 20)],
            StartMinute: 6 * 60);

        Entity Place(EntityId id, string name, string description) =>
            new(id, EntityKind.Place, name, [], Attributes(("description", description)), EntityStatus.Alive, null, null);
        Entity Character(EntityId id, string name, string pronouns, EntityId at, params string[] aliases) =>
            new(id, EntityKind.Character, name, [.. aliases], Attributes(("pronouns", pronouns)), EntityStatus.Alive, at, null);
        Entity Item(EntityId id, string name, EntityId? at, EntityId? heldBy) =>
            new(id, EntityKind.Item, name, [], Attributes(), EntityStatus.Alive, at, heldBy);

        ImmutableArray<Entity> entities =
        [
            Place(Harbor, "Old Harbor", "Gulls over black water and tarred rope."),
            Place(Market, "Fish Market", "Stalls of silver fish and louder sellers."),
            Place(Temple, "Temple of Tides", "Cold stone and the sound of the sea below."),
            Place(Lighthouse, "Lighthouse", "A lamp that has not been lit for a year."),
            Character(Mira, "Mira", "she", Harbor, "Captain"),
            Character(Tomas, "Tomas", "he", Harbor, "Tom"),
            Character(Oren, "Oren", "he", Market),
            Character(Lena, "Lena", "she", Temple, "Sister Lena"),
            Item(Lantern, "Storm Lantern", null, Mira),
            Item(Key, "Brass Key", null, Oren),
            Item(Coin, "Silver Coin", Harbor, null),
            Item(Map, "Sea Map", Temple, null),
            Item(Net, "Fishing Net", Market, null),
            new Entity(Guild, EntityKind.Faction, "Harbor Guild", ["the guild"], Attributes(), EntityStatus.Alive, null, null),
        ];

        ImmutableArray<Relationship> relationships =
        [
            new(Mira, Tomas, "sibling", 0.6, Validity.FromStart),
            new(Tomas, Oren, "rival", -0.4, Validity.FromStart),
            new(Oren, Mira, "owes", 0.3, Validity.FromStart),
            new(Lena, Mira, "trusts", 0.5, Validity.FromStart),
        ];

        ImmutableArray<Fact> facts =
        [
            new("harbor-busy", Harbor, "is", "busy at dawn", Validity.FromStart, [Mira, Tomas, Oren, Lena]),
            new("oren-debt", Oren, "owes", "ten silver to Mira", Validity.FromStart, [Mira, Oren]),
            new(TomasSecret, Tomas, "stole", "the brass key from the guild", Validity.FromStart, [Tomas]),
        ];

        ImmutableArray<Persona> personas =
        [
            new(Mira, "Mira", "A ship captain without a ship, sharp and loyal.", ["blunt", "loyal"], "short sentences, sailor's slang",
                ["Tide waits for no one.", "You owe me, Oren."], ["Tide waits for no one."], ["get a ship", "keep Tomas out of trouble"],
                [], 0.8),
            new(Tomas, "Tomas", "Mira's younger brother, charming and in over his head.", ["charming", "nervous"],
                "quick, deflecting jokes",
                ["Who, me?"], [], ["pay back the guild"], [new Secret(TomasSecret, Tomas, "stole", "the brass key from the guild")], 0.6),
            new(Oren, "Oren", "A fishmonger who lends money and remembers every coin.", ["shrewd"], "polite and cold",
                ["A debt is a promise, Captain."], [], ["collect his debts"], [], 0.4),
            new(Lena, "Lena", "A priestess of the tides who reads the sea map.", ["calm", "curious"], "measured, formal",
                ["The sea keeps its own ledger."], [], ["find the lost map's harbor"], [], 0.3),
        ];

        ImmutableArray<SceneSpec> scenes =
        [
            new("dockside", "Dockside debts", Harbor, [Mira, Tomas, Oren], null, ["settle Oren's debt"], TurnTakingPolicy.AddressedFirst,
                "Fog rolls in over the old harbor."),
        ];

        return new WorldDefinition(setting, entities, relationships, facts, personas, scenes);
    }

    private static ImmutableSortedDictionary<string, string> Attributes(params (string Key, string Value)[] pairs) =>
        pairs.ToImmutableSortedDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
