using System.Collections.Immutable;
using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WorldPlay.Client;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Scenes;
using WorldPlay.Hosting;

namespace WorldPlay.Cli.Timelines;

/// <summary>A world file opened on one branch: what every file-mode timeline command starts from.</summary>
internal sealed record OpenedWorld(string Path, WorldBundle Bundle, string Branch, Timeline Timeline)
{
    public static Option<string?> BranchOption(string description = "The branch to read (default: the root branch, 'main'; with " +
        "--cluster: --world).") =>
        new("--branch", "-b") { Description = description };

    public static async Task<OpenedWorld> OpenAsync(FileInfo file, string? branch, CancellationToken cancellationToken)
    {
        var bundle = await TimelineFile.ReadAsync(file.FullName, cancellationToken);
        return Open(file.FullName, bundle, branch ?? bundle.Root.Id);
    }

    public static OpenedWorld Open(string path, WorldBundle bundle, string branch) =>
        new(path, bundle, branch, bundle.Of(bundle.Branch(branch).Id));

    public int LastTurn => Timeline.Current.Turn;

    /// <summary>Checks that <paramref name="turn"/> is a turn of this branch, naming the option in the message.</summary>
    public int Turn(int turn, string option) =>
        turn < 0 || turn > LastTurn
            ? throw new ArgumentException($"{option} {turn} is outside branch '{Branch}', which has turns 0 to {LastTurn}.")
            : turn;

    public string Name(EntityId id) => Timeline.Current.Find(id)?.Name ?? id.Value;
}

