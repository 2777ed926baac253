using System.Collections.Immutable;

namespace WorldPlay.Core;

/// <summary>The ordered events of one world with a snapshot of the state every <see cref="SnapshotEvery"/> events,
/// so any past state is a snapshot plus a short fold, never a replay from zero.</summary>
public sealed class Timeline
{
    private readonly ImmutableList<WorldState> _snapshots;

    private Timeline(WorldState initial, ImmutableList<WorldEvent> events, ImmutableList<WorldState> snapshots, WorldState current,
        int snapshotEvery)
    {
        Initial = initial;
        Events = events;
        _snapshots = snapshots;
        Current = current;
        SnapshotEvery = snapshotEvery;
    }

    public WorldState Initial { get; }

    public ImmutableList<WorldEvent> Events { get; }

    public WorldState Current { get; }

    public int SnapshotEvery { get; }

    public long Version => Current.Version;

    public static Timeline Start(WorldState initial, int snapshotEvery = 64)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(snapshotEvery, 1);
        return new Timeline(initial, [], [initial], initial, snapshotEvery);
    }

    /// <summary>The timeline with <paramref name="events"/> added. They must continue the numbering without gaps.</summary>
    public Timeline Append(IEnumerable<WorldEvent> events)
    {
        var list = Events.ToBuilder();
        var snapshots = _snapshots;
        var state = Current;
        foreach (var e in events)
        {
            if (e.Seq != state.Version + 1)
            {
                throw new InvalidOperationException($"Event {e.Seq} does not follow event {state.Version} of world '{state.Setting.Id}'.");
            }
            state = state.Apply(e);
            list.Add(e);
            if (e.Seq % SnapshotEvery == 0)
            {
                snapshots = snapshots.Add(state);
            }
        }
        return new Timeline(Initial, list.ToImmutable(), snapshots, state, SnapshotEvery);
    }

    /// <summary>The state just after event <paramref name="seq"/> (0: the starting state).</summary>
    public WorldState StateAt(long seq)
    {
        if (seq < 0 || seq > Version)
        {
            throw new ArgumentOutOfRangeException(nameof(seq), seq, $"World '{Initial.Setting.Id}' has events 0 to {Version}.");
        }
        if (seq == Version)
        {
            return Current;
        }
        var snapshot = _snapshots[(int)(seq / SnapshotEvery)];
        var state = snapshot;
        for (var i = snapshot.Version; i < seq; i++)
        {
            state = state.Apply(Events[(int)i]);
        }
        return state;
    }

    /// <summary>The state after every event of turn <paramref name="turn"/> and those before it.</summary>
    public WorldState StateAfterTurn(int turn) => StateAt(LastEventOfTurn(turn));

    /// <summary>The events of turn <paramref name="turn"/> alone, in order (empty when the turn committed nothing).</summary>
    public ImmutableList<WorldEvent> EventsOfTurn(int turn)
    {
        var first = LastEventOfTurn(turn - 1);
        return Events.GetRange((int)first, (int)(LastEventOfTurn(turn) - first));
    }

    /// <summary>The number of the last event at or before <paramref name="turn"/> (0 when none).</summary>
    public long LastEventOfTurn(int turn)
    {
        // Turns never decrease along the timeline, so a binary search finds the boundary.
        int lo = 0, hi = Events.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (Events[mid].Turn <= turn)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}
