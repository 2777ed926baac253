using System.Collections.Immutable;
using MessagePack;

namespace WorldPlay.Core.Minds;

/// <summary>The part of the world state one character can perceive right now: its place, who and what is there,
/// its own relationships and the facts it knows. Never the omniscient state.</summary>
[MessagePackObject]
public sealed record WorldSlice(
    [property: Key(0)] string WorldName,
    [property: Key(1)] string Language,
    [property: Key(2)] int Turn,
    [property: Key(3)] long StoryMinute,
    [property: Key(4)] PlaceView Place,
    [property: Key(5)] ImmutableArray<PresentView> Present,
    [property: Key(6)] ImmutableArray<ItemView> Items,
    [property: Key(7)] ImmutableArray<RelationshipView> Relationships,
    [property: Key(8)] ImmutableArray<FactView> Facts,
    [property: Key(9)] ImmutableArray<CreationView> Creations = default)
{
    /// <summary>Relationships kept in a slice: the strongest first.</summary>
    public const int MaxRelationships = 12;

    /// <summary>Facts kept in a slice: about those present first, then the newest.</summary>
    public const int MaxFacts = 16;

    /// <summary>Created entities kept in a slice: those named in the lines just heard first, then those present, then the newest.</summary>
    public const int MaxCreations = 24;

    /// <summary>Ties kept for each created entity: the strongest first.</summary>
    public const int MaxTiesPerCreation = 4;

    /// <summary>What <paramref name="self"/> perceives in <paramref name="state"/>. Of what was created during play it sees only what
    /// it knows (<see cref="Entity.IsKnownBy"/>) or has in front of it (its place, the living characters there): nothing else
    /// shows, not even as the far end of a tie or an exit. <paramref name="heard"/> are the lines just heard, oldest first: what they
    /// name is kept first among the creations, however long ago it was made.</summary>
    public static WorldSlice Of(WorldState state, EntityId self, IReadOnlyList<string>? heard = null)
    {
        var me = state.Get(self);
        var placeId = state.WhereIs(self) ?? throw new InvalidOperationException($"{me.Name} is not at any place.");
        var place = state.Get(placeId);
        string Name(EntityId id) => state.Find(id)?.Name ?? id.Value;
        bool InSight(Entity e) => e.Id == placeId || e is { IsCharacter: true, Status: EntityStatus.Alive } && e.Location == placeId;
        bool Knows(Entity e) => e.IsKnownBy(self) || InSight(e);
        bool KnowsId(EntityId id) => state.Find(id) is not { } e || Knows(e);
        bool KnowsBothEnds(Relationship r) => KnowsId(r.From) && KnowsId(r.To);
        RelationshipView View(Relationship r) => new(r.From, Name(r.From), r.Type, r.To, Name(r.To), r.Strength);

        // Read once: every person present shows the ties between them and self, and the slice lists self's strongest ties.
        var mine = state.RelationshipsOf(self).ToList();
        var exits = state.Setting.PathsFrom(placeId)
            .Where(p => KnowsId(p.B))
            .Select(p => new ExitView(p.B, Name(p.B), p.Minutes))
            .ToImmutableArray();
        var present = state.CharactersAt(placeId)
            .Where(c => c.Id != self)
            .Select(c => new PresentView(
                c.Id,
                c.Name,
                c.Attribute("pronouns") ?? "they",
                c.Attribute("role") == "user",
                [.. mine.Where(r => r.From == c.Id || r.To == c.Id).Select(View)]))
            .ToImmutableArray();
        var presentIds = present.Select(p => p.Id).Append(self).ToHashSet();
        var items = state.ItemsAt(placeId)
            .Concat(state.Entities.Values.Where(e => e.Kind == EntityKind.Item && e.Holder is { } h && presentIds.Contains(h)))
            .Where(Knows)
            .Select(i => new ItemView(i.Id, i.Name, i.Holder, i.Holder is { } h ? Name(h) : null))
            .ToImmutableArray();
        var relationships = mine
            .Where(KnowsBothEnds)
            .OrderByDescending(r => Math.Abs(r.Strength)).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Take(MaxRelationships)
            .Select(View)
            .ToImmutableArray();
        var facts = state.Facts.Values
            .Where(f => f.IsKnownBy(self))
            .OrderByDescending(f => presentIds.Contains(f.Subject))
            .ThenByDescending(f => f.Validity.FromEvent)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .Take(MaxFacts)
            .Select(f => new FactView(f.Id, f.Subject, Name(f.Subject), f.Predicate, f.Value, f.KnownBy.Count == 1))
            .ToImmutableArray();

        CreationView Creation(Entity e)
        {
            var holder = e.Holder is { } h && KnowsId(h) ? h : (EntityId?)null;
            var at = e.Kind is EntityKind.Character or EntityKind.Item ? state.WhereIs(e.Id) : null;
            var by = e.Provenance.By is { } b && KnowsId(b) ? Name(b) : null;
            var toldBy = e.KnownBy is { } known && known.TryGetValue(self, out var learned) && learned.ToldBy is { } t ? Name(t) : null;
            var ties = state.RelationshipsOf(e.Id)
                .Where(KnowsBothEnds)
                .OrderByDescending(r => Math.Abs(r.Strength)).ThenBy(r => r.Key, StringComparer.Ordinal)
                .Take(MaxTiesPerCreation)
                .Select(View)
                .ToImmutableArray();
            return new CreationView(e.Id, e.Kind, e.Name, e.Attribute("description") ?? "",
                at is { } a && KnowsId(a) ? Name(a) : null, e.Provenance.Source, by, e.Provenance.Turn, toldBy, ties,
                holder is { } held ? Name(held) : null);
        }

        // The latest line that names it; within one line a full name or alias beats a first name that may fit several.
        int LastNamed(Entity e)
        {
            for (var i = (heard?.Count ?? 0) - 1; i >= 0; i--)
            {
                if (NameMention.Mentions(heard![i], e))
                {
                    var full = NameMention.IndexOf(heard[i], e.Name) >= 0 || e.Aliases.Any(a => NameMention.IndexOf(heard[i], a) >= 0);
                    return (2 * i) + (full ? 1 : 0);
                }
            }
            return -1;
        }

        var creations = state.Entities.Values
            .Where(e => e.Origin is not null && e.Id != self && Knows(e))
            .OrderByDescending(LastNamed)
            .ThenByDescending(InSight)
            .ThenByDescending(e => e.Provenance.Event)
            .ThenBy(e => e.Id)
            .Take(MaxCreations)
            .Select(Creation)
            .ToImmutableArray();
        return new WorldSlice(
            state.Setting.Name,
            state.Setting.Language,
            state.Turn,
            state.StoryMinute,
            new PlaceView(placeId, place.Name, place.Attribute("description") ?? "", exits),
            present,
            items,
            relationships,
            facts,
            creations);
    }
}
