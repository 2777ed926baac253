using System.Collections.Immutable;
using MessagePack;

namespace WorldPlay.Core;

/// <summary>The state of a world after a number of events: a pure fold of its events over its starting state.
/// Collections are sorted so that every enumeration, hash and export is the same on every machine.</summary>
[MessagePackObject]
public sealed record WorldState(
    [property: Key(0)] WorldSetting Setting,
    [property: Key(1)] long Version,
    [property: Key(2)] int Turn,
    [property: Key(3)] long StoryMinute,
    [property: Key(4)] ImmutableSortedDictionary<EntityId, Entity> Entities,
    [property: Key(5)] ImmutableSortedDictionary<string, Relationship> Relationships,
    [property: Key(6)] ImmutableList<Relationship> ClosedRelationships,
    [property: Key(7)] ImmutableSortedDictionary<string, Fact> Facts,
    [property: Key(8)] ImmutableList<Fact> ClosedFacts)
{
    /// <summary>The state before any event: the world as its definition describes it.</summary>
    public static WorldState Initial(WorldDefinition definition)
    {
        var entities = definition.Entities.ToImmutableSortedDictionary(e => e.Id, e => e);
        var relationships = definition.Relationships.ToImmutableSortedDictionary(r => r.Key, r => r, StringComparer.Ordinal);
        var facts = definition.Facts.ToImmutableSortedDictionary(f => f.Id, f => f, StringComparer.Ordinal);
        return new WorldState(
            definition.Setting, 0, 0, definition.Setting.StartMinute, entities, relationships, [], facts, []);
    }

    public Entity? Find(EntityId id) => Entities.TryGetValue(id, out var e) ? e : null;

    public Entity Get(EntityId id) =>
        Find(id) ?? throw new KeyNotFoundException($"Unknown entity '{id}' in world '{Setting.Id}'.");

    /// <summary>Where an entity is: its own place, or for a held item the place of its holder.</summary>
    public EntityId? WhereIs(EntityId id)
    {
        var e = Find(id);
        for (var depth = 0; e is not null && depth < 8; depth++)
        {
            if (e.Location is { } place)
            {
                return place;
            }
            e = e.Holder is { } holder ? Find(holder) : null;
        }
        return null;
    }

    /// <summary>Characters at <paramref name="place"/> that are alive, in id order.</summary>
    public IEnumerable<Entity> CharactersAt(EntityId place) =>
        Entities.Values.Where(e => e.IsCharacter && e.Status == EntityStatus.Alive && e.Location == place);

    /// <summary>Items lying at <paramref name="place"/> (not held).</summary>
    public IEnumerable<Entity> ItemsAt(EntityId place) =>
        Entities.Values.Where(e => e.Kind == EntityKind.Item && e.Holder is null && e.Location == place);

    public IEnumerable<Entity> ItemsHeldBy(EntityId holder) =>
        Entities.Values.Where(e => e.Kind == EntityKind.Item && e.Holder == holder);

    /// <summary>Open relationships that start or end at <paramref name="who"/>.</summary>
    public IEnumerable<Relationship> RelationshipsOf(EntityId who) =>
        Relationships.Values.Where(r => r.From == who || r.To == who);

    public Relationship? RelationshipBetween(EntityId from, EntityId to, string type) =>
        Relationships.TryGetValue(Relationship.KeyOf(from, type, to), out var r) ? r : null;

    /// <summary>The entity whose name or alias is <paramref name="name"/>, if exactly one answers to it.</summary>
    public Entity? FindByName(string name)
    {
        Entity? found = null;
        foreach (var e in Entities.Values)
        {
            if (e.AnswersTo(name))
            {
                if (found is not null)
                {
                    return null;
                }
                found = e;
            }
        }
        return found;
    }

    /// <summary>The state after <paramref name="e"/>. The event must already have been judged lawful.</summary>
    public WorldState Apply(WorldEvent e)
    {
        var next = this with { Version = e.Seq, Turn = Math.Max(Turn, e.Turn), StoryMinute = Math.Max(StoryMinute, e.StoryMinute) };
        var folded = e.Change switch
        {
            Spoke => next,
            Moved m => next.Relocate(e.Actor, m.To),
            Travelled t => next.Relocate(e.Actor, t.To),
            Gave g => next.Update(g.Item, item => item with { Holder = g.To, Location = null }),
            Took t => next.Update(t.Item, item => item with { Holder = e.Actor, Location = null }),
            RelationshipChanged r => next.SetRelationship(r, e),
            FactAsserted f => next.AssertFact(f, e),
            FactRetracted f => next.RetractFact(f.FactId, e),
            StatusChanged s => next.Update(s.Entity, x => x with { Status = s.Status }),
            TimeAdvanced => next,
            EntityCreated c => next.Create(c, e),
            PathOpened p => next with { Setting = Setting with { Paths = Setting.Paths.Add(new PlaceLink(p.From, p.To, p.Minutes)) } },
            DescriptionChanged d => next.Update(d.Entity, x => x with { Attributes = x.Attributes.SetItem("description", d.Description) }),
            _ => throw new NotSupportedException($"No fold for change kind '{e.Change.Kind}'."),
        };
        // Seeing comes before being told: someone standing in the room is known as met, not as heard of.
        var seen = folded.SeeAround(e);
        return e.Change is Spoke spoke ? seen.Tell(spoke, e) : seen;
    }

    /// <summary>The state after each of <paramref name="events"/> in order.</summary>
    public WorldState ApplyAll(IEnumerable<WorldEvent> events)
    {
        var state = this;
        foreach (var e in events)
        {
            state = state.Apply(e);
        }
        return state;
    }

    private WorldState Relocate(EntityId who, EntityId place) => Update(who, x => x with { Location = place, Holder = null });

    private WorldState Update(EntityId id, Func<Entity, Entity> change) =>
        this with { Entities = Entities.SetItem(id, change(Get(id))) };

    private WorldState SetRelationship(RelationshipChanged r, WorldEvent e)
    {
        var key = Relationship.KeyOf(r.From, r.Type, r.To);
        var closed = ClosedRelationships;
        if (Relationships.TryGetValue(key, out var old))
        {
            closed = closed.Add(old with { Validity = old.Validity.Close(e.Seq, e.Turn) });
        }
        // A tie keeps the origin of whoever first declared it; a change of strength is not a new declaration.
        var origin = old is null ? Origin.Of(this, e) : old.Origin;
        var opened = new Relationship(r.From, r.To, r.Type, r.Strength, new Validity(e.Seq, e.Turn, null, null), origin);
        return this with { Relationships = Relationships.SetItem(key, opened), ClosedRelationships = closed };
    }

    private WorldState AssertFact(FactAsserted f, WorldEvent e)
    {
        var state = Facts.ContainsKey(f.FactId) ? RetractFact(f.FactId, e) : this;
        var knownBy = e.Witnesses.Add(e.Actor).ToImmutableSortedSet();
        var validity = new Validity(e.Seq, e.Turn, null, null);
        var fact = new Fact(f.FactId, f.Subject, f.Predicate, f.Value, validity, knownBy, Origin.Of(this, e));
        return state with { Facts = state.Facts.SetItem(f.FactId, fact) };
    }

    private WorldState Create(EntityCreated c, WorldEvent e)
    {
        // A created character knows itself and a holder knows what it holds, wherever they are; the rest know it by witnessing.
        var knowers = e.Witnesses.Add(e.Actor);
        if (c.EntityKind == EntityKind.Character)
        {
            knowers = knowers.Add(c.Id);
        }
        if (c.Holder is { } holder)
        {
            knowers = knowers.Add(holder);
        }
        var knownBy = knowers.Distinct().ToImmutableSortedDictionary(w => w, _ => new Learned(e.Seq, e.Turn, null));
        var attributes = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(c.Description))
        {
            attributes = attributes.Add("description", c.Description.Trim());
        }
        if (c.EntityKind == EntityKind.Character)
        {
            attributes = attributes.Add("role", "npc");
        }
        var entity = new Entity(
            c.Id, c.EntityKind, c.Name.Trim(), Aliases(c), attributes, c.Status, c.Location, c.Holder,
            Origin.Of(this, e), knownBy);
        return this with { Entities = Entities.Add(c.Id, entity) };
    }

    /// <summary>The aliases as the laws judged them: trimmed, blank ones dropped.</summary>
    private static ImmutableArray<string> Aliases(EntityCreated c) =>
        c.Aliases.IsDefault ? [] : [.. c.Aliases.Select(a => a.Trim()).Where(a => a.Length > 0)];

    /// <summary>Those alive where an event happens (where its actor is afterwards) see the place and each other: each comes to
    /// know the created place and the created characters there, as met (no one told them).</summary>
    private WorldState SeeAround(WorldEvent e)
    {
        if (WhereIs(e.Actor) is not { } placeId || Find(placeId) is not { } place)
        {
            return this;
        }
        var present = CharactersAt(placeId).ToList();
        var entities = Entities;
        foreach (var seen in present.Prepend(place).Where(x => x.KnownBy is not null))
        {
            var knownBy = seen.KnownBy!;
            foreach (var who in present.Where(p => !seen.KnownBy!.ContainsKey(p.Id)))
            {
                knownBy = knownBy.Add(who.Id, new Learned(e.Seq, e.Turn, null));
            }
            if (!ReferenceEquals(knownBy, seen.KnownBy))
            {
                entities = entities.SetItem(seen.Id, seen with { KnownBy = knownBy });
            }
        }
        return ReferenceEquals(entities, Entities) ? this : this with { Entities = entities };
    }

    /// <summary>Those who hear a speaker name a created entity the speaker knows come to know it, told by the speaker.</summary>
    private WorldState Tell(Spoke s, WorldEvent e)
    {
        var entities = Entities;
        foreach (var entity in Entities.Values)
        {
            if (entity.KnownBy is not { } knownBy || !knownBy.ContainsKey(e.Actor) || e.Witnesses.All(knownBy.ContainsKey)
                || !NameMention.Mentions(s.Text, entity))
            {
                continue;
            }
            var told = knownBy;
            foreach (var listener in e.Witnesses.Where(w => !knownBy.ContainsKey(w)))
            {
                told = told.Add(listener, new Learned(e.Seq, e.Turn, e.Actor));
            }
            entities = entities.SetItem(entity.Id, entity with { KnownBy = told });
        }
        return ReferenceEquals(entities, Entities) ? this : this with { Entities = entities };
    }

    private WorldState RetractFact(string factId, WorldEvent e)
    {
        if (!Facts.TryGetValue(factId, out var old))
        {
            return this;
        }
        return this with
        {
            Facts = Facts.Remove(factId),
            ClosedFacts = ClosedFacts.Add(old with { Validity = old.Validity.Close(e.Seq, e.Turn) }),
        };
    }
}
