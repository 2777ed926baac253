using System.Collections.Immutable;
using WorldPlay.Core;

namespace WorldPlay.Minds;

/// <summary>How a simulated user picks between regenerated replies.</summary>
public enum ChoiceRule
{
    /// <summary>Keeps the reply with the fewest problems (ties and a share of <see cref="ChoicePolicy.Noise"/> picked at
    /// random).</summary>
    Quality,

    /// <summary>A planted bias: always keeps the longest reply, whatever its problems.</summary>
    Longer,

    /// <summary>A planted bias: always keeps the reply shown first (the one it asked to replace).</summary>
    First,
}

/// <summary>One reply a simulated user chooses between: its length in characters and how many problems it has (the caller counts
/// them, e.g. with the bench's detectors).</summary>
public sealed record ReplyCandidate(int Length, int Problems);

/// <summary>When a simulated user regenerates a reply, which alternative it keeps and when it leaves the session: the preference
/// signals of self-play. Regenerations are concentrated on narrative pivots (<see cref="IsPivot"/>), as people regenerate the
/// replies that decide where a story goes. Every decision is a pure function of the session's seed, the turn and what is asked,
/// so the same session plays the same way every time.</summary>
/// <param name="Group">The user group the policy belongs to: the simulator profile's name.</param>
/// <param name="OrdinaryRate">Chance to regenerate an ordinary reply.</param>
/// <param name="PivotRate">Chance to regenerate a reply at a narrative pivot.</param>
/// <param name="MaxRegenerations">At most this many regenerations of one turn; each further one is half as likely.</param>
/// <param name="Choice">How the alternative to keep is picked.</param>
/// <param name="Noise">Chance that a <see cref="ChoiceRule.Quality"/> user picks at random instead.</param>
/// <param name="AbandonRate">Chance to leave the session after any reply.</param>
/// <param name="AbandonAfterProblem">Added chance to leave after a kept reply with problems.</param>
/// <param name="Bias">The planted bias's name (<c>longer</c>, <c>first</c>, <c>regenerates</c>), or null.</param>
public sealed record ChoicePolicy(
    string Group,
    double OrdinaryRate,
    double PivotRate,
    int MaxRegenerations,
    ChoiceRule Choice,
    double Noise,
    double AbandonRate,
    double AbandonAfterProblem,
    string? Bias = null)
{
    /// <summary>The biases that can be planted in a group (<see cref="Plant"/>).</summary>
    public static ImmutableArray<string> Biases { get; } = ["longer", "first", "regenerates"];

    /// <summary>The world changes that make a turn a narrative pivot: someone or something enters the world or changes status
    /// (dies, goes missing), a tie between two entities changes, an item changes hands.</summary>
    public static ImmutableArray<string> PivotKinds { get; } =
        ["entity-created", "status-changed", "relationship-changed", "gave", "took"];

    /// <summary>The policy a profile plays by default: people who push the plot regenerate more, terse users less; all choose by
    /// quality with some noise.</summary>
    public static ChoicePolicy For(UserProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.Style switch
        {
            UserStyle.FastPlot => new(profile.Name, 0.05, 0.60, 3, ChoiceRule.Quality, 0.15, 0.004, 0.04),
            UserStyle.Terse => new(profile.Name, 0.02, 0.35, 1, ChoiceRule.Quality, 0.25, 0.008, 0.05),
            _ => new(profile.Name, 0.04, 0.50, 2, ChoiceRule.Quality, 0.15, 0.004, 0.04),
        };
    }

    /// <summary>This policy with <paramref name="bias"/> planted: <c>longer</c> always keeps the longest reply, <c>first</c> always
    /// keeps the first, <c>regenerates</c> regenerates most replies whether they matter or not.</summary>
    /// <exception cref="ArgumentException">An unknown bias.</exception>
    public ChoicePolicy Plant(string bias) => bias switch
    {
        "longer" => this with { Choice = ChoiceRule.Longer, Noise = 0, Bias = bias },
        "first" => this with { Choice = ChoiceRule.First, Noise = 0, Bias = bias },
        "regenerates" => this with { OrdinaryRate = 0.6, PivotRate = 0.7, MaxRegenerations = 3, Bias = bias },
        _ => throw new ArgumentException($"Unknown bias '{bias}'; known: {string.Join(", ", Biases)}."),
    };

    /// <summary>True when <paramref name="events"/> hold a change of a <see cref="PivotKinds"/> kind.</summary>
    public static bool IsPivot(IEnumerable<WorldEvent> events) =>
        (events ?? throw new ArgumentNullException(nameof(events))).Any(e => PivotKinds.Contains(e.Change.Kind));

    /// <summary>Whether the user asks for another reply to turn <paramref name="turn"/>, having asked
    /// <paramref name="regenerated"/> times already.</summary>
    public bool Regenerates(int seed, int turn, int regenerated, bool pivot)
    {
        if (regenerated >= MaxRegenerations)
        {
            return false;
        }
        var rate = (pivot ? PivotRate : OrdinaryRate) * Math.Pow(0.5, regenerated);
        return Draw(seed, turn, 1 + regenerated) < rate;
    }

    /// <summary>The index of the reply the user keeps among <paramref name="candidates"/> (the first is the one shown first).</summary>
    public int Choose(int seed, int turn, IReadOnlyList<ReplyCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfZero(candidates.Count);
        switch (Choice)
        {
            case ChoiceRule.First:
                return 0;
            case ChoiceRule.Longer:
                return Enumerable.Range(0, candidates.Count).MaxBy(i => candidates[i].Length);
            default:
                var random = new Random(Mix(seed, turn, 101));
                if (random.NextDouble() < Noise)
                {
                    return random.Next(candidates.Count);
                }
                var fewest = candidates.Min(c => c.Problems);
                var best = Enumerable.Range(0, candidates.Count).Where(i => candidates[i].Problems == fewest).ToList();
                return best[random.Next(best.Count)];
        }
    }

    /// <summary>Whether the user leaves the session right after the reply it kept at turn <paramref name="turn"/>.</summary>
    public bool Abandons(int seed, int turn, ReplyCandidate kept)
    {
        ArgumentNullException.ThrowIfNull(kept);
        var rate = AbandonRate + (kept.Problems > 0 ? AbandonAfterProblem : 0);
        return Draw(seed, turn, 211) < rate;
    }

    private double Draw(int seed, int turn, int salt) => new Random(Mix(seed, turn, salt)).NextDouble();

    /// <summary>A seed for one decision, stable across processes (string hashes are randomised per process, so the group's name
    /// is folded in by hand).</summary>
    private int Mix(int seed, int turn, int salt)
    {
        var group = Group.Aggregate(17, (h, c) => unchecked((h * 31) + c));
        return unchecked((((seed * 1_000_003) + turn) * 8191) + (salt * 131) + group);
    }
}
