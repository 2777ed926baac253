using System.Collections.Immutable;
using WorldPlay.Evaluation.Scenarios;

namespace WorldPlay.Synthesis.Planning;

/// <summary>What prompt enrichment did to one scenario: the scenario to play (enriched, or the original when it was not skeletal,
/// nothing could be drawn from its text, or the world loader refused the enriched world), whether it was skeletal, what was added,
/// and the loader's first objection when it refused.</summary>
public sealed record EnrichmentOutcome(Scenario Scenario, bool Skeletal, ImmutableArray<WorldAddition> Added, string? Refused)
{
    /// <summary>True when the enriched world was loaded and is the one played.</summary>
    public bool Enriched => !Added.IsEmpty && Refused is null;
}
