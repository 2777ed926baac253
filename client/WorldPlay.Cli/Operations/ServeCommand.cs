using System.CommandLine;
using WorldPlay.Client;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Worlds;
using WorldPlay.Web;
using WorldPlay.Web.Studio;

namespace WorldPlay.Cli.Operations;

/// <summary><c>worldplay serve</c>: an embedded silo with the HTTP API and the timeline viewer, optionally with a world
/// simulated or loaded first, running until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var world = new Option<string?>("--world", "-w")
        {
            Description = $"Simulate a sample world ({string.Join(", ", WorldFiles.SampleNames)}) or a world file first.",
        };
        var turns = CommonOptions.TurnsOption("How many turns to simulate with --world (1 to 100000).");
        var seed = CommonOptions.SeedOption("Seed of the simulation with --world.");
        var user = CommonOptions.UserOption();
        var from = new Option<FileInfo?>("--from")
        {
            Description = "Load a recorded timeline (simulate --out, export) instead of simulating; its main branch is served.",
        };
        var port = new Option<int>("--port", "-p")
        {
            Description = "HTTP port on 127.0.0.1 (0: any free port).",
            DefaultValueFactory = _ => 5080,
        };
        CommonOptions.WithinRange(port, 0, 65535);
        var command = new Command("serve", "Serve the HTTP API (/api, /openapi/v1.json) and the timeline viewer (/viewer) from an " +
            "embedded silo until Ctrl+C.")
        {
            world, turns, seed, user, from, port,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (result.GetValue(world) is not null && result.GetValue(from) is not null)
            {
                throw new ArgumentException("Give --world (simulate a world) or --from (load a recorded one), not both.");
            }
            if (result.GetValue(from) is { Exists: false } missing)
            {
                throw new FileNotFoundException($"No timeline file at '{missing.FullName}'.", missing.FullName);
            }
            var definition = result.GetValue(world) is { } name ? WorldFiles.Load(name) : null;

            await using var silo = await LocalPort.ListenAsync(
                result.GetValue(port), () => ServedSilo.StartAsync(
                    StudioOptions.DevelopmentMode(), result.GetValue(port), cancellationToken: cancellationToken));
            var client = new WorldPlayClient(silo.Grains);
            string? key = null;
            if (definition is not null)
            {
                key = await SimulateAsync(
                    client, definition, result.GetValue(turns), result.GetValue(seed), "user-sim:" + result.GetValue(user), error,
                    cancellationToken);
            }
            else if (result.GetValue(from) is { } file)
            {
                key = await LoadAsync(client, file, error, cancellationToken);
            }
            output.WriteLine($"WorldPlay is serving at {silo.Address}");
            output.WriteLine($"  viewer:  {new Uri(silo.Viewer, key is null ? "" : $"?world={Uri.EscapeDataString(key)}")}");
            output.WriteLine($"  API:     {new Uri(silo.Address, "api/worlds")}");
            output.WriteLine($"  OpenAPI: {new Uri(silo.Address, WorldPlayApi.OpenApiPath)}");
            output.WriteLine("Ctrl+C stops it.");
            await silo.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }

    private static async Task<string> SimulateAsync(
        WorldPlayClient client, WorldDefinition definition, int turns, int seed, string userMind, TextWriter error,
        CancellationToken cancellationToken)
    {
        var spec = definition.Scenes.FirstOrDefault() ?? throw new ArgumentException($"World '{definition.Setting.Id}' declares no scene " +
            "to play.");
        var key = $"{definition.Setting.Id}-{seed}";
        await client.CreateWorldAsync(key, definition);
        var scene = await client.OpenSceneAsync($"{key}/{spec.Id}",
            new SceneOptions(key, spec.Id, seed, "procedural", spec.User is null ? null : userMind, null,
                PerspectiveBuilder.DefaultBudget));
        var reached = 0;
        while (reached < turns)
        {
            var batch = await scene.PlayUntilAsync(turns, 100, cancellationToken);
            if (batch.Turns.Length == 0)
            {
                error.WriteLine($"The scene stopped at turn {batch.Status.Turn}: nobody is left at {spec.Place} to act.");
                break;
            }
            reached = batch.Status.Turn;
            error.Write($"\rsimulated {reached}/{turns} turns");
        }
        error.WriteLine();
        return key;
    }

    private static async Task<string> LoadAsync(
        WorldPlayClient client, FileInfo file, TextWriter error, CancellationToken cancellationToken)
    {
        var bundle = await TimelineFile.ReadAsync(file.FullName, cancellationToken);
        var root = bundle.Root.Id;
        var spec = bundle.Definition.Scenes.FirstOrDefault(s => s.Id == bundle.SceneId);
        var key = $"{bundle.Definition.Setting.Id}-{bundle.Seed}";
        await client.ImportAsync(key, bundle.Definition, bundle.EventsOf(root),
            new SceneOptions(
                key, bundle.SceneId, bundle.Seed, "procedural", spec?.User is null ? null : "user-sim:slow-burn", null,
                PerspectiveBuilder.DefaultBudget),
            bundle.TranscriptOf(root));
        if (bundle.Branches.Length > 1)
        {
            error.WriteLine($"Serving branch '{root}' of {file.Name}; its other branches " +
                $"({string.Join(", ", bundle.Branches.Skip(1).Select(b => b.Id))}) are not loaded.");
        }
        return key;
    }
}
