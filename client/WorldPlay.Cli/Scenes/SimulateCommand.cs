using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime.Messaging;
using Polly;
using Polly.Retry;
using WorldPlay.Client;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Scenes;
using WorldPlay.Core.Serialization;
using WorldPlay.Core.Worlds;
using WorldPlay.Hosting;

namespace WorldPlay.Cli.Scenes;

/// <summary><c>worldplay simulate</c>: plays a whole ensemble scene with self-play on an embedded silo or a cluster.</summary>
internal static class SimulateCommand
{
    private const int Batch = 20;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var world = new Option<string>("--world", "-w")
        {
            Description = $"A sample world ({string.Join(", ", WorldFiles.SampleNames)}) or the path of a world file (see " +
                "docs/world-format.md).",
            DefaultValueFactory = _ => "harbor",
        };
        var scene = new Option<string?>("--scene") { Description = "The scene of the world to play (default: the world's first scene)." };
        var turns = CommonOptions.TurnsOption("How many turns to play, users' and characters' together (1 to 100000).");
        var seed = CommonOptions.SeedOption("Seed for every random choice: the same seed plays the same scene.");
        var user = CommonOptions.UserOption();
        var turnTaking = TurnTakingOption();
        var budget = new Option<int>("--perspective-budget")
        {
            Description = "Tokens each perspective may use (200 to 32000).",
            DefaultValueFactory = _ => PerspectiveBuilder.DefaultBudget,
        };
        CommonOptions.WithinRange(budget, 200, 32_000);
        var json = new Option<bool>("--json") { Description = "Print one JSON summary at the end instead of the scene." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Do not print the scene, only progress and the summary." };
        var outFile = new Option<FileInfo?>("--out", "-o")
        {
            Description = "Write the whole timeline (MessagePack + LZ4) to this file when the run ends.",
        };
        var mind = new Option<string>("--mind")
        {
            Description = "Who plays the characters: procedural (offline, deterministic, free) or openai (any OpenAI-compatible " +
                "endpoint: OpenAI, Azure OpenAI, vLLM, Ollama, llama.cpp, LM Studio, or 'worldplay fake-llm'; needs --endpoint and " +
                "--model; the key comes from OPENAI_API_KEY).",
            DefaultValueFactory = _ => "procedural",
        };
        Spellings.OneOf(mind, CommonOptions.Minds);
        var endpoint = new Option<string?>("--endpoint")
        {
            Description = "The OpenAI-compatible base address with its /v1, e.g. http://127.0.0.1:8080/v1 (with --mind openai).",
        };
        var model = new Option<string?>("--model") { Description = "The model name the endpoint serves (with --mind openai)." };
        var modelTimeout = new Option<int>("--model-timeout")
        {
            Description = "Seconds one model call may take before it is abandoned and retried (1 to 600; with --mind openai).",
            DefaultValueFactory = _ => 60,
        };
        CommonOptions.WithinRange(modelTimeout, 1, 600);
        var characterModel = new Option<string[]>("--character-model")
        {
            Description = "A model of its own for one character, as CHARACTER=MODEL (e.g. --character-model oren=gpt-4o-mini for a minor " +
                "character); repeat it for more (with --mind openai).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var from = new Option<FileInfo?>("--from")
        {
            Description = "Go on with a world file (from 'simulate --out', 'fork' or 'import') instead of a new world: its branch " +
                "(--branch) is "
                + "loaded into the silo, played --turns more turns with the file's seed, and written back to the file (or to --out) as " +
                    "part of that branch.",
        };
        var branch = new Option<string?>("--branch", "-b")
        {
            Description = "With --from: the branch to go on with (default: the file's root branch).",
        };
        var cluster = new Option<FileInfo?>("--cluster")
        {
            Description = "Play on the cluster this cluster file describes (e.g. .worldplay/cluster.json from 'worldplay cluster up') " +
                "instead of an embedded silo.",
        };

        var command = new Command("simulate", "Play an ensemble scene with self-play, on an embedded silo (in-process, in-memory " +
            "storage, procedural minds) or on a cluster (--cluster).")
        {
            world, scene, turns, seed, user, turnTaking, budget, json, quiet, outFile, cluster, mind, endpoint, model, characterModel,
            modelTimeout, from, branch,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            new SimulateRequest(
                result.GetValue(world)!,
                result.GetValue(scene),
                result.GetValue(turns),
                result.GetValue(seed),
                "user-sim:" + result.GetValue(user),
                result.GetValue(turnTaking),
                result.GetValue(budget),
                result.GetValue(json),
                result.GetValue(quiet),
                result.GetValue(outFile),
                CommonOptions.LanguageModel(
                    result.GetValue(mind)!, result.GetValue(endpoint), result.GetValue(model), result.GetValue(characterModel) ?? [],
                    result.GetValue(modelTimeout)),
                result.GetValue(cluster),
                result.GetValue(from),
                result.GetValue(branch)),
            output,
            error,
            cancellationToken));
        return command;
    }

