using System.Collections.Immutable;

namespace WorldPlay.Core;

/// <summary>How one thing differs between the two sides of a diff.</summary>
public enum DiffKind
{
    /// <summary>Absent on the <c>from</c> side, present on the <c>to</c> side.</summary>
    Added,

    /// <summary>Present on both sides with a different value.</summary>
    Changed,

    /// <summary>Held on the <c>from</c> side and no longer holds (its validity ended) on the <c>to</c> side.</summary>
    Closed,

    /// <summary>Present on the <c>from</c> side and absent, with no record of closing, on the <c>to</c> side.</summary>
    Removed,
}

/// <summary>An entity (character, place, item, ...) that differs, with the fields that changed and the events that changed it.</summary>
public sealed record EntityDiff(EntityId Id, string Name, EntityKind EntityKind, DiffKind Kind, ImmutableArray<string> Fields,
    Entity? Before, Entity? After, ImmutableArray<EventRef> Events);

/// <summary>A relationship edge (from, type, to) that differs, with strengths before and after and the events responsible.</summary>
public sealed record RelationshipDiff(EntityId From, EntityId To, string Type, DiffKind Kind, double? StrengthBefore, double? StrengthAfter,
    Validity? Before, Validity? After, ImmutableArray<EventRef> Events);

/// <summary>A fact that differs, with its value before and after and the events responsible.</summary>
public sealed record FactDiff(string Id, EntityId Subject, string Predicate, DiffKind Kind, string? ValueBefore, string? ValueAfter,
    Validity? Before, Validity? After, ImmutableArray<EventRef> Events);

