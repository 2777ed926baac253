namespace WorldPlay.Core.Laws;

/// <summary>Only the holder of an item can give it, to someone at the same place; only a loose item at one's own place can be
/// taken.</summary>
public sealed class HolderGives : Law
{
    public override string Kind => "holder-gives";

    public override string? Judge(WorldState state, WorldEvent proposed, EntityId? scenePlace)
    {
        var actor = state.Get(proposed.Actor);
        switch (proposed.Change)
        {
            case Gave g:
                var item = state.Get(g.Item);
                if (item.Holder != actor.Id)
                {
                    return $"{actor.Name} cannot give {item.Name}: " +
                        $"{(item.Holder is { } h ? $"{NameOf(state, h)} holds it" : $"it lies at {PlaceName(state, item.Location)}")}.";
                }
                var to = state.Get(g.To);
                return to.Location != actor.Location
                    ? $"{actor.Name} cannot hand {item.Name} to {to.Name}, who is at {PlaceName(state, to.Location)}, not " +
                        $"{PlaceName(state, actor.Location)}."
                    : null;
            case Took t:
                var loose = state.Get(t.Item);
                if (loose.Holder is { } holder)
                {
                    return holder == actor.Id
                        ? $"{actor.Name} already holds {loose.Name}."
                        : $"{actor.Name} cannot take {loose.Name}: {NameOf(state, holder)} holds it.";
                }
                return loose.Location != actor.Location
                    ? $"{actor.Name} cannot take {loose.Name}: it is at {PlaceName(state, loose.Location)}, not " +
                        $"{PlaceName(state, actor.Location)}."
                    : null;
            default:
                return null;
        }
    }

    public override IEnumerable<string> Audit(WorldState state)
    {
        foreach (var item in state.Entities.Values.Where(e => e.Holder is not null))
        {
            if (state.Find(item.Holder!.Value) is not { IsCharacter: true })
            {
                yield return $"{item.Name} is held by '{item.Holder}', which is not a character.";
            }
        }
    }
}