    /// <summary><c>--turn-taking</c>, spelled as world files spell it (<c>round-robin</c>), in any case.</summary>
    private static Option<TurnTakingPolicy?> TurnTakingOption() =>
        Spellings.EnumOption<TurnTakingPolicy>("--turn-taking", "turn-taking policy",
            $"Who speaks next: {string.Join(", ", Spellings.All<TurnTakingPolicy>())} (as in world files; default: the scene's own).");

    private static async Task<int> RunAsync(
        SimulateRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        // Everything a user can get wrong is checked before the silo starts and before anything is written.
        if (request.Branch is not null && request.From is null)
        {
            throw new ArgumentException("--branch goes with --from FILE: it names the branch of the file to go on with.");
        }
        var continuation = request.From is { } source
            ? await BranchContinuation.OpenAsync(source, request.Branch, cancellationToken)
            : null;
        if (continuation is not null)
        {
            request = request with { Seed = continuation.Bundle.Seed, Scene = continuation.Bundle.SceneId };
        }
        var definition = continuation?.Bundle.Definition ?? WorldFiles.Load(request.World);
        var sceneSpec = request.Scene is null
            ? definition.Scenes.FirstOrDefault() ?? throw new ArgumentException($"World '{definition.Setting.Id}' declares no scene to " +
                "play.")
            : definition.Scenes.FirstOrDefault(s => s.Id == request.Scene)
              ?? throw new ArgumentException($"Unknown scene '{request.Scene}' in world '{definition.Setting.Id}'; known: " +
                  $"{string.Join(", ", definition.Scenes.Select(s => s.Id))}.");
        foreach (var character in request.LanguageModel?.CharacterModels.Keys ?? [])
        {
            if (definition.PersonaOf(new EntityId(character)) is null)
            {
                throw new ArgumentException($"--character-model names '{character}', who is not a character of world " +
                    $"'{definition.Setting.Id}'; known: {string.Join(", ", definition.Personas.Select(p => p.Id))}.");
            }
        }
        if (request.Out is { } target)
        {
            OutputTarget.File(target, "--out");
        }
        else if (continuation is not null)
        {
            OutputTarget.File(new FileInfo(continuation.Path), "--from");
        }
        var cluster = request.Cluster is { } file ? ClusterFile.Read(file.FullName) : null;

        var view = new SceneView(output, definition, request.Json || request.Quiet);
        var clock = Stopwatch.StartNew();
        var host = cluster is null
            ? await WorldPlaySilo.StartEmbeddedAsync(cancellationToken: cancellationToken, languageModel: request.LanguageModel)
            : await WorldPlayClientHosting.ConnectAsync(cluster, cancellationToken: cancellationToken);
        RunStats stats;
        WorldAudit audit;
        try
        {
            var interruptions = 0;
            var client = new WorldPlayClient(host.Services.GetRequiredService<IGrainFactory>(), Resilience.Create(line =>
            {
                Interlocked.Increment(ref interruptions);
                error.WriteLine(line);
            }));
            (stats, audit) = await PlayAsync(client, definition, sceneSpec, request, continuation, view, error, clock, cancellationToken);
            stats.InterruptedTurnRetries = interruptions;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
        }

        var summary = stats.Summary(definition, sceneSpec, request, audit, clock.Elapsed);
        if (request.Json)
        {
            output.WriteLine(summary.ToJsonString(CoreSerialization.Json));
        }
        else
        {
            view.Closing(summary, audit, request.Out);
        }
        return stats.Stopped is not null ? WorldPlayCommand.RunStopped : audit.Violations.Length == 0 ? 0 : WorldPlayCommand.LawsBroken;
    }

