namespace WorldPlay.Core.Laws;

/// <summary>A character or item is at exactly one place (an item may instead be held), and a move starts where the mover is.</summary>
public sealed class OnePlaceAtATime : Law
{
    public override string Kind => "one-place-at-a-time";

    public override string? Judge(WorldState state, WorldEvent proposed, EntityId? scenePlace)
    {
        var to = proposed.Change switch
        {
            Moved m => m.To,
            Travelled t => t.To,
            _ => (EntityId?)null,
        };
        if (to is null)
        {
            return null;
        }
        var actor = state.Get(proposed.Actor);
        if (actor.Location is null)
        {
            return $"{actor.Name} is not at any place, so cannot leave one.";
        }
        return actor.Location == to ? $"{actor.Name} is already at {NameOf(state, to.Value)}." : null;
    }

    public override IEnumerable<string> Audit(WorldState state)
    {
        foreach (var e in state.Entities.Values)
        {
            if (e.IsCharacter && (e.Location is not { } place || state.Find(place)?.Kind != EntityKind.Place))
            {
                yield return $"{e.Name} is not at a place.";
            }
            if (e.Kind == EntityKind.Item && (e.Location is null) == (e.Holder is null))
            {
                yield return $"{e.Name} must be either at a place or held, not {(e.Holder is null ? "neither" : "both")}.";
            }
            if (e.IsCharacter && e.Holder is not null)
            {
                yield return $"{e.Name} is a character and cannot be held.";
            }
        }
    }
}
