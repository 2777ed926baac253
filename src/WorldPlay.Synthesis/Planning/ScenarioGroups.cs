using System.Collections.Immutable;

namespace WorldPlay.Synthesis.Planning;

/// <summary>How a scenario source was split into groups for dispersion sampling: by the tags its records carry, or, when they
/// carry none, by clusters of their persona and scene text.</summary>
public static class GroupingBasis
{
    /// <summary>Each scenario's first tag (a character card's first tag, a world file's genre).</summary>
    public const string Tags = "tags";

    /// <summary>Clusters of persona and scene text (<see cref="TextClusters"/>).</summary>
    public const string TextClusters = "text-clusters";
}

/// <summary>The group of every scenario of a source, in source order, and what the groups were formed from
/// (<see cref="GroupingBasis"/>).</summary>
/// <param name="GroupOf">The group label of scenario i, such as <c>fantasy</c> or <c>school · rival · family</c>.</param>
public sealed record ScenarioGroups(string Basis, ImmutableArray<string> GroupOf)
{
    /// <summary>The labels in order of first appearance.</summary>
    public ImmutableArray<string> Labels => [.. GroupOf.Distinct(StringComparer.Ordinal)];

    /// <summary>The indices of the scenarios of each group, groups in order of first appearance.</summary>
    public ImmutableArray<ImmutableArray<int>> Members =>
        [.. Labels.Select(label => Enumerable.Range(0, GroupOf.Length).Where(i => GroupOf[i] == label).ToImmutableArray())];
}
