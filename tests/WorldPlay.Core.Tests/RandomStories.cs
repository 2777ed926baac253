using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsCheck;
using WorldPlay.Core.Serialization;
using static WorldPlay.Testing.TestWorlds;

namespace WorldPlay.Core.Tests;

/// <summary>One turn's worth of randomness: how far the turn counter moves, where the scene is, and the dice for each proposal.
/// Plain numbers, so CsCheck can shrink a failing story toward zeros, which the interpreter reads as the ordinary choice.</summary>
public sealed record TurnDice(int TurnStep, int Scene, int Actor, int[][] Proposals);

/// <summary>One committed batch: the state it met, what was proposed and what the world made of it.</summary>
public sealed record Batch(WorldState Before, int Turn, EntityId? ScenePlace, ImmutableArray<Proposal> Proposals, CommitOutcome Outcome);

/// <summary>A random history of Harbortown: only accepted proposals became events.</summary>
public sealed record Story(WorldState Initial, ImmutableArray<Batch> Batches)
{
    public ImmutableArray<WorldEvent> Events { get; } = [.. Batches.SelectMany(b => b.Outcome.Accepted)];

    public WorldState Final => Batches.Length == 0 ? Initial : Batches[^1].Outcome.State;

    public int Rejections => Batches.Sum(b => b.Outcome.Rejected.Length);

    /// <summary>Every event with the state it was committed in.</summary>
    public IEnumerable<(WorldState Before, WorldEvent Event)> Steps()
    {
        var state = Initial;
        foreach (var e in Events)
        {
            yield return (state, e);
            state = state.Apply(e);
        }
    }

    /// <summary>The starting state and the state after every event, in order.</summary>
    public IEnumerable<WorldState> States()
    {
        var state = Initial;
        yield return state;
        foreach (var e in Events)
        {
            state = state.Apply(e);
            yield return state;
        }
    }

    /// <summary>A short transcript for failure reports.</summary>
    public string Describe()
    {
        var s = new StringBuilder();
        foreach (var b in Batches)
        {
            s.Append("turn ").Append(b.Turn).Append(" scene ").Append(b.ScenePlace?.Value ?? "-").AppendLine(":");
            foreach (var e in b.Outcome.Accepted)
            {
                s.Append("  + ").Append(e.Seq).Append(' ').Append(e.Actor).Append(' ').Append(Show(e.Change))
                    .Append(" causes [").AppendJoin(",", e.Causes).Append("] witnesses [").AppendJoin(",", e.Witnesses).AppendLine("]");
            }
            foreach (var r in b.Outcome.Rejected)
            {
                s.Append("  - ").Append(r.Proposal.Actor).Append(' ').Append(Show(r.Proposal.Change)).Append(" (").Append(r.Law)
                    .Append(") ").AppendLine(r.Reason);
            }
        }
        return s.ToString();
    }

    // Refused changes may carry NaN or infinite strengths, which plain JSON cannot write.
    private static readonly JsonSerializerOptions ShowOptions =
        new(CoreSerialization.Json) { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private static string Show(WorldChange change) => JsonSerializer.Serialize(change, ShowOptions);
}

/// <summary>Random valid event streams for Harbortown: random proposals (moves, travel, gifts, relationships with strengths
/// in and out of range, facts, statuses, time, speech, now and then a forbidden word or a bad reference) committed with
/// <see cref="Commitment.Commit"/>, so the stream holds only what the laws accepted.</summary>
public static class RandomStories
{
    private const int DicePerProposal = 8;

    private static readonly Gen<int> Die = Gen.Int[0, 9999];

    public static readonly Gen<int[]> ProposalDice = Die.Array[DicePerProposal];

    private static readonly Gen<TurnDice> Turn =
        Gen.Select(Die, Die, Die, ProposalDice.Array[1, 5], (step, scene, actor, proposals) => new TurnDice(step, scene, actor, proposals));

