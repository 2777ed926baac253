namespace WorldPlay.Core.Laws;

/// <summary>Walking goes only to a connected place; a longer journey is a travel event that takes at least as long as the shortest
/// route.</summary>
public sealed class ConnectedMoves : Law
{
    public override string Kind => "connected-moves";

    public override string? Judge(WorldState state, WorldEvent proposed, EntityId? scenePlace)
    {
        var from = state.Get(proposed.Actor).Location;
        switch (proposed.Change)
        {
            case Moved m when from is { } here && !state.Setting.AreConnected(here, m.To):
                var exits = string.Join(", ", state.Setting.PathsFrom(here).Select(p => NameOf(state, p.B)));
                return $"{NameOf(state, proposed.Actor)} cannot walk from {NameOf(state, here)} to {NameOf(state, m.To)}: they are not " +
                    $"connected (paths lead to {(exits.Length == 0 ? "nowhere" : exits)}).";
            case Travelled t when from is { } start:
                var shortest = PlaceGraph.ShortestMinutes(state.Setting, start, t.To);
                if (shortest is null)
                {
                    return $"No route leads from {NameOf(state, start)} to {NameOf(state, t.To)}.";
                }
                return t.Minutes < shortest
                    ? $"Travelling from {NameOf(state, start)} to {NameOf(state, t.To)} takes at least {shortest} minutes, not {t.Minutes}."
                    : null;
            default:
                return null;
        }
    }
}
