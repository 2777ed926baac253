using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WorldPlay.Client;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Scenes;
using WorldPlay.Core.Worlds;
using WorldPlay.Hosting;
using WorldPlay.Minds.Llm;

namespace WorldPlay.Cli;

/// <summary><c>worldplay load</c>: many concurrent self-play sessions, each in its own world, measured as they play and
/// verified against storage when they end.</summary>
internal static class LoadCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var sessions = new Option<int>("--sessions") { Description = "Concurrent sessions, each its own world and scene (1 to 10000).", DefaultValueFactory = _ => 20 };
        SimulateCommand.WithinRange(sessions, 1, 10_000);
        var turns = new Option<int>("--turns", "-n")
        {
            Description = "Turns each session plays, users' and characters' together (1 to 100000).",
            DefaultValueFactory = _ => SimulateCommand.DefaultTurns,
        };
        SimulateCommand.WithinRange(turns, 1, 100_000);
        var characters = new Option<int>("--characters", "-k")
        {
            Description = "Characters in each scene besides the user: the first K of the scene's cast (the world's scene must have at least K).",
            DefaultValueFactory = _ => 5,
        };
        SimulateCommand.WithinRange(characters, 1, 100);
        var world = new Option<string>("--world", "-w")
        {
            Description = $"A sample world ({string.Join(", ", WorldFiles.SampleNames)}) or a world file; every session plays its first scene.",
            DefaultValueFactory = _ => "harbor",
        };
        var mind = new Option<string>("--mind")
        {
            Description = "Who plays the characters: procedural (measures WorldPlay itself) or openai (an OpenAI-compatible endpoint, " +
                "e.g. 'worldplay fake-llm'; needs --endpoint and --model). The users are played by the procedural user simulator " +
                "unless --user-mind openai.",
            DefaultValueFactory = _ => "procedural",
        };
        Spellings.OneOf(mind, SimulateCommand.Minds);
        var user = SimulateCommand.UserOption();
        var userMind = new Option<string>("--user-mind")
        {
            Description = "Who plays the users: procedural (the --user simulator, no model call) or openai (the same simulator " +
                "on the model of --mind openai, so every turn is a model call and the ideal throughput is exactly " +
                "sessions / model latency).",
            DefaultValueFactory = _ => "procedural",
        };
        // 'model' was this value's name before the commands shared one vocabulary.
        Spellings.OneOf(userMind, SimulateCommand.Minds, new Dictionary<string, string> { ["model"] = "openai" });
        var endpoint = new Option<string?>("--endpoint") { Description = "The OpenAI-compatible base address with its /v1 (with --mind openai)." };
        var model = new Option<string?>("--model") { Description = "The model name the endpoint serves (with --mind openai)." };
        var modelConcurrency = new Option<int?>("--model-concurrency")
        {
            Description = "Model calls in flight at once from the embedded silo (default 16; more wait in a queue). Set it to --sessions or more to keep " +
                "every session's model call in flight (with --mind openai, embedded; a cluster's silos read WorldPlay:Mind:MaxConcurrentRequests).",
        };
        var rampUp = new Option<int>("--ramp-up") { Description = "Seconds over which the sessions start, evenly spread (0: all at once).", DefaultValueFactory = _ => 0 };
        SimulateCommand.WithinRange(rampUp, 0, 3600);
        var duration = new Option<int?>("--duration")
        {
            Description = "Stop asking for turns after this many seconds (calls in flight finish); turnsRequested then counts the turns asked for in time.",
        };
        var killSiloAt = new Option<int?>("--kill-silo-at")
        {
            Description = "Kill one silo (SIGKILL, the one with most activations) when this percent of the requested turns is acknowledged " +
                "(1 to 99; only with --cluster on a cluster from 'worldplay cluster up').",
        };
        var cluster = new Option<FileInfo?>("--cluster") { Description = "Load the cluster this file describes (e.g. .worldplay/cluster.json) instead of an embedded silo." };
        var outDir = new Option<DirectoryInfo>("--out", "-o") { Description = "Folder for load.json and load.html (created at the end; its parent must exist).", Required = true };

        var command = new Command("load",
            "Load-test WorldPlay: S concurrent self-play sessions of T turns each, on an embedded silo or a cluster. Prints progress on stderr every 2 s, " +
            "then reads every session's transcript and world events back and counts lostTurns (acknowledged but not stored; must be 0). " +
            "Writes load.json (throughput, latency percentiles, errors, silos, model usage, timeline) and load.html (plots). " +
            "Exit 0 when nothing was lost and no session failed; 4 when a session failed after every retry; 5 when turns were lost or a timeline has gaps. " +
            "Example: worldplay load --sessions 200 --turns 1000 --out runs/embedded")
        {
            sessions, turns, characters, world, user, mind, userMind, endpoint, model, modelConcurrency, rampUp, duration, killSiloAt,
            cluster, outDir,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var request = Check(new LoadRequest(
                result.GetValue(sessions),
                result.GetValue(turns),
                result.GetValue(characters),
                result.GetValue(world)!,
                SimulateCommand.LanguageModel(result.GetValue(mind)!, result.GetValue(endpoint), result.GetValue(model), []),
                result.GetValue(modelConcurrency),
                result.GetValue(rampUp),
                result.GetValue(duration),
                result.GetValue(killSiloAt),
                result.GetValue(cluster),
                result.GetValue(outDir)!)
            {
                UserOnModel = result.GetValue(userMind) == "openai",
                UserProfile = result.GetValue(user)!,
            });
            return RunAsync(request, error, cancellationToken);
        });
        return command;
    }

    /// <summary>Everything a user can get wrong, checked before a silo starts and before anything is written.</summary>
    private static LoadRequest Check(LoadRequest request)
    {
        if (request.UserOnModel && request.LanguageModel is null)
        {
            throw new ArgumentException("--user-mind openai needs --mind openai: the users play on the characters' model.");
        }
        if (request.ModelConcurrency is { } concurrency)
        {
            if (request.LanguageModel is null)
            {
                throw new ArgumentException("--model-concurrency goes with --mind openai; the procedural mind calls no model.");
            }
            if (request.Cluster is not null)
            {
                throw new ArgumentException("--model-concurrency sets the embedded silo's limit; a cluster's silos read WorldPlay:Mind:MaxConcurrentRequests from their own configuration.");
            }
            if (concurrency is < 1 or > 100_000)
            {
                throw new ArgumentException($"--model-concurrency must be between 1 and 100000 (got {concurrency}).");
            }
        }
        if (request.Duration is < 1 or > 86_400)
        {
            throw new ArgumentException($"--duration must be between 1 and 86400 seconds (got {request.Duration}).");
        }
        if (request.KillSiloAt is { } percent)
        {
            if (percent is < 1 or > 99)
            {
                throw new ArgumentException($"--kill-silo-at must be a percent between 1 and 99 (got {percent}).");
            }
            if (request.Cluster is null)
            {
                throw new ArgumentException("--kill-silo-at needs --cluster: the embedded silo is this process, so killing it would end the run. Start a cluster with 'worldplay cluster up --silos 3'.");
            }
        }
        if (request.Out.Exists is false && request.Out.Parent is { Exists: false } parent)
        {
            throw new DirectoryNotFoundException($"Cannot write --out: its parent folder '{parent.FullName}' does not exist.");
        }
        OutputTarget.Folder(request.Out, "--out");
        return request;
    }

    private static async Task<int> RunAsync(LoadRequest request, TextWriter error, CancellationToken cancellationToken)
    {
        var (definition, scene) = LoadWorld.Trimmed(WorldFiles.Load(request.World), request.Characters);
        var connection = request.Cluster is { } file ? ClusterFile.Read(file.FullName) : null;
        var local = request.KillSiloAt is null ? null : LocalClusterOf(request.Cluster!);
        var languageModel = request.LanguageModel is { } llm && request.ModelConcurrency is { } limit ? llm with { MaxConcurrentRequests = limit } : request.LanguageModel;

        using var host = connection is null
            ? await WorldPlaySilo.StartEmbeddedAsync(cancellationToken: cancellationToken, languageModel: languageModel)
            : await WorldPlayClientHosting.ConnectAsync(connection, cancellationToken: cancellationToken);
        try
        {
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            var meter = new LoadMeter();
            var client = new WorldPlayClient(grains, Resilience.Create(onInterrupted: meter.Retried));
            var run = new LoadRun(request, definition, scene, client, grains, meter, local, error);
            var report = await run.PlayAndVerifyAsync(cancellationToken);

            Directory.CreateDirectory(request.Out.FullName);
            var json = Path.Combine(request.Out.FullName, "load.json");
            var html = Path.Combine(request.Out.FullName, "load.html");
            await File.WriteAllTextAsync(json, report.Json().ToJsonString(WorldPlay.Core.Serialization.CoreSerialization.IndentedJson), CancellationToken.None);
            await File.WriteAllTextAsync(html, LoadPage.Html(report), CancellationToken.None);
            error.WriteLine(report.Closing());
            if (meter.FirstFailure is { } failure)
            {
                error.WriteLine($"load: first session failure: {failure}");
            }
            error.WriteLine($"Wrote {json} and {html}.");
            return report.LostTurns > 0 || report.Problems.Length > 0 ? WorldPlayCommand.TurnsLost
                : report.ErrorCount > 0 ? WorldPlayCommand.RunStopped
                : 0;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static LocalCluster LocalClusterOf(FileInfo file) =>
        (file.Name == LocalCluster.FileName ? LocalCluster.Read(file.DirectoryName!) : null)
        ?? throw new ArgumentException($"--kill-silo-at needs a cluster started by 'worldplay cluster up' (its {LocalCluster.FileName} lists the silo processes); '{file.FullName}' is not one.");
}

/// <summary>What <c>worldplay load</c> was asked to do.</summary>
internal sealed record LoadRequest(
    int Sessions, int Turns, int Characters, string World, LlmMindOptions? LanguageModel, int? ModelConcurrency,
    int RampUpSeconds, int? Duration, int? KillSiloAt, FileInfo? Cluster, DirectoryInfo Out)
{
    public string CharacterMind => LanguageModel is { } llm ? $"openai:{llm.Model}" : "procedural";

    /// <summary>The users play on the characters' model (<c>--user-mind openai</c>) rather than the procedural simulator.</summary>
    public bool UserOnModel { get; init; }

    /// <summary>The user-simulator profile every session's user plays (<c>--user</c>).</summary>
    public string UserProfile { get; init; } = "slow-burn";

    public string UserMind => UserOnModel ? $"user-sim:{UserProfile}:{CharacterMind}" : $"user-sim:{UserProfile}";

    /// <summary>Turns the whole run plans to play: every session to its last turn.</summary>
    public long PlannedTurns => (long)Sessions * Turns;
}

/// <summary>The world every load session plays, cut to the requested cast.</summary>
internal static class LoadWorld
{
    /// <summary>The world with its first scene's cast cut to the user and the first <paramref name="characters"/> others, in the
    /// file's order. A scene with fewer is refused rather than padded: invented characters would measure a different world.</summary>
    public static (WorldDefinition Definition, SceneSpec Scene) Trimmed(WorldDefinition definition, int characters)
    {
        var scene = definition.Scenes.FirstOrDefault() ?? throw new ArgumentException($"World '{definition.Setting.Id}' declares no scene to play.");
        var others = scene.Cast.Where(c => c != scene.User).Distinct().ToList();
        if (others.Count < characters)
        {
            throw new ArgumentException($"--characters {characters}: scene '{scene.Id}' of world '{definition.Setting.Id}' has {others.Count} characters besides the user " +
                $"({string.Join(", ", others)}); ask for at most {others.Count}, or use a world whose first scene has a bigger cast.");
        }
        var kept = others.Take(characters).ToHashSet();
        var trimmed = scene with { Cast = [.. scene.Cast.Where(c => c == scene.User || kept.Contains(c)).Distinct()] };
        return (definition with { Scenes = definition.Scenes.SetItem(0, trimmed) }, trimmed);
    }
}
