using System.Collections.Immutable;

namespace WorldPlay.Synthesis.Planning;

/// <summary>The distribution of groups in the source (<see cref="Before"/>) and in the drawn jobs (<see cref="After"/>), each
/// with its evenness (Shannon entropy over the log of the number of groups: 1 when every group is equally large) and its largest
/// group's share.</summary>
public sealed record Dispersion(
    string Basis,
    ImmutableArray<GroupShare> Before,
    ImmutableArray<GroupShare> After,
    double EvennessBefore,
    double EvennessAfter,
    double LargestShareBefore,
    double LargestShareAfter)
{
    /// <summary>The distribution of <paramref name="groupOf"/>'s labels, in the order of <paramref name="labels"/> (a label
    /// without members counts 0).</summary>
    public static ImmutableArray<GroupShare> Shares(IReadOnlyList<string> labels, IEnumerable<string> groupOf)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var counts = groupOf.GroupBy(g => g, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var total = Math.Max(1, counts.Values.Sum());
        return [.. labels.Select(l => new GroupShare(l, counts.GetValueOrDefault(l), (double)counts.GetValueOrDefault(l) / total))];
    }

    /// <summary>Shannon entropy of the shares divided by the log of the number of groups (1 for a single group).</summary>
    public static double Evenness(IReadOnlyList<GroupShare> shares)
    {
        ArgumentNullException.ThrowIfNull(shares);
        if (shares.Count <= 1)
        {
            return 1;
        }
        var entropy = -shares.Where(s => s.Share > 0).Sum(s => s.Share * Math.Log(s.Share));
        return entropy / Math.Log(shares.Count);
    }
}
