using System.Collections.Immutable;

namespace WorldPlay.Core;

/// <summary>What a designer asks "why" about: a relationship, a fact or an entity's status.</summary>
public abstract record WhyQuery
{
    /// <summary>The relationship from <paramref name="From"/> to <paramref name="To"/>, of any type unless <paramref name="Type"/> is
    /// given.</summary>
    public sealed record OfRelationship(EntityId From, EntityId To, string? Type = null) : WhyQuery;

    /// <summary>Whether the fact holds, and its value.</summary>
    public sealed record OfFact(string FactId) : WhyQuery;

    /// <summary>The entity's status (alive, dead, missing, destroyed).</summary>
    public sealed record OfStatus(EntityId Entity) : WhyQuery;
}

/// <summary>One event on a causal chain and how far it lies from the value asked about (0: it produced the value).</summary>
public sealed record CausalStep(int Depth, EventRef Event);

/// <summary>A current value the query matched ("Mira sibling Tomas 0.20") and the event that produced it, or null when it came with the
/// world.</summary>
public sealed record CausalValue(string Value, long? ProducedBy)
{
    /// <summary>Who brought the tie, fact or entity into the world (null: the designer's file, or nothing holds).</summary>
    public Origin? Origin { get; init; }

    /// <summary>The origin in words: "declared by the user (Wren) at turn 12, event 40"; null for the designer's file.</summary>
    public string? OriginText { get; init; }
}

/// <summary>The answer to "why": the values asked about as of an event, the events that produced them, and the chain of their causes back
/// to the roots.</summary>
public sealed record CausalAnswer(
    string Subject,
    long AtEvent,
    int AtTurn,
    ImmutableArray<CausalValue> Values,
    ImmutableArray<CausalStep> Chain,
    ImmutableArray<long> Roots,
    bool Truncated)
{
    /// <summary>Every event that changed the thing asked about, oldest first, up to <see cref="AtEvent"/>: its history.</summary>
    public ImmutableArray<EventRef> Changes { get; init; } = [];

    /// <summary>Spoken lines left out of <see cref="Chain"/> by <see cref="Brief"/>; 0 for the whole chain.</summary>
    public int SpokenLeftOut { get; init; }

    /// <summary>The answer without small talk: the chain keeps only the causes that changed the world's state (not speech),
    /// and not the events already in <see cref="Changes"/>; how many spoken lines were left out is kept.</summary>
    public CausalAnswer Brief()
    {
        var changes = Changes.Select(c => c.Seq).ToHashSet();
        var kept = Chain.Where(s => s.Event.Kind != "spoke" && !changes.Contains(s.Event.Seq)).ToImmutableArray();
        return this with { Chain = kept, SpokenLeftOut = SpokenLeftOut + Chain.Count(s => s.Event.Kind == "spoke") };
    }
}

/// <summary>Walks <see cref="WorldEvent.Causes"/> back from the event that set a value to the events nothing earlier caused.</summary>
public static class CausalChain
{
    /// <summary>How many cause links are followed before the walk stops and says so.</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>Why <paramref name="query"/> holds as it does just after event <paramref name="atEvent"/> (default: the last
    /// event).</summary>
    public static CausalAnswer Why(Timeline timeline, WhyQuery query, long? atEvent = null, int maxDepth = DefaultMaxDepth)
    {
        var seq = atEvent ?? timeline.Version;
        var state = timeline.StateAt(seq);
        var events = timeline.Events;
        return Why(state, s => s >= 1 && s <= events.Count ? events[(int)s - 1] : null, query, maxDepth);
    }

    /// <summary>Why <paramref name="query"/> holds as it does in <paramref name="state"/>; <paramref name="eventAt"/> finds an event by
    /// number (null when unknown).</summary>
    public static CausalAnswer Why(WorldState state, Func<long, WorldEvent?> eventAt, WhyQuery query, int maxDepth = DefaultMaxDepth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDepth, 0);
        string Name(EntityId id) => state.Find(id)?.Name ?? id.Value;
        var (subject, values) = Producers(state, eventAt, query, Name);