    /// <summary>Stories of up to <paramref name="maxTurns"/> turns.</summary>
    public static Gen<Story> Stories(int maxTurns = 40) => Turn.Array[0, maxTurns].Select(Play);

    /// <summary>Checks <paramref name="property"/> on a few hundred random stories, printing the transcript of a failing one.</summary>
    public static void Sample(Action<Story> property, int iterations = 150, int maxTurns = 40) =>
        Stories(maxTurns).Sample(property, iter: iterations, print: s => s.Describe());

    public static Story Play(TurnDice[] turns)
    {
        var initial = Initial;
        var state = initial;
        var turn = 0;
        var batches = ImmutableArray.CreateBuilder<Batch>();
        foreach (var t in turns)
        {
            // Most turns advance the counter by one; some stay on the same turn, a few skip one.
            turn += (t.TurnStep % 10) switch { < 2 => 0, < 9 => 1, _ => 2 };
            var actor = PickActor(state, new Dice([t.Actor]));
            var scene = (t.Scene % 10) switch
            {
                < 5 => (EntityId?)null,
                < 9 => state.WhereIs(actor),
                _ => AllPlaces[t.Scene / 10 % AllPlaces.Length],
            };
            var proposals = t.Proposals.Select(d => Propose(state, actor, new Dice(d))).ToImmutableArray();
            var outcome = Commitment.Commit(state, HarbortownLaws, turn, scene, proposals);
            batches.Add(new Batch(state, turn, scene, proposals, outcome));
            state = outcome.State;
        }
        return new Story(initial, batches.ToImmutable());
    }

    /// <summary>A proposal someone might make in <paramref name="state"/>: mostly plausible, sometimes not.</summary>
    public static Proposal Propose(WorldState state, EntityId turnActor, Dice d)
    {
        var actor = d.Chance(80) ? turnActor : PickActor(state, d);
        var here = state.WhereIs(actor);
        WorldChange change = d.Next(100) switch
        {
            < 20 => Speech(state, here, d),
            < 34 => new Moved(d.Chance(75) && here is { } h && state.Setting.PathsFrom(h).ToList() is { Count: > 0 } exits
                ? d.Pick(exits).B
                : d.Pick(AllPlaces.Add(Coin).Add(Mira))),
            < 41 => Travel(state, here, d),
            < 51 => new Gave(
                d.Chance(80) && state.ItemsHeldBy(actor).ToList() is { Count: > 0 } held ? d.Pick(held).Id : d.Pick(AllItems),
                d.Chance(80) && here is { } h2 && state.CharactersAt(h2).Where(c => c.Id != actor).ToList() is { Count: > 0 } near
                    ? d.Pick(near).Id
                    : d.Pick(AllCharacters.Add(Guild))),
            < 59 => new Took(d.Chance(70) && here is { } h3 && state.ItemsAt(h3).ToList() is { Count: > 0 } loose ? d.Pick(loose).Id
                : d.Pick(AllItems)),
            < 69 => new RelationshipChanged(
                d.Chance(90) ? actor : d.Pick(AllCharacters),
                d.Pick(AllCharacters.Add(Guild)),
                d.Pick(RelationshipTypes),
                Strength(d)),
            < 77 => new FactAsserted(
                d.Pick(FactIds),
                d.Pick(AllCharacters.AddRange(AllPlaces).Add(Lantern).Add(Guild)),
                d.Pick(Predicates),
                d.Pick(Values)),
            < 82 => new FactRetracted(d.Pick(FactIds)),
            < 87 => new StatusChanged(
                d.Pick(AllCharacters.Add(Lantern)),
                d.Next(10) switch { < 5 => EntityStatus.Alive, < 7 => EntityStatus.Dead, < 9 => EntityStatus.Missing,
                    _ => EntityStatus.Destroyed }),
            < 94 => new TimeAdvanced(d.Next(130) - 10),
            _ => d.Next(3) switch
            {
                0 => new Moved("atlantis"),
                1 => new Gave("ghost-ship", Mira),
                _ => new Spoke("Hello?", ["nobody"]),
            },
        };
        return new Proposal(actor, change, Causes(state, d));
    }