/// <summary>What changed between two states of a world (two turns of one timeline, or the ends of two branches),
/// grouped as a designer looks at it, each change with the events that made it.</summary>
public sealed record TimelineDiff(
    long FromEvent,
    int FromTurn,
    long ToEvent,
    int ToTurn,
    ImmutableArray<EntityDiff> Characters,
    ImmutableArray<EntityDiff> Places,
    ImmutableArray<EntityDiff> Items,
    ImmutableArray<EntityDiff> OtherEntities,
    ImmutableArray<RelationshipDiff> Relationships,
    ImmutableArray<FactDiff> Facts)
{
    /// <summary>True when nothing a designer can see differs.</summary>
    public bool IsEmpty => Characters.IsEmpty && Places.IsEmpty && Items.IsEmpty && OtherEntities.IsEmpty && Relationships.IsEmpty
        && Facts.IsEmpty;

    /// <summary>The changes from <paramref name="from"/> to <paramref name="to"/>, a later state of the same timeline;
    /// <paramref name="between"/> are the events after <paramref name="from"/> up to <paramref name="to"/>.</summary>
    public static TimelineDiff Between(WorldState from, WorldState to, IEnumerable<WorldEvent> between)
    {
        var names = EventRef.Names(to, from);
        var events = between.ToImmutableArray();
        return Compare(from, to, [.. events.Select(e => EventRef.Of(e, names))], events);
    }

    /// <summary>The changes from branch <c>from</c> to branch <c>to</c>, given each side's state and its events after their common fork
    /// point.
    /// Responsible events carry <see cref="EventRef.Side"/>.</summary>
    public static TimelineDiff Branches(WorldState from, IEnumerable<WorldEvent> fromEventsAfterFork, WorldState to,
        IEnumerable<WorldEvent> toEventsAfterFork)
    {
        var names = EventRef.Names(to, from);
        var fromEvents = fromEventsAfterFork.ToImmutableArray();
        var toEvents = toEventsAfterFork.ToImmutableArray();
        ImmutableArray<EventRef> refs =
        [
            .. fromEvents.Select(e => EventRef.Of(e, names) with { Side = "from" }),
            .. toEvents.Select(e => EventRef.Of(e, names) with { Side = "to" }),
        ];
        return Compare(from, to, refs, [.. fromEvents, .. toEvents]);
    }

    private static TimelineDiff Compare(WorldState from, WorldState to, ImmutableArray<EventRef> refs, ImmutableArray<WorldEvent> events)
    {
        ImmutableArray<EventRef> Touching(Func<WorldChange, WorldEvent, bool> touches) =>
            [.. refs.Where((_, i) => touches(events[i].Change, events[i]))];

        var entities = new List<EntityDiff>();
        foreach (var id in from.Entities.Keys.Union(to.Entities.Keys).Order())
        {
            var before = from.Find(id);
            var after = to.Find(id);
            var fields = FieldsChanged(before, after);
            if (before is not null && after is not null && fields.IsEmpty)
            {
                continue;
            }
            var kind = before is null ? DiffKind.Added : after is null ? DiffKind.Removed : DiffKind.Changed;
            var shown = (after ?? before)!;
            entities.Add(
                new EntityDiff(id, shown.Name, shown.Kind, kind, fields, before, after, Touching((c, e) => TouchesEntity(c, e, id))));
        }

        var relationships = new List<RelationshipDiff>();
        foreach (var key in from.Relationships.Keys.Union(to.Relationships.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            from.Relationships.TryGetValue(key, out var before);
            to.Relationships.TryGetValue(key, out var after);
            if (before is not null && after is not null && before.Strength.Equals(after.Strength) && before.Validity == after.Validity)
            {
                continue;
            }
            var kind = before is null ? DiffKind.Added
                : after is not null ? DiffKind.Changed
                : to.ClosedRelationships.Any(r => r.Key == key && r.Validity.FromEvent == before.Validity.FromEvent) ? DiffKind.Closed
                : DiffKind.Removed;
            var shown = (after ?? before)!;
            relationships.Add(new RelationshipDiff(
                shown.From, shown.To, shown.Type, kind, before?.Strength, after?.Strength, before?.Validity, after?.Validity,
                Touching((c, _) => c is RelationshipChanged r && Relationship.KeyOf(r.From, r.Type, r.To) == key)));
        }

        var facts = new List<FactDiff>();
        foreach (var id in from.Facts.Keys.Union(to.Facts.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            from.Facts.TryGetValue(id, out var before);
            to.Facts.TryGetValue(id, out var after);
            if (before is not null && after is not null && before.Value == after.Value && before.Predicate == after.Predicate
                && before.Validity == after.Validity)
            {
                continue;
            }
            var kind = before is null ? DiffKind.Added
                : after is not null ? DiffKind.Changed
                : to.ClosedFacts.Any(f => f.Id == id && f.Validity.FromEvent == before.Validity.FromEvent) ? DiffKind.Closed
                : DiffKind.Removed;
            var shown = (after ?? before)!;
            facts.Add(new FactDiff(
                id, shown.Subject, shown.Predicate, kind, before?.Value, after?.Value, before?.Validity, after?.Validity,
                Touching((c, _) => c is FactAsserted a && a.FactId == id || c is FactRetracted r && r.FactId == id)));
        }

        return new TimelineDiff(
            from.Version, from.Turn, to.Version, to.Turn,
            [.. entities.Where(e => e.EntityKind == EntityKind.Character)],
            [.. entities.Where(e => e.EntityKind == EntityKind.Place)],
            [.. entities.Where(e => e.EntityKind == EntityKind.Item)],
            [.. entities.Where(e => e.EntityKind is not (EntityKind.Character or EntityKind.Place or EntityKind.Item))],
            [.. relationships],
            [.. facts]);
    }

    private static ImmutableArray<string> FieldsChanged(Entity? before, Entity? after)
    {
        if (before is null || after is null)
        {
            return [];
        }
        var fields = ImmutableArray.CreateBuilder<string>();
        if (before.Location != after.Location)
        {
            fields.Add("location");
        }
        if (before.Holder != after.Holder)
        {
            fields.Add("holder");
        }
        if (before.Status != after.Status)
        {
            fields.Add("status");
        }
        if (before.Name != after.Name)
        {
            fields.Add("name");
        }
        if (!before.Attributes.SequenceEqual(after.Attributes))
        {
            fields.Add("attributes");
        }
        return fields.ToImmutable();
    }

    private static bool TouchesEntity(WorldChange change, WorldEvent e, EntityId id) => change switch
    {
        Moved or Travelled => e.Actor == id,
        Gave g => g.Item == id,
        Took t => t.Item == id,
        StatusChanged s => s.Entity == id,
        _ => false,
    };
}
