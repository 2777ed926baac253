namespace WorldPlay.Core.Scenes;

/// <summary>World events in plain words, for summaries, transcripts and terminals.</summary>
public static class EventText
{
    /// <summary>What happened, e.g. "Mira gave the brass lantern to Tomas."; speech is clipped to <paramref name="maxSpeech"/>
    /// characters.</summary>
    public static string Describe(WorldEvent e, Func<EntityId, string> name, int maxSpeech = 80)
    {
        var who = name(e.Actor);
        return e.Change switch
        {
            Spoke s => $"{who} said: {Clip(s.Text, maxSpeech)}",
            Moved m => $"{who} went to {name(m.To)}.",
            Travelled t => $"{who} travelled to {name(t.To)} ({t.Minutes} min).",
            Gave g => $"{who} gave {name(g.Item)} to {name(g.To)}.",
            Took t => $"{who} took {name(t.Item)}.",
            RelationshipChanged r => $"{name(r.From)} now {r.Type} {name(r.To)} ({r.Strength:0.00}).",
            FactAsserted f => $"{name(f.Subject)} {f.Predicate} {Clip(f.Value, maxSpeech)} (fact {f.FactId}).",
            FactRetracted f => $"Fact {f.FactId} no longer holds.",
            StatusChanged s => $"{name(s.Entity)} is now {s.Status.ToString().ToLowerInvariant()}.",
            TimeAdvanced t => $"{t.Minutes} minutes passed.",
            EntityCreated c => $"{who} brought {c.EntityKind.ToString().ToLowerInvariant()} {c.Name} into the world"
                + (c.Location is { } at ? $" (at {name(at)})." : c.Holder is { } by ? $" (held by {name(by)})." : "."),
            PathOpened p => $"A path now joins {name(p.From)} and {name(p.To)} ({p.Minutes} min).",
            DescriptionChanged d => $"{name(d.Entity)} is now described: {Clip(d.Description, maxSpeech)}",
            _ => $"{who}: {e.Change.Kind}.",
        };
    }

    /// <summary>A proposal in plain words, as if it had happened.</summary>
    public static string Describe(Proposal p, Func<EntityId, string> name) =>
        Describe(new WorldEvent(0, 0, 0, p.Actor, null, p.Change, [], []), name);

    private static string Clip(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
