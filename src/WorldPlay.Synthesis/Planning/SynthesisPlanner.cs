using System.Collections.Immutable;
using WorldPlay.Evaluation.Scenarios;
using WorldPlay.Synthesis.Sessions;

namespace WorldPlay.Synthesis.Planning;

/// <summary>Lays out a synthesis run: groups the source's scenarios, draws <c>sessions</c> of them by dispersion sampling, enriches
/// the skeletal ones, and deals styles and user profiles round-robin over the jobs.</summary>
public static class SynthesisPlanner
{
    /// <summary>The plan for <paramref name="sessions"/> jobs over <paramref name="scenarios"/>. Job i plays style i mod S and user
    /// i mod U with seed <paramref name="seed"/> + i, so every job differs from the others in seed even when it repeats a
    /// scenario.</summary>
    /// <exception cref="ArgumentException">No scenarios, fewer than one session, or no style or user.</exception>
    public static SynthesisPlan Plan(
        IReadOnlyList<Scenario> scenarios, int sessions, IReadOnlyList<string> styles, IReadOnlyList<string> users, int seed,
        bool enrich = true)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(styles);
        ArgumentNullException.ThrowIfNull(users);
        if (scenarios.Count == 0)
        {
            throw new ArgumentException("No scenarios to synthesize from: the source (with --offset and --limit) holds none.");
        }
        if (sessions < 1)
        {
            throw new ArgumentException($"--sessions must be at least 1 (got {sessions}).");
        }
        if (styles.Count == 0 || users.Count == 0)
        {
            throw new ArgumentException(styles.Count == 0 ? "--styles names no style." : "--users names no profile.");
        }
        var groups = ScenarioGrouping.Group(scenarios);
        var drawn = DispersionSampler.Draw(groups, sessions, seed);
        var enriched = new Dictionary<int, EnrichmentOutcome>();
        var order = new List<int>();
        foreach (var index in drawn.Where(i => !enriched.ContainsKey(i)).Distinct())
        {
            enriched[index] = enrich
                ? PromptEnricher.Enrich(scenarios[index])
                : new EnrichmentOutcome(scenarios[index], PromptEnricher.IsSkeletal(scenarios[index]), [], null);
            order.Add(index);
        }
        var jobs = drawn.Select((index, i) =>
        {
            var scenario = enriched[index].Scenario;
            return new SynthesisJob($"{scenario.Id}-s{seed + i}", scenario, styles[i % styles.Count], users[i % users.Count], seed + i);
        });
        return new SynthesisPlan(
            [.. jobs],
            [.. drawn.Select(i => groups.GroupOf[i])],
            DispersionSampler.Measure(groups, drawn),
            [.. order.Select(i => enriched[i])]);
    }
}
