using System.Collections.Immutable;
using MessagePack;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Core;

/// <summary>One branch of a world's story. A child branch continues after turn <see cref="ForkTurn"/> of its parent: it stores
/// only its own events and turns, and shares the parent's events up to <see cref="ForkSeq"/> instead of copying them.</summary>
[MessagePackObject]
public sealed record WorldBranch(
    [property: Key(0)] string Id,
    [property: Key(1)] string? Parent,
    [property: Key(2)] long ForkSeq,
    [property: Key(3)] int ForkTurn,
    [property: Key(4)] ImmutableArray<WorldEvent> OwnEvents,
    [property: Key(5)] ImmutableArray<TurnRecord> OwnTranscript)
{
    [IgnoreMember, System.Text.Json.Serialization.JsonIgnore]
    public bool IsRoot => Parent is null;
}

/// <summary>Where a branch came from: itself, its parent, its parent's parent, ... up to the root, each with its fork point.</summary>
public sealed record BranchLineage(string Id, ImmutableArray<WorldBranch> Chain)
{
    /// <summary>Branch ids from this branch up to the root.</summary>
    public ImmutableArray<string> Ancestors => [.. Chain.Skip(1).Select(b => b.Id)];
}

/// <summary>A whole world with every branch of its story: the definition, the scene and seed it was played with, and the branches
/// (the first one is the root, the original timeline; every other names an earlier branch as its parent).</summary>
[MessagePackObject]
public sealed record WorldBundle(
    [property: Key(0)] WorldDefinition Definition,
    [property: Key(1)] string SceneId,
    [property: Key(2)] int Seed,
    [property: Key(3)] ImmutableArray<WorldBranch> Branches)
{
    /// <summary>The id of the root branch of a bundle made from a single timeline.</summary>
    public const string MainBranch = "main";

    [IgnoreMember, System.Text.Json.Serialization.JsonIgnore]
    public WorldBranch Root => Branches[0];

    /// <summary>A bundle with one branch, <see cref="MainBranch"/>, holding the whole archive.</summary>
    public static WorldBundle FromArchive(TimelineArchive archive) =>
        new(archive.Definition, archive.SceneId, archive.Seed,
            [new WorldBranch(MainBranch, null, 0, 0, archive.Events, archive.Transcript)]);

    /// <summary>The branch with this id, or a message naming the branches there are.</summary>
    public WorldBranch Branch(string id) =>
        Branches.FirstOrDefault(b => b.Id == id)
        ?? throw new ArgumentException(
            $"No branch '{id}' in this world; its branches are: {string.Join(", ", Branches.Select(b => b.Id))}.");

    /// <summary>The branch, its parent, its parent's parent, ... up to the root.</summary>
    public BranchLineage Lineage(string id)
    {
        var chain = ImmutableArray.CreateBuilder<WorldBranch>();
        for (var b = Branch(id); ; b = Branch(b.Parent))
        {
            // Validated bundles have no loops; the bound keeps a damaged one from looping forever.
            if (chain.Count > Branches.Length)
            {
                throw new InvalidOperationException($"Branch '{id}' has a loop in its lineage.");
            }
            chain.Add(b);
            if (b.Parent is null)
            {
                break;
            }
        }
        return new BranchLineage(id, chain.ToImmutable());
    }

    /// <summary>Every event of a branch: its ancestors' events up to each fork point, then its own.</summary>
    public ImmutableArray<WorldEvent> EventsOf(string id)
    {
        var lineage = Lineage(id).Chain;
        var events = ImmutableArray.CreateBuilder<WorldEvent>();
        // Walk from the root down; each child cuts its parent's events at its own fork point.
        for (var i = lineage.Length - 1; i >= 0; i--)
        {
            var b = lineage[i];
            while (events.Count > b.ForkSeq)
            {
                events.RemoveAt(events.Count - 1);
            }
            events.AddRange(b.OwnEvents);
        }
        return events.ToImmutable();
    }

    /// <summary>Every turn of a branch's scene transcript: its ancestors' turns up to each fork turn, then its own.</summary>
    public ImmutableArray<TurnRecord> TranscriptOf(string id)
    {
        var lineage = Lineage(id).Chain;
        var turns = new List<TurnRecord>();
        for (var i = lineage.Length - 1; i >= 0; i--)
        {
            var b = lineage[i];
            if (!b.IsRoot)
            {
                turns.RemoveAll(t => t.Turn > b.ForkTurn);
            }
            turns.AddRange(b.OwnTranscript);
        }
        return [.. turns];
    }

    /// <summary>The timeline of a branch, rebuilt from the shared prefix and its own events.</summary>
    public Timeline Of(string id, int snapshotEvery = 64) =>
        Timeline.Start(WorldState.Initial(Definition), snapshotEvery).Append(EventsOf(id));

    /// <summary>A single-timeline archive of one branch, as older tools read it.</summary>
    public TimelineArchive ToArchive(string id) => new(Definition, EventsOf(id), TranscriptOf(id), SceneId, Seed);

    /// <summary>A new branch of <paramref name="parent"/> that continues after turn <paramref name="atTurn"/>: at that turn and every
    /// earlier one its state is the parent's. The new branch has no events of its own yet.</summary>
    public (WorldBundle Bundle, WorldBranch Branch) Fork(string parent, int atTurn, string? newId = null)
    {
        var timeline = Of(parent);
        var lastTurn = timeline.Current.Turn;
        if (atTurn < 0 || atTurn > lastTurn)
        {
            throw new ArgumentException($"Cannot fork branch '{parent}' at turn {atTurn}: it has turns 0 to {lastTurn}.");
        }
        var id = newId ?? FreeId($"{parent}-t{atTurn}");
        if (!EntityId.IsSlug(id))
        {
            throw new ArgumentException(
                $"'{id}' is not a valid branch name: use lowercase letters, digits and dashes (for example 'mira-stays').");
        }
        if (Branches.Any(b => b.Id == id))
        {
            throw new ArgumentException($"This world already has a branch '{id}'; choose another name.");
        }
        var branch = new WorldBranch(id, parent, timeline.LastEventOfTurn(atTurn), atTurn, [], []);
        return (this with { Branches = Branches.Add(branch) }, branch);
    }

    /// <summary>The bundle with <paramref name="events"/> and <paramref name="turns"/> added to the end of branch
    /// <paramref name="id"/>.</summary>
    public WorldBundle Continue(string id, IEnumerable<WorldEvent> events, IEnumerable<TurnRecord> turns)
    {
        var branch = Branch(id);
        var grown = branch with { OwnEvents = branch.OwnEvents.AddRange(events), OwnTranscript = branch.OwnTranscript.AddRange(turns) };
        return this with { Branches = Branches.Replace(branch, grown) };
    }

    private string FreeId(string wanted)
    {
        var id = wanted;
        for (var n = 2; Branches.Any(b => b.Id == id); n++)
        {
            id = $"{wanted}-{n}";
        }
        return id;
    }
}