    private static async Task<(RunStats, WorldAudit)> PlayAsync(
        WorldPlayClient client, WorldDefinition definition, SceneSpec sceneSpec, SimulateRequest request, BranchContinuation? continuation,
        SceneView view, TextWriter error, Stopwatch clock, CancellationToken cancellationToken)
    {
        var worldKey = $"{definition.Setting.Id}-{request.Seed}-{Guid.NewGuid():N}";
        var options = new SceneOptions(
            worldKey, sceneSpec.Id, request.Seed, request.CharacterMind, sceneSpec.User is null ? null : request.UserMind,
            request.TurnTaking, request.Budget);
        var (world, scene) = continuation is null
            ? (await client.CreateWorldAsync(worldKey, definition), await client.OpenSceneAsync($"{worldKey}/{sceneSpec.Id}", options))
            : await client.ImportAsync(worldKey, definition, continuation.Events, options, continuation.Transcript);

        view.Opening(sceneSpec, request);
        var target = (await scene.StatusAsync()).Turn + request.Turns;
        Exception? stop = null;
        try
        {
            await PlayTurnsAsync(scene, sceneSpec, target, view, error, clock, cancellationToken);
        }
        catch (Exception e) when (Resilience.IsTransient(e) || e is ModelUnreachableException)
        {
            // Retries ran out, or the model cannot be reached at all. The failed turn left the world as it was; what was
            // committed before it is written and reported below.
            stop = e;
        }

        // The stored transcript is the record of the run: turns played during an interrupted call are in it too.
        var stats = new RunStats();
        var transcript = new List<TurnRecord>();
        await foreach (var t in scene.TranscriptAsync(cancellationToken: cancellationToken))
        {
            if (t.Turn > (continuation?.LastTurn ?? 0))
            {
                stats.Add(t);
            }
            transcript.Add(t);
        }
        stats.Stopped = stop?.Message.Split('\n', 2)[0];
        var audit = await world.AuditAsync();
        stats.Creations = CreationCounts.Of((await world.StateAsync()).State);
        string? written = null;
        if (continuation is not null)
        {
            await continuation.WriteAsync(
                request.Out?.FullName,
                await world.EventsAsync(cancellationToken: cancellationToken).ToListAsync(cancellationToken),
                transcript,
                cancellationToken);
            written = request.Out?.FullName ?? continuation.Path;
        }
        else if (request.Out is { } file)
        {
            var events = new List<WorldEvent>();
            await foreach (var e in world.EventsAsync(cancellationToken: cancellationToken))
            {
                events.Add(e);
            }
            await TimelineFile.WriteAsync(
                file.FullName,
                new TimelineArchive(definition, [.. events], [.. transcript], sceneSpec.Id, request.Seed),
                cancellationToken);
            written = file.FullName;
        }
        if (stop is not null)
        {
            error.WriteLine(StopLine(stop, stats.Turns, written));
        }
        return (stats, audit);
    }

