using System.Collections.Immutable;
using System.Text.RegularExpressions;
using WorldPlay.Core;
using WorldPlay.Core.Characters;
using WorldPlay.Core.Laws;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Scenes;
using WorldPlay.Minds;
using static WorldPlay.Minds.Tests.DuskAtTheHarbor;

namespace WorldPlay.Minds.Tests;

/// <summary>A whole scene run through the real core: world state, laws, commitment, memory and perspectives, with three
/// procedural characters and a fast-plot user simulator taking turns as the scene's turn-taking picks them.</summary>
internal static class HarborScene
{
    public static readonly string[] ForbiddenConcepts = ["phone", "internet", "car", "electricity", "computer", "camera", "text message"];

    private static readonly EntityId Brannoc = "brannoc";
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int, UserStyle), SceneRun> Runs = new();

    public static SceneRun Run(int turns, UserStyle user = UserStyle.FastPlot) =>
        Runs.GetOrAdd((turns, user), key => Simulate(key.Item1, key.Item2));

    private static ImmutableSortedDictionary<string, string> Attributes(params (string Key, string Value)[] pairs) =>
        pairs.ToImmutableSortedDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    private static Entity Place(EntityId id, string name, string description) =>
        new(id, EntityKind.Place, name, [], Attributes(("description", description)), EntityStatus.Alive, null, null);

    private static Entity Character(EntityId id, string name, string pronouns, bool user = false) =>
        new(
            id, EntityKind.Character, name, [],
            user ? Attributes(("pronouns", pronouns), ("role", "user")) : Attributes(("pronouns", pronouns)),
            EntityStatus.Alive, HarborId, null);

    private static Entity Thing(EntityId id, string name, EntityId? at, EntityId? holder) =>
        new(id, EntityKind.Item, name, [], Attributes(), EntityStatus.Alive, at, holder);

    private static Fact Known(string id, EntityId subject, string predicate, string value, params EntityId[] knownBy) =>
        new(id, subject, predicate, value, Validity.FromStart, [.. knownBy]);

    public static WorldDefinition Definition()
    {
        var setting = new WorldSetting(
            "greywater", "Greywater", "low fantasy", "en", "A rain-worn HarborId town of smugglers and tithe-men.",
            [
                .. new[]
                    {
                        "one-place-at-a-time", "connected-moves", "holder-gives", "dead-do-not-act", "present-to-act",
                        "relationship-strength-bounds",
                    }
                    .Select(k => new LawSpec(k, [], null)),
                new LawSpec("forbidden-concepts", [.. ForbiddenConcepts], null),
            ],
            [
                new PlaceLink(HarborId, "old-pier", 5), new PlaceLink(HarborId, "tavern", 3), new PlaceLink("tavern", "market", 6),
                new PlaceLink("old-pier", "lighthouse", 12),
            ],
            1080);
        Entity[] entities =
        [
            Place(HarborId, "the harbor", "Wet stone, tarred rope, gulls."),
            Place("old-pier", "Old Pier", "Rotten planks over black water."),
            Place("tavern", "the Drowned Rat", "A low tavern that smells of fish stew."),
            Place("market", "the fish market", "Stalls and shouting."),
            Place("lighthouse", "the lighthouse", "A cold tower."),
            Character(MiraId, "Mira", "she/her"),
            Character(TomasId, "Tomas", "he/him"),
            Character(Brannoc, "Brannoc", "he/him"),
            Character(AdaId, "Ada", "she/her", user: true),
            new Entity("the-gull", EntityKind.Concept, "the Gull", [], Attributes(), EntityStatus.Destroyed, null, null),
            Thing("lantern", "brass lantern", null, MiraId),
            Thing("logbook", "the Gull's logbook", HarborId, null),
            Thing("rope", "coil of rope", HarborId, null),
            Thing("purse", "leather purse", null, TomasId),
            Thing("seal", "harbourmaster's seal", null, Brannoc),
            Thing("key", "iron key", null, AdaId),
        ];
        Relationship[] relationships =
        [
            new(MiraId, TomasId, "sister", 0.6, Validity.FromStart),
            new(TomasId, MiraId, "owes", 0.5, Validity.FromStart),
            new(Brannoc, TomasId, "distrusts", 0.4, Validity.FromStart),
            new(MiraId, AdaId, "trusts", 0.3, Validity.FromStart),
            new(Brannoc, MiraId, "employer", 0.2, Validity.FromStart),
        ];
        Fact[] facts =
        [
            Known("tomas-debt", TomasId, "owes", "forty crowns", MiraId, TomasId, AdaId),
            Known("gull-sank", "the-gull", "sank", "in the spring storm", MiraId, TomasId, Brannoc, AdaId),
            Known("mira-scuttled", MiraId, "scuttled", "the Gull for the insurance money", MiraId),
            Known("tomas-ledger", TomasId, "hides", "a second ledger under the tavern floor", TomasId),
            Known("brannoc-bribe", Brannoc, "took", "a bribe from the tithe-men", Brannoc),
        ];
        Persona[] personas =
        [
            new(MiraId, "Mira", "The lantern-keeper, a smuggler's daughter.", ["stubborn", "loyal to a fault", "shrewd"],
                "dry, clipped, sailor's slang", [], ["Tides don't wait.", "Salt keeps."],
                ["Find the Gull's logbook before the harbourmaster does", "win back her brother's trust"],
                [new Secret("mira-scuttled", MiraId, "scuttled", "the Gull for the insurance money")], 0.6),
            new(TomasId, "Tomas", "Mira's younger brother, a dockhand in debt.", ["reckless", "big-hearted"], "gruff and warm", [],
                ["By the deep!"], ["pay off his debts", "keep his sister out of trouble"],
                [new Secret("tomas-ledger", TomasId, "hides", "a second ledger under the tavern floor")], 0.8),
            new(Brannoc, "Brannoc", "The harbourmaster, courteous and cold.", ["patient", "ambitious"], "formal, measured, precise", [],
                ["Order above all."], ["Find out who scuttled the Gull", "Keep the tithe-men happy"],
                [new Secret("brannoc-bribe", Brannoc, "took", "a bribe from the tithe-men")], 0.4),
            new(AdaId, "Ada", "A stranger looking for her missing brother.", ["curious", "kind"], "plain", [], [], ["find her brother"], [],
                0.7),
        ];
        var scene = new SceneSpec(
            "dusk", "Dusk at the harbor", HarborId, [MiraId, TomasId, Brannoc, AdaId], AdaId, ["Find out who sank the Gull"],
            TurnTakingPolicy.AddressedFirst, "");
        return new WorldDefinition(setting, [.. entities], [.. relationships], [.. facts], [.. personas], [scene]);
    }

    private static SceneRun Simulate(int turns, UserStyle style)
    {
        var definition = Definition();
        var state = WorldState.Initial(definition);
        var laws = LawBook.For(definition.Setting);
        var names = definition.Entities.ToDictionary(e => e.Id, e => e.Name);
        var memories = definition.Personas.ToDictionary(p => p.Id, p => CharacterMemory.Empty(p.Id, names));
        var user = new ProceduralUserSimulator(style);
        var cast = definition.Scenes[0].Cast;
        var talkativeness = definition.Personas.ToDictionary(p => p.Id, p => p.Talkativeness);
        var refused = new Dictionary<EntityId, ImmutableArray<string>>();
        var spokeSinceUser = new HashSet<EntityId>();
        var lines = new List<(int Turn, EntityId Speaker, string Text)>();
        var random = new Random(20240601);
        HeardLine? last = null;
        EntityId? lastSpeaker = null;
        int proposals = 0, rejections = 0, hooks = 0, userRefusals = 0;

        void Witness(IEnumerable<WorldEvent> events)
        {
            foreach (var id in memories.Keys.ToList())
            {
                memories[id] = memories[id].Witness(events);
            }
        }

        CharacterAction Decide(EntityId who, SceneCue cue)
        {
            var persona = definition.PersonaOf(who)!;
            var perspective = PerspectiveBuilder.Build(
                persona, memories[who], WorldSlice.Of(state, who), cue, PerspectiveBuilder.DefaultBudget, TokenCounter.Default);
            return who == AdaId ? user.Decide(perspective) : ProceduralMind.Decide(perspective);
        }

        for (var turn = 1; turn <= turns; turn++)
        {
            var pacing = ((turn / 20) % 3) switch { 0 => Pacing.Steady, 1 => Pacing.Escalate, _ => Pacing.SlowDown };
            foreach (var away in cast.Where(c => state.Get(c).Location != HarborId))
            {
                var back = Decide(
                    away, new SceneCue("dusk", HarborId, "the harbor", true, pacing, [], null, [], StableSeed.Of("harbor", turn, away)));
                var walked = Commitment.Commit(state, laws, turn, null, back.AllProposals(away, []));
                state = walked.State;
                Witness(walked.Accepted);
            }
            var present = cast.Where(c => state.Get(c).Location == HarborId).ToList();
            var addressed = last is null ? [] : last.Addressees.Where(a => a != lastSpeaker && present.Contains(a)).ToList();
            var next = TurnTaking.Next(
                TurnTakingPolicy.AddressedFirst, present, addressed, spokeSinceUser, lastSpeaker, talkativeness, turn, random);
            if (next is not { } speaker)
            {
                continue;
            }
            var cue = new SceneCue("dusk", HarborId, "the harbor", false, pacing, ["Find out who sank the Gull"], last,
                refused.TryGetValue(speaker, out var r) ? r : [], StableSeed.Of("harbor", turn, speaker));
            var action = Decide(speaker, cue);
            var outcome = Commitment.Commit(state, laws, turn, HarborId, action.AllProposals(speaker, []));
            state = outcome.State;
            Witness(outcome.Accepted);
            if (speaker != AdaId)
            {
                hooks += action.Speech.Length > 0 && EndsWithHook(action) ? 1 : 0;
                proposals += action.Proposals.Length;
                rejections += outcome.Rejected.Count(x => x.Proposal.Change is not Spoke);
            }
            else
            {
                userRefusals += outcome.Rejected.Length;
            }
            refused[speaker] = [.. outcome.Rejected.Select(x => $"{x.Law}: {x.Reason}")];
            if (outcome.Accepted.FirstOrDefault(e => e.Change is Spoke) is { Change: Spoke spoke } said)
            {
                last = new HeardLine(said.Seq, turn, speaker, names[speaker], spoke.Text, spoke.Addressees);
                lines.Add((turn, speaker, spoke.Text));
            }
            if (speaker == AdaId)
            {
                spokeSinceUser.Clear();
            }
            else
            {
                spokeSinceUser.Add(speaker);
            }
            lastSpeaker = speaker;
        }
        return new SceneRun(lines, proposals, rejections, hooks, userRefusals);
    }
}

