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
            EntityCreated c => JudgeCreation(state, c),
            PathOpened p when state.Get(p.From).Kind != EntityKind.Place || state.Get(p.To).Kind != EntityKind.Place =>
                "A path joins two places.",
            PathOpened p when p.From == p.To => "A path joins two different places.",
            PathOpened p when p.Minutes <= 0 => "A path takes some time to walk (minutes > 0).",
            PathOpened p when state.Setting.AreConnected(p.From, p.To) =>
                $"{NameOf(state, p.From)} and {NameOf(state, p.To)} are already connected.",
            DescriptionChanged d when string.IsNullOrWhiteSpace(d.Description) => $"{NameOf(state, d.Entity)} needs a description.",
            _ => null,
        };
    }

    /// <summary>A created entity has a new, well-formed id and a one-line name no other entity answers to, and stands where its kind
    /// stands: a character at a place (anywhere: a relative far away need not be present), an item at a place or held by a
    /// character, anything else nowhere.</summary>
    private static string? JudgeCreation(WorldState state, EntityCreated c)
    {
        var kind = c.EntityKind.ToString().ToLowerInvariant();
        if (!EntityId.IsSlug(c.Id.Value))
        {
            return $"'{c.Id}' is not a valid id: use lowercase letters, digits and dashes.";
        }
        if (state.Find(c.Id) is { } taken)
        {
            return $"There is already an entity '{c.Id}' ({taken.Name}); a new {kind} needs an id of its own.";
        }
        if (string.IsNullOrWhiteSpace(c.Name))
        {
            return $"A new {kind} needs a name.";
        }
        foreach (var name in (c.Aliases.IsDefault ? [] : c.Aliases).Prepend(c.Name))
        {
            // A name is shown on one line of what minds read, so it cannot break the line or pose as markup there.
            if (name.Any(ch => char.IsControl(ch) || ch is '<' or '>' or '\u2028' or '\u2029'))
            {
                return $"A name of the new {kind} breaks its line or holds '<' or '>': a name is one line without them.";
            }
            if (state.Entities.Values.FirstOrDefault(e => e.AnswersTo(name.Trim())) is { } other)
            {
                return $"'{name.Trim()}' already names {other.Name} ('{other.Id}'); a new {kind} needs a name of its own.";
            }
        }
        var place = c.Location is { } l ? state.Get(l) : null;
        var holder = c.Holder is { } h ? state.Get(h) : null;
        return c.EntityKind switch
        {
            EntityKind.Character when place?.Kind != EntityKind.Place =>
                $"A new character is at a place (it may be far from here); {c.Name} has {(place is null ? "none" : $"'{place.Name}'")}.",
            EntityKind.Character when holder is not null => $"{c.Name} is a character and cannot be held.",
            EntityKind.Character when c.Status == EntityStatus.Destroyed => $"{c.Name} is a character: alive, dead or missing.",
            EntityKind.Item when (place is null) == (holder is null) =>
                $"A new item lies at one place or is held by one character; {c.Name} has {(place is null ? "neither" : "both")}.",
            EntityKind.Item when place is not null && place.Kind != EntityKind.Place => $"'{place.Name}' is not a place.",
            EntityKind.Item when holder is not null && !holder.IsCharacter => $"'{holder.Name}' cannot hold things.",
            EntityKind.Place or EntityKind.Faction or EntityKind.Concept when place is not null || holder is not null =>
                $"A new {kind} is not at a place or held; only characters and items are.",
            _ => null,
        };
    }
}
