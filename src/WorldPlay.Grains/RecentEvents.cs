using WorldPlay.Core;

namespace WorldPlay.Grains;

/// <summary>The events a live world keeps for <c>Perceive</c>: those after <see cref="After"/>, until every character that
/// perceives there has taken them in (and, past <see cref="Cap"/>, the oldest go anyway), so a live world holds about a round of
/// turns rather than its whole session. A character that asks for events that have gone is answered from the store.</summary>
internal sealed class RecentEvents
{
    /// <summary>The most events kept when someone lags.</summary>
    public const int Cap = 4_096;

    /// <summary>Events leave this many at a time, so trimming costs nothing per turn.</summary>
    private const int TrimChunk = 64;

    private readonly List<WorldEvent> _events = [];

    /// <summary>The version each character that perceives here has taken in.</summary>
    private readonly Dictionary<EntityId, long> _perceivedBy = [];

    /// <summary>The event the kept ones follow.</summary>
    public long After { get; private set; }

    /// <summary>Forgets every kept event: the next one added follows event <paramref name="after"/>.</summary>
    public void Restart(long after)
    {
        _events.Clear();
        After = after;
    }

    public void Add(IEnumerable<WorldEvent> events) => _events.AddRange(events);

    /// <summary>The events after <paramref name="afterSeq"/>, or null when some of them are no longer kept. Events are numbered
    /// without gaps, so they start at a known index.</summary>
    public IEnumerable<WorldEvent>? Since(long afterSeq) => afterSeq >= After ? _events.Skip((int)(afterSeq - After)) : null;

    /// <summary>Notes that <paramref name="who"/> has taken in the events up to <paramref name="version"/>, and drops those every
    /// perceiving character has.</summary>
    public void TakenIn(EntityId who, long version)
    {
        _perceivedBy[who] = version;
        if (_events.Count < TrimChunk * 2)
        {
            return;
        }
        var takenInByAll = _perceivedBy.Values.Min();
        var drop = (int)Math.Clamp(Math.Max(takenInByAll - After, _events.Count - Cap), 0, _events.Count);
        if (drop >= TrimChunk)
        {
            _events.RemoveRange(0, drop);
            After += drop;
        }
    }
}
