using WorldPlay.Contracts;
using WorldPlay.Core;

namespace WorldPlay.Grains;

/// <summary>Reads a world's events a page at a time, so no single reply carries a whole long timeline.</summary>
internal static class WorldEventPages
{
    public const int PageSize = 5000;

    /// <summary>Every event of <paramref name="world"/> after event <paramref name="afterSeq"/>.</summary>
    public static async Task<List<WorldEvent>> EventsAfterAsync(this IWorldGrain world, long afterSeq)
    {
        var events = new List<WorldEvent>();
        for (var next = afterSeq; ; next = events[^1].Seq)
        {
            var page = await world.Events(next, PageSize);
            events.AddRange(page.Events);
            if (page.Events.IsEmpty || page.Events[^1].Seq >= page.Version)
            {
                return events;
            }
        }
    }
}
