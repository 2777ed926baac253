using System.Collections.Immutable;
using WorldPlay.Synthesis.Sessions;

namespace WorldPlay.Synthesis.Planning;

/// <summary>What a synthesis run will play: the jobs (a scenario, a style, a user profile and a seed each), the group each job's
/// scenario belongs to, how the draw changed the distribution of groups, and what prompt enrichment did to the drawn
/// scenarios.</summary>
/// <param name="JobGroups">The group label of job i's scenario.</param>
/// <param name="Enrichments">One outcome per distinct scenario drawn, in order of first draw.</param>
public sealed record SynthesisPlan(
    ImmutableArray<SynthesisJob> Jobs,
    ImmutableArray<string> JobGroups,
    Dispersion Dispersion,
    ImmutableArray<EnrichmentOutcome> Enrichments)
{
    /// <summary>Drawn scenarios that were skeletal.</summary>
    public int Skeletal => Enrichments.Count(e => e.Skeletal);

    /// <summary>Drawn scenarios played with an enriched world.</summary>
    public int Enriched => Enrichments.Count(e => e.Enriched);

    /// <summary>Enrichments the world loader refused (the original world was played).</summary>
    public int Refused => Enrichments.Count(e => e.Refused is not null);
}
