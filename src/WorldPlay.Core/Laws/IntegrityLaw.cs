namespace WorldPlay.Core.Laws;

/// <summary>Always on: the actor is a character, every named entity exists and is of the right kind, and causes point to earlier
/// events.</summary>
public sealed class IntegrityLaw : Law
{
    public override string Kind => "integrity";

    public override string? Judge(WorldState state, WorldEvent proposed, EntityId? scenePlace)
    {
        if (state.Find(proposed.Actor) is not { } actor)
        {
            return $"'{proposed.Actor}' is not an entity of world '{state.Setting.Id}'.";
        }
        if (!actor.IsCharacter)
        {
            return $"{actor.Name} is a {actor.Kind.ToString().ToLowerInvariant()}; only characters act.";
        }
        foreach (var id in proposed.Change.References())
        {
            if (state.Find(id) is null)
            {
                return $"{NameOf(state, proposed.Actor)} refers to '{id}', which is not an entity of world '{state.Setting.Id}'.";
            }
        }
        foreach (var cause in proposed.Causes)
        {
            if (cause < 1 || cause >= proposed.Seq)
            {
                return $"Cause {cause} is not an earlier event (this would be event {proposed.Seq}).";
            }
        }
        return proposed.Change switch
        {
            Moved m when state.Get(m.To).Kind != EntityKind.Place => $"'{NameOf(state, m.To)}' is not a place one can walk to.",
            Travelled t when state.Get(t.To).Kind != EntityKind.Place => $"'{NameOf(state, t.To)}' is not a place one can travel to.",
            Travelled t when t.Minutes <= 0 => "Travel must take some time (minutes > 0).",
            Gave g when state.Get(g.Item).Kind != EntityKind.Item => $"'{NameOf(state, g.Item)}' is not an item.",
            Gave g when !state.Get(g.To).IsCharacter => $"'{NameOf(state, g.To)}' is not someone who can receive things.",
            Took t when state.Get(t.Item).Kind != EntityKind.Item => $"'{NameOf(state, t.Item)}' is not an item.",
            RelationshipChanged r when string.IsNullOrWhiteSpace(r.Type) => "A relationship needs a type (sibling, rival, owes, ...).",
            RelationshipChanged r when r.From == r.To => $"{NameOf(state, r.From)} cannot have a relationship with itself.",
            FactAsserted f when string.IsNullOrWhiteSpace(f.FactId) => "A fact needs an id.",
            FactRetracted f when !state.Facts.ContainsKey(f.FactId) => $"There is no current fact '{f.FactId}' to retract.",
            TimeAdvanced t when t.Minutes <= 0 => "Time can only advance (minutes > 0).",
            Spoke s when string.IsNullOrWhiteSpace(s.Text) => "Nothing was said.",
            _ => null,
        };
    }
}