    /// <summary>Why the run stopped, and what of it was kept: a resume is offered only when turns were written to a file.</summary>
    private static string StopLine(Exception stop, int turnsPlayed, string? written)
    {
        var why = stop is ModelUnreachableException ? "the run stopped" : $"the run stopped after {Resilience.Retries} retries";
        var kept = (turnsPlayed, written) switch
        {
            (> 0, { } path) => $" The {turnsPlayed} turn(s) played are saved in {path}; go on with 'worldplay simulate --from {path}'.",
            (> 0, null) => $" The {turnsPlayed} turn(s) played were not saved (no --out).",
            _ => "",
        };
        return $"error: {why}: {stop.Message.Split('\n', 2)[0]}{kept}";
    }
    /// <summary>Plays until <paramref name="target"/>: streamed when the scene is shown (speech appears as each mind produces it,
    /// the rest of a turn once the world committed it), in batches with a progress line otherwise.</summary>
    private static async Task PlayTurnsAsync(
        SceneHandle scene, SceneSpec sceneSpec, int target, SceneView view, TextWriter error, Stopwatch clock,
        CancellationToken cancellationToken)
    {
        var reached = 0;
        if (!view.Silent)
        {
            await foreach (var update in scene.PlayStreamingAsync(target, Batch, cancellationToken))
            {
                view.Heard(update);
                reached = update.Turn;
            }
            if (reached < target)
            {
                error.WriteLine($"The scene stopped at turn {reached}: nobody is left at {sceneSpec.Place} to act.");
            }
            return;
        }
        while (reached < target)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = await scene.PlayUntilAsync(target, Batch, cancellationToken);
            if (batch.Turns.Length == 0)
            {
                error.WriteLine($"The scene stopped at turn {batch.Status.Turn}: nobody is left at {sceneSpec.Place} to act.");
                break;
            }
            reached = batch.Status.Turn;
            view.Progress(reached, target, clock.Elapsed, error);
        }
    }
}

internal sealed record SimulateRequest(
    string World, string? Scene, int Turns, int Seed, string UserMind, TurnTakingPolicy? TurnTaking, int Budget, bool Json, bool Quiet,
    FileInfo? Out,
    WorldPlay.Minds.Llm.LlmMindOptions? LanguageModel, FileInfo? Cluster, FileInfo? From = null, string? Branch = null)
{
    /// <summary>The mind that plays the characters.</summary>
    public string CharacterMind => LanguageModel is { } llm ? $"openai:{llm.Model}" : "procedural";
}

/// <summary>Counts gathered while a scene plays, and the JSON summary made from them.</summary>
internal sealed class RunStats
{
    private readonly List<int> _perspectiveTokens = [];
    private readonly List<int> _perspectiveTurns = [];
    private readonly SortedDictionary<string, int> _speakers = new(StringComparer.Ordinal);

    public int Turns { get; private set; }

    public int Rejected { get; private set; }

    /// <summary>What players and characters brought into the world during play, by origin.</summary>
    public CreationCounts Creations { get; set; } = CreationCounts.None;

    /// <summary>Turns the client retried after an interruption (a silo lost, storage away, the model failing a turn).</summary>
    public int InterruptedTurnRetries { get; set; }

    /// <summary>Why the run ended before its last turn (retries ran out), or null when it played every turn.</summary>
    public string? Stopped { get; set; }

    private readonly List<double> _mindLatencies = [];
    private long _promptTokens;
    private long _completionTokens;
    private int _retries;
    private int _repairs;
    private int _parseFailures;

    public void Add(TurnRecord turn)
    {
        Turns++;
        var usage = turn.Usage;
        (_promptTokens, _completionTokens) = (_promptTokens + usage.PromptTokens, _completionTokens + usage.CompletionTokens);
        (_retries, _repairs, _parseFailures) =
            (_retries + usage.Retries, _repairs + usage.RepairAttempts, _parseFailures + usage.ParseFailures);
        if (usage.LatencyMs > 0)
        {
            _mindLatencies.Add(usage.LatencyMs);
        }
        Rejected += turn.Rejected.Length;
        if (turn.Accepted.Any(e => e.Change is Spoke))
        {
            _speakers[turn.SpeakerName] = _speakers.GetValueOrDefault(turn.SpeakerName) + 1;
        }
        if (turn.PerspectiveTokens > 0)
        {
            _perspectiveTokens.Add(turn.PerspectiveTokens);
            _perspectiveTurns.Add(turn.Turn);
        }
    }

