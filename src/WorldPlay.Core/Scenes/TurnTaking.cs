using System.Collections.Immutable;

namespace WorldPlay.Core.Scenes;

/// <summary>Who may speak next in an ensemble scene. Only characters present at the scene's place are ever picked.</summary>
public static class TurnTaking
{
    /// <summary>The next speaker among <paramref name="present"/> (in cast order), or null when nobody is present.</summary>
    /// <param name="addressed">Characters the last line named or spoke to and who have not answered it yet, in order.</param>
    /// <param name="spokeSinceUser">Characters who already spoke since the user's last turn.</param>
    /// <param name="talkativeness">Each character's weight in [0, 1].</param>
    public static EntityId? Next(
        TurnTakingPolicy policy,
        IReadOnlyList<EntityId> present,
        IReadOnlyList<EntityId> addressed,
        IReadOnlySet<EntityId> spokeSinceUser,
        EntityId? lastSpeaker,
        IReadOnlyDictionary<EntityId, double> talkativeness,
        int turn,
        Random random)
    {
        if (present.Count == 0)
        {
            return null;
        }
        return policy switch
        {
            TurnTakingPolicy.AddressedFirst => addressed.FirstOrDefault(present.Contains) is { Value: not null } a
                ? a
                : Pooled(present, spokeSinceUser, lastSpeaker, talkativeness, random),
            TurnTakingPolicy.Pooled => Pooled(present, spokeSinceUser, lastSpeaker, talkativeness, random),
            TurnTakingPolicy.Weighted => Weighted(Others(present, lastSpeaker), talkativeness, random),
            TurnTakingPolicy.RoundRobin => RoundRobin(present, lastSpeaker),
            _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown turn-taking policy."),
        };
    }

    private static EntityId Pooled(
        IReadOnlyList<EntityId> present, IReadOnlySet<EntityId> spokeSinceUser, EntityId? lastSpeaker,
        IReadOnlyDictionary<EntityId, double> talkativeness, Random random)
    {
        var pool = present.Where(p => !spokeSinceUser.Contains(p) && p != lastSpeaker).ToList();
        return Weighted(pool.Count > 0 ? pool : Others(present, lastSpeaker), talkativeness, random);
    }

    private static List<EntityId> Others(IReadOnlyList<EntityId> present, EntityId? lastSpeaker)
    {
        var others = present.Where(p => p != lastSpeaker).ToList();
        return others.Count > 0 ? others : [.. present];
    }

    private static EntityId Weighted(IReadOnlyList<EntityId> candidates, IReadOnlyDictionary<EntityId, double> talkativeness, Random random)
    {
        // A floor keeps the quietest character in the draw.
        var weights = candidates.Select(c => Math.Max(0.05, talkativeness.TryGetValue(c, out var t) ? t : 0.5)).ToArray();
        var roll = random.NextDouble() * weights.Sum();
        for (var i = 0; i < candidates.Count; i++)
        {
            roll -= weights[i];
            if (roll <= 0)
            {
                return candidates[i];
            }
        }
        return candidates[^1];
    }

    private static EntityId RoundRobin(IReadOnlyList<EntityId> present, EntityId? lastSpeaker)
    {
        if (lastSpeaker is not { } last)
        {
            return present[0];
        }
        var index = -1;
        for (var i = 0; i < present.Count; i++)
        {
            if (present[i] == last)
            {
                index = i;
            }
        }
        return present[(index + 1) % present.Count];
    }

    /// <summary>The characters a line is meant for: explicit addressees first, then those named in it, in order of appearance.</summary>
    public static ImmutableArray<EntityId> AddressedBy(string text, IEnumerable<EntityId> explicitAddressees,
        IEnumerable<Entity> candidates)
    {
        var result = new List<EntityId>(explicitAddressees);
        var named = candidates
            .Select(c => (c.Id, Index: new[] { c.Name }.Concat(c.Aliases).Select(n => NameMention.IndexOf(text, n)).Where(i => i >= 0)
                .DefaultIfEmpty(-1).Min()))
            .Where(x => x.Index >= 0)
            .OrderBy(x => x.Index);
        foreach (var (id, _) in named)
        {
            if (!result.Contains(id))
            {
                result.Add(id);
            }
        }
        return [.. result];
    }
}
