namespace WorldPlay.Core.Laws;

/// <summary>Only the living act, and only the living receive.</summary>
public sealed class DeadDoNotAct : Law
{
    public override string Kind => "dead-do-not-act";

    public override string? Judge(WorldState state, WorldEvent proposed, EntityId? scenePlace)
    {
        var actor = state.Get(proposed.Actor);
        if (actor.IsCharacter && actor.Status != EntityStatus.Alive)
        {
            return $"{actor.Name} is {actor.Status.ToString().ToLowerInvariant()} and cannot act.";
        }
        return proposed.Change is Gave g && state.Get(g.To).Status != EntityStatus.Alive
            ? $"{NameOf(state, g.To)} is {state.Get(g.To).Status.ToString().ToLowerInvariant()} and cannot receive {NameOf(state, g.Item)}."
            : null;
    }
}
