using System.Collections.Immutable;
using WorldPlay.Evaluation.Scenarios;
using WorldPlay.Minds;
using AdversarialSituation = WorldPlay.Minds.AdversarialSituation;

namespace WorldPlay.Evaluation.SelfPlay;

/// <summary>One self-play session of a bench run: a scenario played against one simulated user with one seed.</summary>
/// <param name="Name">Unique in the run, also the transcript's file name: <c>&lt;scenario&gt;-&lt;user&gt;-r&lt;repeat&gt;</c>.</param>
/// <param name="User">The profile as the run asked for it (<c>adversarial</c>, <c>terse</c>, ...).</param>
/// <param name="Profile">The profile played, with the situation an adversarial user was given.</param>
/// <param name="Situation">For an adversarial user, the index of its situation in the run's list; null otherwise.</param>
/// <param name="Repeat">1-based; it is also the session's seed.</param>
public sealed record SelfPlaySession(string Name, Scenario Scenario, string User, UserProfile Profile, int? Situation, int Repeat)
{
    /// <summary>The seed of every random choice in the session: the repeat, so that repeat k of any run plays the same scene.</summary>
    public int Seed => Repeat;
}

/// <summary>Lays out the sessions of a bench run: every scenario, for every user profile, once per repeat.</summary>
public static class SelfPlayPlan
{
    /// <summary>The profile names a run accepts: the five styles and <c>adversarial:TAG</c> for a fixed built-in situation.</summary>
    public static ImmutableArray<string> ProfileNames { get; } = [.. UserProfile.All.Select(p => p.Name)];

    /// <summary>The sessions, scenario by scenario, then user, then repeat. A plain <c>adversarial</c> user plays
    /// <paramref name="situations"/>[(scenario index + repeat - 1) mod count], so repeats and neighbouring scenarios meet
    /// different situations and the same run always pairs them the same way.</summary>
    /// <exception cref="ArgumentException">An unknown or repeated profile, no scenarios, fewer than one repeat, or no
    /// situations.</exception>
    public static ImmutableArray<SelfPlaySession> Sessions(
        IReadOnlyList<Scenario> scenarios, IReadOnlyList<string> users, int repeats, IReadOnlyList<AdversarialSituation> situations)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(situations);
        if (scenarios.Count == 0)
        {
            throw new ArgumentException("No scenarios to play: the source (with --offset and --limit) holds none.");
        }
        if (repeats < 1)
        {
            throw new ArgumentException($"--repeats must be at least 1 (got {repeats}).");
        }
        if (users.Count == 0)
        {
            throw new ArgumentException($"--users names no profile; known: {string.Join(", ", ProfileNames)}.");
        }
        foreach (var user in users)
        {
            if (!ProfileNames.Contains(user))
            {
                throw new ArgumentException($"Unknown user profile '{user}'; known: {string.Join(", ", ProfileNames)}.");
            }
        }
        if (users.Distinct(StringComparer.Ordinal).Count() != users.Count)
        {
            throw new ArgumentException($"--users names a profile twice: {string.Join(",", users)}.");
        }
        if (situations.Count == 0 && users.Contains("adversarial"))
        {
            throw new ArgumentException("The adversarial user needs at least one situation; the situations file lists none.");
        }
        var sessions = ImmutableArray.CreateBuilder<SelfPlaySession>();
        for (var s = 0; s < scenarios.Count; s++)
        {
            foreach (var user in users)
            {
                for (var repeat = 1; repeat <= repeats; repeat++)
                {
                    var situation = user == "adversarial" ? (s + repeat - 1) % situations.Count : (int?)null;
                    var profile = situation is { } i ? UserProfile.Adversarial(situations[i]) : UserProfile.All.First(p => p.Name == user);
                    sessions.Add(
                        new SelfPlaySession(FileName($"{scenarios[s].Id}-{user}-r{repeat}"), scenarios[s], user, profile, situation,
                            repeat));
                }
            }
        }
        return sessions.ToImmutable();
    }

    /// <summary>The situations of a PingPong situations file as the user simulators play them.</summary>
    public static ImmutableArray<AdversarialSituation> Playable(IEnumerable<Scenarios.AdversarialSituation> situations) =>
        [.. situations.Select(s => new AdversarialSituation(s.Tags, s.Text, s.NumTurns))];

    /// <summary>A name safe as a file name on every system (<c>adversarial:fight</c> becomes <c>adversarial-fight</c>).</summary>
    private static string FileName(string name) =>
        string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-'));
}
