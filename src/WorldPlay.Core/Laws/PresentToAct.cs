namespace WorldPlay.Core.Laws;

/// <summary>In a scene, only those at the scene's place act or speak, and speech goes only to those present.</summary>
public sealed class PresentToAct : Law
{
    public override string Kind => "present-to-act";

    public override string? Judge(WorldState state, WorldEvent proposed, EntityId? scenePlace)
    {
        if (scenePlace is not { } scene)
        {
            return null;
        }
        var actor = state.Get(proposed.Actor);
        if (actor.Location != scene)
        {
            return $"{actor.Name} is at {PlaceName(state, actor.Location)}, not in the scene at {NameOf(state, scene)}, and cannot act " +
                "in it.";
        }
        if (proposed.Change is Spoke s)
        {
            foreach (var addressee in s.Addressees)
            {
                var who = state.Get(addressee);
                if (who.IsCharacter && who.Location != scene)
                {
                    return $"{actor.Name} speaks to {who.Name}, who is at {PlaceName(state, who.Location)}, not here at " +
                        $"{NameOf(state, scene)}.";
                }
            }
        }
        return null;
    }
}