    public JsonObject Summary(WorldDefinition definition, SceneSpec scene, SimulateRequest request, WorldAudit audit, TimeSpan elapsed)
    {
        var lastTurn = _perspectiveTurns.Count == 0 ? 0 : _perspectiveTurns[^1];
        double Mean(Func<int, bool> inWindow)
        {
            var window = _perspectiveTokens.Where((_, i) => inWindow(_perspectiveTurns[i])).ToList();
            return window.Count == 0 ? 0 : Math.Round(window.Average(), 1);
        }
        var speakers = new JsonObject();
        foreach (var (name, count) in _speakers)
        {
            speakers[name] = count;
        }
        return new JsonObject
        {
            ["world"] = definition.Setting.Id,
            ["scene"] = scene.Id,
            ["seed"] = request.Seed,
            ["userMind"] = request.UserMind,
            ["mind"] = request.CharacterMind,
            ["turns"] = Turns,
            ["events"] = audit.Events,
            ["rejectedProposals"] = Rejected,
            ["characters"] = scene.Cast.Count(c => c != scene.User),
            ["speakers"] = speakers,
            ["relationshipsChanged"] = audit.RelationshipsChanged,
            ["entitiesCreated"] = Creations.Entities.ToJson(),
            ["relationshipsDeclared"] = Creations.Ties.ToJson(),
            ["lawViolationsInState"] = audit.Violations.Length,
            ["lawViolations"] = new JsonArray([.. audit.Violations.Take(20).Select(v => (JsonNode)v)]),
            ["perspectiveTokens"] = new JsonObject
            {
                ["first100Mean"] = Mean(t => t <= 100),
                ["last100Mean"] = Mean(t => t > lastTurn - 100),
                ["max"] = _perspectiveTokens.Count == 0 ? 0 : _perspectiveTokens.Max(),
                ["budget"] = request.Budget,
            },
            ["model"] = new JsonObject
            {
                ["promptTokens"] = _promptTokens,
                ["completionTokens"] = _completionTokens,
                ["latencyMeanMs"] = _mindLatencies.Count == 0 ? 0 : Math.Round(_mindLatencies.Average(), 1),
                ["latencyP95Ms"] = _mindLatencies.Count == 0
                    ? 0
                    : Math.Round(_mindLatencies.Order().ElementAt((int)(0.95 * (_mindLatencies.Count - 1))), 1),
                ["retries"] = _retries,
                ["repairs"] = _repairs,
                ["parseFailures"] = _parseFailures,
            },
            ["interruptedTurnRetries"] = InterruptedTurnRetries,
            ["failedTurns"] = InterruptedTurnRetries + (Stopped is null ? 0 : 1),
            ["stopped"] = Stopped,
            ["timelineHash"] = audit.TimelineHash,
            ["stateHash"] = audit.StateHash,
            ["elapsedMs"] = (long)elapsed.TotalMilliseconds,
        };
    }
}

/// <summary>Entities created and ties declared during play, each counted once by the origin of its first declaration: the
/// world's final state keeps every tie ever opened (closed ones too), and a tie keeps its first declarer's origin.</summary>
internal sealed record CreationCounts(CreationCounts.ByOrigin Entities, CreationCounts.ByOrigin Ties)
{
    public static CreationCounts None { get; } = new(new ByOrigin(0, 0), new ByOrigin(0, 0));

    public static CreationCounts Of(WorldState state)
    {
        var entities = state.Entities.Values.Select(e => e.Origin).OfType<Origin>();
        var ties = state.Relationships.Values.Concat(state.ClosedRelationships)
            .Where(r => r.Origin is not null)
            .GroupBy(r => r.Key, StringComparer.Ordinal)
            .Select(g => g.First().Origin!);
        return new CreationCounts(ByOrigin.Count(entities), ByOrigin.Count(ties));
    }

    internal sealed record ByOrigin(int User, int Character)
    {
        public static ByOrigin Count(IEnumerable<Origin> origins)
        {
            var list = origins.ToList();
            return new ByOrigin(list.Count(o => o.Source == OriginSource.User), list.Count(o => o.Source == OriginSource.Character));
        }

        public JsonObject ToJson() => new() { ["total"] = User + Character, ["user"] = User, ["character"] = Character };
    }
}