internal sealed record SceneRun(
    IReadOnlyList<(int Turn, EntityId Speaker, string Text)> Lines,
    int CharacterProposals,
    int CharacterRejections,
    int CharacterHooks,
    int UserRefusals)
{
    /// <summary>Lines a speaker said verbatim again within <paramref name="window"/> turns.</summary>
    public List<string> Repeats(int window) =>
        [.. Lines.Where((line, i) => Lines.Take(i)
                .Any(earlier => earlier.Speaker == line.Speaker && earlier.Text == line.Text && line.Turn - earlier.Turn <= window))
            .Select(l => $"turn {l.Turn} {l.Speaker}: {l.Text}")];

    /// <summary>Per speaker: distinct word 4-grams over all 4-grams in its lines (each line on its own).</summary>
    public Dictionary<EntityId, double> Distinct4GramRatios() =>
        Lines.GroupBy(l => l.Speaker).ToDictionary(g => g.Key, g =>
        {
            var grams = g.SelectMany(l => FourGrams(l.Text)).ToList();
            return grams.Count == 0 ? 1 : grams.Distinct(StringComparer.Ordinal).Count() / (double)grams.Count;
        });

    private static IEnumerable<string> FourGrams(string text)
    {
        var words = Regex.Matches(text.ToLowerInvariant(), @"[\p{L}\p{N}']+").Select(m => m.Value).ToList();
        for (var i = 0; i + 4 <= words.Count; i++)
        {
            yield return string.Join(' ', words.Skip(i).Take(4));
        }
    }
}
