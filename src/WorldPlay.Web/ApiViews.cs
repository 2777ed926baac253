using System.Collections.Immutable;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Web;

/// <summary>A root world in the list of worlds, with every branch grown from it.</summary>
public sealed record WorldListing(string Key, string Name, int Turn, long Events, ImmutableArray<BranchEntry> Branches);

/// <summary>One world or branch at a glance: its summary, where it comes from, and the scenes played in it.</summary>
public sealed record WorldOverview(
    string Key, string Name, int Turn, long Events, long StoryMinute, int Entities, int Relationships, int Facts,
    WorldLineage Lineage, ImmutableArray<SceneListing> Scenes);

/// <summary>A scene declared by a world, its key for <c>/api/scenes/{key}/transcript</c>, and how far it was played.</summary>
public sealed record SceneListing(string Id, string Key, string Place, int Turn);

/// <summary>The branch tree of a world's family: its root and every branch with its fork point.</summary>
public sealed record BranchTree(string Root, WorldLineage Lineage, ImmutableArray<BranchEntry> Branches);

/// <summary>A world as it stood just after a turn: who and what exists, who is where, who feels what about whom, what holds.</summary>
public sealed record StateAtTurn(
    string World, int Turn, int LastTurn, long Event, long StoryMinute, string StateHash,
    ImmutableArray<EntityView> Entities, ImmutableArray<PlaceView> Places,
    ImmutableArray<RelationshipView> Relationships, ImmutableArray<FactView> Facts)
{
    public static StateAtTurn Of(string world, int turn, int lastTurn, StateView view)
    {
        var state = view.State;
        var entities = state.Entities.Values.ToImmutableArray();
        string Name(EntityId id) => state.Find(id)?.Name ?? id.Value;
        return new StateAtTurn(
            world, turn, lastTurn, state.Version, state.StoryMinute, view.StateHash,
            [.. entities.Select(
                e => new EntityView(e.Id.Value, e.Kind, e.Name, e.Status, e.Location?.Value, e.Holder?.Value, e.Attributes,
                    OriginView.Of(e.Origin, Name), e.KnownBy is { } known ? [.. known.Keys.Select(k => k.Value)] : null))],
            [.. entities.Where(e => e.Kind == EntityKind.Place).Select(p => new PlaceView(
                p.Id.Value, p.Name,
                [.. entities.Where(e => e.Kind != EntityKind.Place && e.Holder is null && e.Location == p.Id).Select(e => e.Id.Value)]))],
            [.. state.Relationships.Values.Select(
                r => new RelationshipView(r.From.Value, r.To.Value, r.Type, r.Strength, r.Validity.FromTurn, r.Validity.FromEvent,
                    OriginView.Of(r.Origin, Name)))],
            [.. state.Facts.Values.Select(
                f => new FactView(f.Id, f.Subject.Value, f.Predicate, f.Value, f.Validity.FromTurn, [.. f.KnownBy.Select(k => k.Value)],
                    OriginView.Of(f.Origin, Name)))]);
    }
}

/// <summary>An entity; one created in play carries its origin and who knows it (null for the designer's: everyone).</summary>
public sealed record EntityView(
    string Id, EntityKind Kind, string Name, EntityStatus Status, string? Location, string? Holder,
    ImmutableSortedDictionary<string, string> Attributes, OriginView? Origin = null, ImmutableArray<string>? KnownBy = null);

/// <summary>Who brought something into the world in play: <c>user</c> or <c>character</c>, who (id and name), the turn and event,
/// and all of it in words; the designer's file has no origin view.</summary>
public sealed record OriginView(string Source, string? By, string? ByName, int Turn, long Event, string Text)
{
    public static OriginView? Of(Origin? origin, Func<EntityId, string> name) => origin is null || origin.Source == OriginSource.Designer
        ? null
        : new OriginView(origin.Source.ToString().ToLowerInvariant(), origin.By?.Value, origin.By is { } by ? name(by) : null, origin.Turn,
            origin.Event, origin.Describe(name));
}

/// <summary>A place and what stands at it (characters and loose items; held items go with their holder).</summary>
public sealed record PlaceView(string Id, string Name, ImmutableArray<string> Present);

/// <summary>A relationship that holds, with the turn and event it has held since.</summary>
public sealed record RelationshipView(
    string From, string To, string Type, double Strength, int SinceTurn, long SinceEvent, OriginView? Origin = null);

public sealed record FactView(
    string Id, string Subject, string Predicate, string Value, int SinceTurn, ImmutableArray<string> KnownBy, OriginView? Origin = null);

/// <summary>A diff with the turns (or branches) it compares.</summary>
public sealed record DiffAnswer(string World, string? Against, int FromTurn, int ToTurn, TimelineDiff Diff);

/// <summary>Recorded turns of a scene.</summary>
public sealed record TranscriptPage(string Scene, string World, int LastTurn, ImmutableArray<TurnView> Turns);

/// <summary>One turn as a reader follows it: who spoke, what was said and narrated, what changed and what the laws refused.</summary>
public sealed record TurnView(int Turn, string Speaker, string SpeakerName, TurnRole Role, string Speech, string Narration,
    ImmutableArray<EventRef> Events, ImmutableArray<string> Rejected)
{
    public static TurnView Of(TurnRecord turn, Func<EntityId, string> name) => new(
        turn.Turn, turn.Speaker.Value, turn.SpeakerName, turn.Role, turn.Speech, turn.Narration,
        [.. turn.Accepted.Select(e => EventRef.Of(e, name))],
        [.. turn.Rejected.Select(r => r.Reason)]);
}
