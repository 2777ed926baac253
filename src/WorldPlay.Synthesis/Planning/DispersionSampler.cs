using System.Collections.Immutable;

namespace WorldPlay.Synthesis.Planning;

/// <summary>Draws the scenarios of a synthesis run so that no group dominates: round-robin over the groups (each group, however
/// many scenarios it holds, gets every G-th job), and round-robin over the scenarios inside a group, in an order shuffled by the
/// seed. A trope that fills half the source fills 1/G of the jobs.</summary>
public static class DispersionSampler
{
    /// <summary>The scenario index of each of <paramref name="sessions"/> jobs.</summary>
    public static ImmutableArray<int> Draw(ScenarioGroups groups, int sessions, int seed)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentOutOfRangeException.ThrowIfLessThan(sessions, 0);
        var members = groups.Members;
        if (members.IsEmpty)
        {
            return [];
        }
        var random = new Random(seed);
        // Which groups get the extra jobs when sessions is not a multiple of the group count is the seed's choice, not the source's.
        var groupOrder = Shuffled(Enumerable.Range(0, members.Length), random);
        var insideOrder = members.Select(m => Shuffled(m, random)).ToArray();
        var taken = new int[members.Length];
        var drawn = ImmutableArray.CreateBuilder<int>(sessions);
        for (var j = 0; j < sessions; j++)
        {
            var g = groupOrder[j % groupOrder.Count];
            var inside = insideOrder[g];
            drawn.Add(inside[taken[g]++ % inside.Count]);
        }
        return drawn.MoveToImmutable();
    }

    /// <summary>The dispersion of a draw: the source's groups and the drawn jobs' groups.</summary>
    public static Dispersion Measure(ScenarioGroups groups, IReadOnlyList<int> drawn)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(drawn);
        var labels = groups.Labels;
        var before = Dispersion.Shares(labels, groups.GroupOf);
        var after = Dispersion.Shares(labels, drawn.Select(i => groups.GroupOf[i]));
        return new Dispersion(
            groups.Basis, before, after, Dispersion.Evenness(before), Dispersion.Evenness(after),
            before.Select(s => s.Share).DefaultIfEmpty().Max(), after.Select(s => s.Share).DefaultIfEmpty().Max());
    }

    private static List<int> Shuffled(IEnumerable<int> items, Random random)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }
}
