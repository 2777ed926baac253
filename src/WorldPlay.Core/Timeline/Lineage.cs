using System.Collections.Immutable;

namespace WorldPlay.Core;

/// <summary>Arithmetic on a family of worlds, where a branch reads its ancestors' events up to the point it forked
/// (their last shared event) and keeps only its own events in its own stream.</summary>
public static class Lineage
{
    /// <summary>The last event two worlds of one family share: where the one of them that is an ancestor of the other (or their
    /// nearest common ancestor) was left by each, the earlier of the two. Null when no world is above both.</summary>
    public static long? PartingSeq(FamilyMember a, FamilyMember b)
    {
        if (a.Root != b.Root)
        {
            return null;
        }
        var (inA, inB) = (Positions(a), Positions(b));
        var common = inA.Keys.Where(inB.ContainsKey).Select(k => Math.Min(inA[k], inB[k]));
        return common.Any() ? common.Max() : null;
    }

    /// <summary>The stretches of streams a branch forked at event <paramref name="seq"/> of a world reads, oldest first: what the
    /// world inherited (<paramref name="inherited"/>) up to that event, then the world's own stream <paramref name="own"/>, whose
    /// events come after event <paramref name="ownFrom"/>. Stretches that would add no event are left out.</summary>
    public static ImmutableArray<StreamStretch> BranchPrefix(IEnumerable<StreamStretch> inherited, string own, long ownFrom, long seq)
    {
        var prefix = inherited.Where(s => s.LastSeq > 0).Select(s => s with { LastSeq = Math.Min(s.LastSeq, seq) }).ToList();
        prefix = [.. prefix.Where((s, i) => i == 0 || prefix[i - 1].LastSeq < s.LastSeq)];
        if (seq > ownFrom)
        {
            prefix.Add(new StreamStretch(own, seq));
        }
        return [.. prefix];
    }

    /// <summary>A world's position in itself and each world above it: the earliest fork point on its way up to that world.</summary>
    private static Dictionary<string, long> Positions(FamilyMember member)
    {
        var positions = new Dictionary<string, long> { [member.Key] = member.Version };
        var seq = member.Version;
        foreach (var (parent, forkSeq) in member.Forks)
        {
            seq = Math.Min(seq, forkSeq);
            positions.TryAdd(parent, seq);
        }
        return positions;
    }
}

/// <summary>A world of the family of <see cref="Root"/> at <see cref="Version"/>, with the forks above it, nearest first: each
/// parent's key and the last event the world shares with it.</summary>
public sealed record FamilyMember(string Key, string Root, long Version, ImmutableArray<(string Parent, long Seq)> Forks);

/// <summary>The events of store stream <see cref="Stream"/> numbered up to <see cref="LastSeq"/>.</summary>
public sealed record StreamStretch(string Stream, long LastSeq);