/// <summary>Where a timeline command reads its world: a world file, or a world on a cluster (<c>--cluster FILE --world KEY</c>).</summary>
internal sealed class WorldSource
{
    public Argument<FileInfo?> File { get; } = new("file")
    {
        Description = "A world file written by 'worldplay simulate --out FILE', 'fork', 'export' or 'import' (MessagePack or JSON); or " +
            "give --cluster and --world instead.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<FileInfo?> Cluster { get; } = new("--cluster")
    {
        Description = "Read the world from the cluster this cluster file describes (e.g. .worldplay/cluster.json from 'worldplay cluster " +
            "up') instead of a file; needs --world.",
    };

    public Option<string?> World { get; } = new("--world", "-w") { Description = "With --cluster: the key of the world on the cluster." };

    public void AddTo(Command command)
    {
        command.Arguments.Insert(0, File);
        command.Options.Add(Cluster);
        command.Options.Add(World);
    }

    /// <summary>The world file, or null when the world is on a cluster; one of the two forms must be given, and only one.</summary>
    public FileInfo? FileOf(ParseResult result)
    {
        var file = result.GetValue(File);
        var cluster = result.GetValue(Cluster);
        var world = result.GetValue(World);
        return (file, cluster, world) switch
        {
            ({ } f, null, null) => f,
            (null, not null, not null) => null,
            (not null, _, _) => throw new ArgumentException("Give a world FILE or --cluster FILE --world KEY, not both."),
            _ => throw new ArgumentException("Give a world FILE, or --cluster FILE and --world KEY for a world on a cluster."),
        };
    }

    /// <summary>The world opened on <paramref name="branch"/> (default: the root branch of a file, --world on a cluster).</summary>
    public async Task<OpenedWorld> OpenAsync(ParseResult result, string? branch, CancellationToken cancellationToken)
    {
        if (FileOf(result) is { } file)
        {
            return await OpenedWorld.OpenAsync(file, branch, cancellationToken);
        }
        var key = result.GetValue(World)!;
        var bundle = await OnClusterAsync(result, grains => ReadFamilyAsync(grains, key), cancellationToken);
        return OpenedWorld.Open($"{result.GetValue(Cluster)!.FullName}#{key}", bundle, branch ?? key);
    }

    /// <summary>The whole world: a file's bundle, or on a cluster the family of --world (its root and every branch).</summary>
    public async Task<WorldBundle> ReadAsync(ParseResult result, CancellationToken cancellationToken) =>
        FileOf(result) is { } file
            ? await TimelineFile.ReadAsync(file.FullName, cancellationToken)
            : await OnClusterAsync(result, grains => ReadFamilyAsync(grains, result.GetValue(World)!), cancellationToken);

    /// <summary>Connects to the --cluster and runs <paramref name="work"/> with its grains.</summary>
    public async Task<T> OnClusterAsync<T>(ParseResult result, Func<IGrainFactory, Task<T>> work, CancellationToken cancellationToken)
    {
        var cluster = ClusterFile.Read(result.GetValue(Cluster)!.FullName);
        var host = await WorldPlayClientHosting.ConnectAsync(cluster, cancellationToken: cancellationToken);
        try
        {
            return await work(host.Services.GetRequiredService<IGrainFactory>());
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
        }
    }

    /// <summary>Checks that world <paramref name="key"/> exists on the cluster, naming the root worlds there are when it does
    /// not.</summary>
    public static async Task<WorldHandle> ExistingAsync(WorldPlayClient client, string key)
    {
        var world = client.World(key);
        try
        {
            await world.DefinitionAsync();
            return world;
        }
        catch (InvalidOperationException)
        {
            throw new ArgumentException($"No world '{key}' on this cluster; its root worlds are: " +
                $"{string.Join(", ", await client.WorldsAsync())}.");
        }
    }

    /// <summary>The family of world <paramref name="key"/> as the bundle a world file holds: the root world first, then every branch
    /// (parents before children, as the family made them), each with only the events and turns after its fork point.</summary>
    private static async Task<WorldBundle> ReadFamilyAsync(IGrainFactory grains, string key)
    {
        var client = new WorldPlayClient(grains);
        var world = await ExistingAsync(client, key);
        var lineage = await world.LineageAsync();
        var definition = await world.DefinitionAsync();
        var scene = await SceneOfAsync(grains, definition, lineage.Root);
        var worlds = new List<(string Key, ForkPoint? Origin)> { (lineage.Root, null) };
        worlds.AddRange((await world.BranchesAsync()).Select(b => (b.Key, (ForkPoint?)b.Origin)));
        var branches = ImmutableArray.CreateBuilder<WorldBranch>();
        foreach (var (branchKey, origin) in worlds)
        {
            var forkSeq = origin?.Seq ?? 0;
            var forkTurn = origin?.Turn ?? 0;
            var events = await client.World(branchKey).EventsAsync().Where(e => e.Seq > forkSeq).ToArrayAsync();
            var turns = scene is null
                ? []
                : await TranscriptOfAsync(client, $"{branchKey}/{scene.SceneId}", forkTurn);
            branches.Add(new WorldBranch(branchKey, origin?.Parent, forkSeq, forkTurn, [.. events], turns));
        }
        return new WorldBundle(definition, scene?.SceneId ?? "", scene?.Seed ?? 0, branches.ToImmutable());
    }

    /// <summary>The options of the first scene of the definition that is open on world <paramref name="key"/>, or null if
    /// none is.</summary>
    private static async Task<SceneOptions?> SceneOfAsync(IGrainFactory grains, WorldDefinition definition, string key)
    {
        foreach (var scene in definition.Scenes)
        {
            try
            {
                return (await grains.GetGrain<ISceneGrain>($"{key}/{scene.Id}").Setup()).Options;
            }
            catch (InvalidOperationException)
            {
                // Not open on this world: it was played with another scene, or only through the world API.
            }
        }
        return null;
    }

    private static async Task<ImmutableArray<TurnRecord>> TranscriptOfAsync(WorldPlayClient client, string sceneKey, int afterTurn)
    {
        try
        {
            return [.. await client.Scene(sceneKey).TranscriptAsync().Where(t => t.Turn > afterTurn).ToArrayAsync()];
        }
        catch (InvalidOperationException)
        {
            // A branch made with 'fork' has no scene until one is continued on it.
            return [];
        }
    }
}