    private static readonly ImmutableArray<string> Lines =
    [
        "The tide turns early tonight.",
        "Have you seen my lantern?",
        "I owe you nothing, Oren.",
        "Meet me at the temple before the bells.",
        "Tom, stop grinning and listen.",
        "The sea map shows a harbor nobody has sailed to.",
        "They say electricity will light the harbor one day.",
        "A steam engine could haul these nets for us.",
        "The electrical eel in the market stinks.",
        "Captain, the fog is thick.",
    ];

    private static readonly ImmutableArray<string> RelationshipTypes = ["sibling", "rival", "owes", "trusts", "fears", " "];

    private static readonly ImmutableArray<string> FactIds = ["harbor-busy", "oren-debt", TomasSecret, "rumor-storm", "rumor-ship",
        "lamp-lit"];

    private static readonly ImmutableArray<string> Predicates = ["is", "owes", "fears", "hides", "runs on steam", "saw"];

    private static readonly ImmutableArray<string> Values =
        ["busy at dawn", "engine", "a storm coming", "the lantern", "electricity", "a ship with black sails", "the guild"];

    private static Spoke Speech(WorldState state, EntityId? here, Dice d)
    {
        var addressees = ImmutableArray.CreateBuilder<EntityId>();
        for (var n = d.Next(3); n > 0; n--)
        {
            var pick = d.Chance(80) && here is { } h && state.CharactersAt(h).ToList() is { Count: > 0 } near ? d.Pick(near).Id
                : d.Pick(AllCharacters);
            if (!addressees.Contains(pick))
            {
                addressees.Add(pick);
            }
        }
        return new Spoke(d.Chance(95) ? d.Pick(Lines) : "  ", addressees.ToImmutable());
    }

    private static Travelled Travel(WorldState state, EntityId? here, Dice d)
    {
        var to = d.Pick(AllPlaces);
        var shortest = here is { } from ? PlaceGraph.ShortestMinutes(state.Setting, from, to) : null;
        return new Travelled(to, (shortest ?? 30) + d.Next(40) - 10);
    }

    private static double Strength(Dice d) => d.Next(20) switch
    {
        < 16 => Math.Round((d.Next(2001) - 1000) / 1000.0, 3),
        16 => d.Chance(50) ? 1.5 : -1.5,
        17 => d.Chance(50) ? 1.0 : -1.0,
        18 => 1.0001,
        _ => d.Chance(50) ? double.NaN : double.PositiveInfinity,
    };

    private static ImmutableArray<long> Causes(WorldState state, Dice d) => d.Next(100) switch
    {
        < 75 => [],
        < 95 when state.Version > 0 => [1 + d.Next((int)state.Version)],
        < 95 => [],
        < 97 => [state.Version + 1],
        < 99 => [0],
        _ => [state.Version + 5],
    };

    private static EntityId PickActor(WorldState state, Dice d)
    {
        var roll = d.Next(100);
        var living = state.Entities.Values.Where(e => e.IsCharacter && e.Status == EntityStatus.Alive).Select(e => e.Id).ToList();
        return roll switch
        {
            < 88 when living.Count > 0 => d.Pick(living),
            < 97 => d.Pick(AllCharacters),
            _ => d.Pick(state.Entities.Keys.ToList()),
        };
    }
}

/// <summary>Reads a fixed array of numbers as a sequence of choices; past its end it keeps going with a simple mix.</summary>
public sealed class Dice(int[] values)
{
    private int _next;

    public int Next(int bound)
    {
        var i = _next++;
        var v = values.Length == 0 ? i : values[i % values.Length] + (i / values.Length * 7919);
        return (int)((uint)v % (uint)bound);
    }

    public bool Chance(int percent) => Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> options) => options[Next(options.Count)];
}
