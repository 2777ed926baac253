using System.CommandLine;
using WorldPlay.Core.Serialization;
using WorldPlay.Core.Worlds;
using WorldPlay.Load;

namespace WorldPlay.Cli.Operations;

/// <summary><c>worldplay load</c>: many concurrent self-play sessions, each in its own world, measured as they play and
/// verified against storage when they end.</summary>
internal static class LoadCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var sessions = new Option<int>("--sessions")
        {
            Description = "Concurrent sessions, each its own world and scene (1 to 10000).",
            DefaultValueFactory = _ => 20,
        };
        CommonOptions.WithinRange(sessions, 1, 10_000);
        var turns = CommonOptions.TurnsOption("Turns each session plays, users' and characters' together (1 to 100000).");
        var characters = new Option<int>("--characters", "-k")
        {
            Description = "Characters in each scene besides the user: the first K of the scene's cast " +
                "(the world's scene must have at least K).",
            DefaultValueFactory = _ => 5,
        };
        CommonOptions.WithinRange(characters, 1, 100);
        var world = new Option<string>("--world", "-w")
        {
            Description = $"A sample world ({string.Join(", ", WorldFiles.SampleNames)}) or a world file; " +
                "every session plays its first scene.",
            DefaultValueFactory = _ => "harbor",
        };
        var mind = new Option<string>("--mind")
        {
            Description = "Who plays the characters: procedural (measures WorldPlay itself) or openai (an OpenAI-compatible endpoint, " +
                "e.g. 'worldplay fake-llm'; needs --endpoint and --model). The users are played by the procedural user simulator " +
                "unless --user-mind openai.",
            DefaultValueFactory = _ => "procedural",
        };
        Spellings.OneOf(mind, CommonOptions.Minds);
        var user = CommonOptions.UserOption();
        var userMind = new Option<string>("--user-mind")
        {
            Description = "Who plays the users: procedural (the --user simulator, no model call) or openai (the same simulator " +
                "on the model of --mind openai, so every turn is a model call and the ideal throughput is exactly " +
                "sessions / model latency).",
            DefaultValueFactory = _ => "procedural",
        };
        // 'model' was this value's name before the commands shared one vocabulary.
        Spellings.OneOf(userMind, CommonOptions.Minds, new Dictionary<string, string> { ["model"] = "openai" });
        var endpoint = new Option<string?>("--endpoint")
        {
            Description = "The OpenAI-compatible base address with its /v1 (with --mind openai).",
        };
        var model = new Option<string?>("--model") { Description = "The model name the endpoint serves (with --mind openai)." };
        var modelConcurrency = new Option<int?>("--model-concurrency")
        {
            Description = "Model calls in flight at once from the embedded silo (default 16; more wait in a queue). " +
                "Set it to --sessions or more to keep " +
                "every session's model call in flight (with --mind openai, embedded; " +
                "a cluster's silos read WorldPlay:Mind:MaxConcurrentRequests).",
        };
        var rampUp = new Option<int>("--ramp-up")
        {
            Description = "Seconds over which the sessions start, evenly spread (0: all at once).",
            DefaultValueFactory = _ => 0,
        };
        CommonOptions.WithinRange(rampUp, 0, 3600);
        var duration = new Option<int?>("--duration")
        {
            Description = "Stop asking for turns after this many seconds (calls in flight finish); " +
                "turnsRequested then counts the turns asked for in time.",
        };
        var killSiloAt = new Option<int?>("--kill-silo-at")
        {
            Description = "Kill one silo (SIGKILL, the one with most activations) " +
                "when this percent of the requested turns is acknowledged " +
                "(1 to 99; only with --cluster on a cluster from 'worldplay cluster up').",
        };
        var cluster = new Option<FileInfo?>("--cluster")
        {
            Description = "Load the cluster this file describes (e.g. .worldplay/cluster.json) instead of an embedded silo.",
        };
        var api = new Option<string?>("--api")
        {
            Description = "Play the sessions through the studio API at this address (e.g. http://127.0.0.1:5080, from " +
                "'worldplay serve') instead of the grain client: worlds, scenes and turns over HTTP and WebSocket, " +
                "every mutating call with an Idempotency-Key; lostTurns is checked against the transcripts the API reads back.",
        };
        var transport = new Option<string>("--transport")
        {
            Description = "With --api: send each batch of turns as a converse command on the scene's WebSocket (ws) or as a " +
                "REST call (rest).",
            DefaultValueFactory = _ => "ws",
        };
        Spellings.OneOf(transport, ["ws", "rest"]);
        var apiKey = new Option<string?>("--api-key")
        {
            Description = "With --api: the tenant's API key; each session mints its own player token with it (POST /api/tokens). " +
                "Default: the WORLDPLAY_API_KEY environment variable, or none for a 'worldplay serve --dev' server.",
        };
        var outDir = new Option<DirectoryInfo>("--out", "-o")
        {
            Description = "Folder for load.json and load.html (created at the end; its parent must exist).",
            Required = true,
        };

        var command = new Command("load",
            "Load-test WorldPlay: S concurrent self-play sessions of T turns each, on an embedded silo or a cluster. " +
            "Prints progress on stderr every 2 s, " +
            "then reads every session's transcript and world events back and counts lostTurns (acknowledged but not stored; must be 0). " +
            "Writes load.json (throughput, latency percentiles, errors, silos, model usage, timeline) and load.html (plots). " +
            "Exit 0 when nothing was lost and no session failed; 4 when a session failed after every retry; " +
            "5 when turns were lost or a timeline has gaps. " +
            "Example: worldplay load --sessions 200 --turns 1000 --out runs/embedded; " +
            "through the studio API: worldplay load --api http://127.0.0.1:5080 --sessions 200 --turns 200 --out runs/api")
        {
            sessions, turns, characters, world, user, mind, userMind, endpoint, model, modelConcurrency, rampUp, duration, killSiloAt,
            cluster, api, transport, apiKey, outDir,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var request = new LoadRequest(
                result.GetValue(sessions),
                result.GetValue(turns),
                result.GetValue(characters),
                result.GetValue(world)!,
                CommonOptions.LanguageModel(result.GetValue(mind)!, result.GetValue(endpoint), result.GetValue(model), []),
                result.GetValue(modelConcurrency),
                result.GetValue(rampUp),
                result.GetValue(duration),
                result.GetValue(killSiloAt),
                result.GetValue(cluster))
            {
                UserOnModel = result.GetValue(userMind) == "openai",
                UserProfile = result.GetValue(user)!,
                Api = Api(result.GetValue(api), result.GetValue(transport)!, result.GetValue(apiKey)),
            };
            var outFolder = result.GetValue(outDir)!;
            Check(request, outFolder);
            return RunAsync(request, outFolder, error, cancellationToken);
        });
        return command;
    }

    private static ApiTarget? Api(string? text, string transport, string? key)
    {
        if (text is null)
        {
            return null;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var address)
            || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"--api must be an http:// or https:// address, such as http://127.0.0.1:5080 (got '{text}').");
        }
        key ??= Environment.GetEnvironmentVariable("WORLDPLAY_API_KEY") is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
        return new ApiTarget(address, transport == "rest" ? ApiTransport.Rest : ApiTransport.Ws, key);
    }

    /// <summary>Everything a user can get wrong, checked before a silo starts and before anything is written.</summary>
    private static void Check(LoadRequest request, DirectoryInfo outFolder)
    {
        if (request.Api is not null)
        {
            if (request.Cluster is not null)
            {
                throw new ArgumentException("Give --api (load the studio API) or --cluster (load a cluster's grains), not both.");
            }
            if (request.LanguageModel is not null || request.ModelConcurrency is not null)
            {
                throw new ArgumentException("--mind openai and --model-concurrency configure an embedded silo; with --api the server " +
                    "plays the minds it is configured with. Load it with --mind procedural.");
            }
        }
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
                throw new ArgumentException("--model-concurrency sets the embedded silo's limit; " +
                    "a cluster's silos read WorldPlay:Mind:MaxConcurrentRequests from their own configuration.");
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
                throw new ArgumentException("--kill-silo-at needs --cluster: the embedded silo is this process, " +
                    "so killing it would end the run. Start a cluster with 'worldplay cluster up --silos 3'.");
            }
        }
        if (outFolder.Exists is false && outFolder.Parent is { Exists: false } parent)
        {
            throw new DirectoryNotFoundException($"Cannot write --out: its parent folder '{parent.FullName}' does not exist.");
        }
        OutputTarget.Folder(outFolder, "--out");
    }

    private static async Task<int> RunAsync(
        LoadRequest request, DirectoryInfo outFolder, TextWriter error, CancellationToken cancellationToken)
    {
        var plan = LoadPlan.Of(request);
        var silos = request.KillSiloAt is null ? null : new LocalClusterSilos(LocalClusterOf(request.Cluster!));
        var report = await plan.PlayAsync(silos, error, cancellationToken);

        Directory.CreateDirectory(outFolder.FullName);
        var json = Path.Combine(outFolder.FullName, "load.json");
        var html = Path.Combine(outFolder.FullName, "load.html");
        await File.WriteAllTextAsync(json, report.Json().ToJsonString(CoreSerialization.IndentedJson), CancellationToken.None);
        await File.WriteAllTextAsync(html, LoadPage.Html(report), CancellationToken.None);
        error.WriteLine(report.Closing());
        if (report.FirstFailure is { } failure)
        {
            error.WriteLine($"load: first session failure: {failure}");
        }
        error.WriteLine($"Wrote {json} and {html}.");
        return report.LostTurns > 0 || report.Problems.Length > 0 ? WorldPlayCommand.TurnsLost
            : report.ErrorCount > 0 ? WorldPlayCommand.RunStopped
            : 0;
    }

    private static LocalCluster LocalClusterOf(FileInfo file) =>
        (file.Name == LocalCluster.FileName ? LocalCluster.Read(file.DirectoryName!) : null)
        ?? throw new ArgumentException("--kill-silo-at needs a cluster started by 'worldplay cluster up' " +
            $"(its {LocalCluster.FileName} lists the silo processes); '{file.FullName}' is not one.");
}

/// <summary>The silos of a cluster that 'worldplay cluster up' started, for --kill-silo-at.</summary>
internal sealed class LocalClusterSilos(LocalCluster cluster) : IKillableSilos
{
    public IReadOnlyList<KillableSilo> Running() =>
        [.. cluster.Silos.Where(s => s.Process.IsRunning).Select(s => new KillableSilo(s.Number, s.Process.Pid, s.SiloPort))];

    public void Kill(KillableSilo silo) => ProcessControl.Kill(silo.Pid);
}