        var chain = ImmutableArray.CreateBuilder<CausalStep>();
        var roots = ImmutableArray.CreateBuilder<long>();
        var seen = new HashSet<long>();
        var frontier = new Queue<(long Seq, int Depth, long Below)>(
            values.Where(v => v.ProducedBy is not null).Select(v => (v.ProducedBy!.Value, 0, long.MaxValue)));
        var truncated = false;
        while (frontier.TryDequeue(out var next))
        {
            // A cause is always an earlier event; anything else would be a loop in a damaged file, so it is not followed.
            if (next.Seq >= next.Below || next.Seq > state.Version || !seen.Add(next.Seq) || eventAt(next.Seq) is not { } e)
            {
                continue;
            }
            var step = EventRef.Of(e, Name);
            chain.Add(new CausalStep(next.Depth, step));
            var causes = step.Causes.Where(c => c < e.Seq && c >= 1).ToList();
            if (causes.Count == 0)
            {
                roots.Add(e.Seq);
            }
            else if (next.Depth >= maxDepth)
            {
                truncated = true;
            }
            else
            {
                foreach (var c in causes)
                {
                    frontier.Enqueue((c, next.Depth + 1, e.Seq));
                }
            }
        }
        return new CausalAnswer(subject, state.Version, state.Turn, values, chain.ToImmutable(), [.. roots.Order()], truncated)
        {
            Changes = [.. History(state.Version, eventAt, query).Select(e => EventRef.Of(e, Name))],
        };
    }

    /// <summary>The events up to <paramref name="last"/> that changed what <paramref name="query"/> asks about, oldest first.</summary>
    private static IEnumerable<WorldEvent> History(long last, Func<long, WorldEvent?> eventAt, WhyQuery query)
    {
        for (var s = 1L; s <= last; s++)
        {
            if (eventAt(s) is { } e && Changes(e.Change, query))
            {
                yield return e;
            }
        }
    }

    private static bool Changes(WorldChange change, WhyQuery query) => (change, query) switch
    {
        (RelationshipChanged c, WhyQuery.OfRelationship q) => c.From == q.From && c.To == q.To && (q.Type is null || c.Type == q.Type),
        (FactAsserted c, WhyQuery.OfFact q) => c.FactId == q.FactId,
        (FactRetracted c, WhyQuery.OfFact q) => c.FactId == q.FactId,
        (StatusChanged c, WhyQuery.OfStatus q) => c.Entity == q.Entity,
        (EntityCreated c, WhyQuery.OfStatus q) => c.Id == q.Entity,
        _ => false,
    };

    private static (string Subject, ImmutableArray<CausalValue> Values) Producers(WorldState state, Func<long, WorldEvent?> eventAt,
        WhyQuery query, Func<EntityId, string> name)
    {
        switch (query)
        {
            case WhyQuery.OfRelationship q:
            {
                var subject = $"{name(q.From)} → {name(q.To)}" + (q.Type is null ? "" : $" ({q.Type})");
                var open = state.Relationships.Values.Where(r => r.From == q.From && r.To == q.To && (q.Type is null || r.Type == q.Type))
                    .ToList();
                if (open.Count > 0)
                {
                    return (subject,
                        [.. open.Select(r => new CausalValue($"{name(r.From)} {r.Type} {name(r.To)} ({r.Strength:0.00})",
                            Produced(r.Validity)) { Origin = r.Origin, OriginText = Words("declared by", r.Origin, name) })]);
                }
                var closed = state.ClosedRelationships.Where(r => r.From == q.From && r.To == q.To && (q.Type is null || r.Type == q.Type))
                    .ToList();
                if (closed.Count > 0)
                {
                    var last = closed.MaxBy(r => r.Validity.UntilEvent)!;
                    return (subject,
                        [new CausalValue($"no open {last.Type} relationship (closed at turn {last.Validity.UntilTurn})",
                            last.Validity.UntilEvent)]);
                }
                var known = state.Relationships.Values.Where(r => r.From == q.From || r.To == q.From)
                    .Select(r => $"{r.From.Value}:{r.To.Value} ({r.Type})");
                throw new ArgumentException(
                    $"No relationship from '{q.From}' to '{q.To}'{(q.Type is null ? "" : $" of type '{q.Type}'")} at event " +
                    $"{state.Version}; relationships of '{q.From}': {string.Join(", ", known.DefaultIfEmpty("none"))}.");
            }
            case WhyQuery.OfFact q:
            {
                var subject = $"fact {q.FactId}";
                if (state.Facts.TryGetValue(q.FactId, out var fact))
                {
                    return (subject, [new CausalValue($"{name(fact.Subject)} {fact.Predicate} {fact.Value}", Produced(fact.Validity))
                    {
                        Origin = fact.Origin,
                        OriginText = Words("asserted by", fact.Origin, name),
                    }]);
                }
                var closed = state.ClosedFacts.Where(f => f.Id == q.FactId).MaxBy(f => f.Validity.UntilEvent);
                if (closed is not null)
                {
                    return (subject,
                        [new CausalValue($"no longer holds (since turn {closed.Validity.UntilTurn})", closed.Validity.UntilEvent)]);
                }
                throw new ArgumentException(
                    $"No fact '{q.FactId}' at event {state.Version}; facts that hold: " +
                    $"{string.Join(", ", state.Facts.Keys.Take(20).DefaultIfEmpty("none"))}.");
            }
            case WhyQuery.OfStatus q:
            {
                var entity = state.Find(q.Entity)
                    ?? throw new ArgumentException(
                        $"No entity '{q.Entity}' in world '{state.Setting.Id}'; known: " +
                        $"{string.Join(", ", state.Entities.Keys.Select(k => k.Value))}.");
                long? producer = null;
                for (var s = state.Version; s >= 1; s--)
                {
                    if (eventAt(s) is { Change: StatusChanged c } && c.Entity == q.Entity)
                    {
                        producer = s;
                        break;
                    }
                }
                // A created entity's status is first set by the event that created it, when that event is in this timeline.
                if (producer is null && entity.Origin is { } o && eventAt(o.Event) is { Change: EntityCreated created }
                    && created.Id == q.Entity)
                {
                    producer = o.Event;
                }
                return ($"status of {entity.Name}", [new CausalValue(entity.Status.ToString().ToLowerInvariant(), producer)
                {
                    Origin = entity.Origin,
                    OriginText = Words($"{entity.Name} was created by", entity.Origin, name),
                }]);
            }
            default:
                throw new ArgumentException($"Unknown question kind '{query.GetType().Name}'.");
        }
    }

    private static string? Words(string verb, Origin? origin, Func<EntityId, string> name) =>
        origin is null || origin.Source == OriginSource.Designer ? null : $"{verb} {origin.Describe(name)}";

    private static long? Produced(Validity validity) => validity.FromEvent == 0 ? null : validity.FromEvent;
}
