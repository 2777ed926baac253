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
        return new StateAtTurn(
            world, turn, lastTurn, state.Version, state.StoryMinute, view.StateHash,
            [.. entities.Select(
                e => new EntityView(e.Id.Value, e.Kind, e.Name, e.Status, e.Location?.Value, e.Holder?.Value, e.Attributes))],
            [.. entities.Where(e => e.Kind == EntityKind.Place).Select(p => new PlaceView(
                p.Id.Value, p.Name,
                [.. entities.Where(e => e.Kind != EntityKind.Place && e.Holder is null && e.Location == p.Id).Select(e => e.Id.Value)]))],
            [.. state.Relationships.Values.Select(
                r => new RelationshipView(r.From.Value, r.To.Value, r.Type, r.Strength, r.Validity.FromTurn, r.Validity.FromEvent))],
            [.. state.Facts.Values.Select(
                f => new FactView(f.Id, f.Subject.Value, f.Predicate, f.Value, f.Validity.FromTurn, [.. f.KnownBy.Select(k => k.Value)]))]);
    }
}

public sealed record EntityView(
    string Id, EntityKind Kind, string Name, EntityStatus Status, string? Location, string? Holder,
        ImmutableSortedDictionary<string, string> Attributes);

/// <summary>A place and what stands at it (characters and loose items; held items go with their holder).</summary>
public sealed record PlaceView(string Id, string Name, ImmutableArray<string> Present);

/// <summary>A relationship that holds, with the turn and event it has held since.</summary>
public sealed record RelationshipView(string From, string To, string Type, double Strength, int SinceTurn, long SinceEvent);

public sealed record FactView(string Id, string Subject, string Predicate, string Value, int SinceTurn, ImmutableArray<string> KnownBy);

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
