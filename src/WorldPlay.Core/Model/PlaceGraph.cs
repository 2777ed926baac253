namespace WorldPlay.Core;

/// <summary>Routes through a setting's place graph.</summary>
public static class PlaceGraph
{
    /// <summary>The minutes of the quickest route from <paramref name="from"/> to <paramref name="to"/>, or null when none
    /// exists.</summary>
    public static int? ShortestMinutes(WorldSetting setting, EntityId from, EntityId to) => Route(setting, from, to)?.Minutes;

    /// <summary>The next place on the quickest route from <paramref name="from"/> to <paramref name="to"/>, or null when there is none or
    /// they are the same.</summary>
    public static EntityId? NextStep(WorldSetting setting, EntityId from, EntityId to) => Route(setting, from, to)?.FirstStep;

    private static (int Minutes, EntityId? FirstStep)? Route(WorldSetting setting, EntityId from, EntityId to)
    {
        if (from == to)
        {
            return (0, null);
        }
        // Dijkstra over a handful of places; a sorted set keyed by (minutes, id) keeps it deterministic.
        var best = new Dictionary<EntityId, (int Minutes, EntityId? FirstStep)> { [from] = (0, null) };
        var frontier = new SortedSet<(int Minutes, EntityId Place)>(Comparer<(int, EntityId)>.Create((a, b) =>
            a.Item1 != b.Item1 ? a.Item1.CompareTo(b.Item1) : a.Item2.CompareTo(b.Item2))) { (0, from) };
        while (frontier.Count > 0)
        {
            var (minutes, place) = frontier.Min;
            frontier.Remove(frontier.Min);
            if (place == to)
            {
                return best[place];
            }
            foreach (var path in setting.PathsFrom(place))
            {
                var total = minutes + path.Minutes;
                if (!best.TryGetValue(path.B, out var known) || total < known.Minutes)
                {
                    if (best.ContainsKey(path.B))
                    {
                        frontier.Remove((known.Minutes, path.B));
                    }
                    best[path.B] = (total, best[place].FirstStep ?? path.B);
                    frontier.Add((total, path.B));
                }
            }
        }
        return null;
    }
}
