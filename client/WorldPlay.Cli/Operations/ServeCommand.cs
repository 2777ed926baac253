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
        var development = new Option<bool>("--dev")
        {
            Description = "Development mode: every call without credentials is tenant 'dev' with every scope. Never on a shared port.",
        };
        var keys = new Option<FileInfo?>("--keys")
        {
            Description = "A keys file ('worldplay keys new'): callers need one of its API keys, or a player token minted with one.",
        };
        var command = new Command("serve", "Serve the HTTP API (/api, /openapi/v1.json), the studio API and the timeline viewer " +
            "(/viewer) from an embedded silo until Ctrl+C. Needs --dev (no credentials) or --keys FILE (API keys).")
        {
            world, turns, seed, user, from, port, development, keys,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var studio = Studio(result.GetValue(development), result.GetValue(keys));
            if (result.GetValue(world) is not null && result.GetValue(from) is not null)
            {
                throw new ArgumentException("Give --world (simulate a world) or --from (load a recorded one), not both.");
            }
            if (result.GetValue(from) is { Exists: false } missing)
            {
                throw new FileNotFoundException($"No timeline file at '{missing.FullName}'.", missing.FullName);
            }
            var definition = result.GetValue(world) is { } name ? WorldFiles.Load(name) : null;
            var owner = definition is null && result.GetValue(from) is null ? StudioCaller.DevelopmentTenant : Owner(studio);

            await using var silo = await LocalPort.ListenAsync(
                result.GetValue(port), () => ServedSilo.StartAsync(
                    studio, result.GetValue(port), cancellationToken: cancellationToken));
            var client = new WorldPlayClient(silo.Grains);
            string? key = null;
            if (definition is not null)
            {
                key = await SimulateAsync(
                    client, owner, definition, result.GetValue(turns), result.GetValue(seed), "user-sim:" + result.GetValue(user), error,
                    cancellationToken);
            }
            else if (result.GetValue(from) is { } file)
            {
                key = await LoadAsync(client, owner, file, error, cancellationToken);
            }
            output.WriteLine($"WorldPlay is serving at {silo.Address}");
            var viewer = new Uri(silo.Viewer, key is null ? "" : $"?world={Uri.EscapeDataString(key)}");
            output.WriteLine(studio.Development
                ? $"  viewer:  {viewer}"
                : $"  viewer:  {viewer}#token=<a read token from POST /api/tokens>");
            output.WriteLine($"  API:     {new Uri(silo.Address, "api/worlds")}");
            output.WriteLine($"  OpenAPI: {new Uri(silo.Address, WorldPlayApi.OpenApiPath)}");
            output.WriteLine(studio.Development
                ? "  auth:    development mode: calls without credentials are tenant 'dev' with every scope"
                : $"  auth:    API keys of {string.Join(", ", studio.Tenants.Keys.Order(StringComparer.Ordinal))} " +
                    $"({result.GetValue(keys)!.Name}); tokens from POST {new Uri(silo.Address, "api/tokens")}");
            output.WriteLine("Ctrl+C stops it.");
            await silo.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }

    /// <summary>Who the server admits: development mode, a keys file's tenants, or both; never neither.</summary>
    private static StudioOptions Studio(bool development, FileInfo? keys)
    {
        if (keys is null)
        {
            return development
                ? StudioOptions.DevelopmentMode()
                : throw new ArgumentException("serve needs --dev (no credentials: development only) or --keys FILE (API keys from " +
                    "'worldplay keys new --tenant NAME --file FILE').");
        }
        try
        {
            return StudioConfiguration.FromKeysFile(keys.FullName, development);
        }
        catch (StudioKeysFileException e)
        {
            throw new ArgumentException(e.Message);
        }
    }

    /// <summary>The tenant a world served with --world or --from belongs to: tenant dev with --dev, else the keys file's only
    /// tenant.</summary>
    private static string Owner(StudioOptions studio) =>
        studio.Development ? StudioCaller.DevelopmentTenant
        : studio.Tenants.Count == 1 ? studio.Tenants.Keys.Single()
        : throw new ArgumentException($"--world and --from serve their world to one tenant, and the keys file has " +
            $"{(studio.Tenants.IsEmpty ? "none" : string.Join(", ", studio.Tenants.Keys.Order(StringComparer.Ordinal)))}: " +
            "add --dev to serve it to tenant dev, or use a keys file of one tenant.");

    /// <returns>The world's key as its tenant names it.</returns>
    private static async Task<string> SimulateAsync(
        WorldPlayClient client, string tenant, WorldDefinition definition, int turns, int seed, string userMind, TextWriter error,
        CancellationToken cancellationToken)
    {
        var spec = definition.Scenes.FirstOrDefault() ?? throw new ArgumentException($"World '{definition.Setting.Id}' declares no scene " +
            "to play.");
        var external = $"{definition.Setting.Id}-{seed}";
        var key = TenantKeys.Internal(tenant, external);
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
        return external;
    }

    /// <returns>The world's key as its tenant names it.</returns>
    private static async Task<string> LoadAsync(
        WorldPlayClient client, string tenant, FileInfo file, TextWriter error, CancellationToken cancellationToken)
    {
        var bundle = await TimelineFile.ReadAsync(file.FullName, cancellationToken);
        var root = bundle.Root.Id;
        var spec = bundle.Definition.Scenes.FirstOrDefault(s => s.Id == bundle.SceneId);
        var external = $"{bundle.Definition.Setting.Id}-{bundle.Seed}";
        var key = TenantKeys.Internal(tenant, external);
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
        return external;
    }
}
