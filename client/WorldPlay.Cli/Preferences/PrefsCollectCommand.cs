using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WorldPlay.Client;
using WorldPlay.Evaluation.Scenarios;
using WorldPlay.Evaluation.SelfPlay;
using WorldPlay.Hosting;
using WorldPlay.Minds;
using WorldPlay.Synthesis.Preferences;

namespace WorldPlay.Cli.Preferences;

/// <summary><c>worldplay prefs collect</c>: the choices stored in world families as a signal file, from a cluster or from self-play
/// whose simulated users regenerate and choose by profile.</summary>
internal static class PrefsCollectCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var selfPlay = new Option<bool>("--selfplay")
        {
            Description = "Play self-play sessions first (on the embedded silo, or --cluster) in which the simulated users regenerate " +
                "replies (mostly at narrative pivots), keep one and may leave, each by its profile's policy; then collect them.",
        };
        var scenarios = new Option<string?>("--scenarios")
        {
            Description = "With --selfplay: the scenarios to play (what 'bench run --scenarios' reads, e.g. " +
                "../shared/data/rpbench-auto/scenes.jsonl).",
        };
        var limit = new Option<int?>("--limit") { Description = "With --selfplay: at most this many scenarios (after --offset)." };
        var offset = new Option<int>("--offset")
        {
            Description = "With --selfplay: records passed over first.",
            DefaultValueFactory = _ => 0,
        };
        var sessions = new Option<int>("--sessions")
        {
            Description = "With --selfplay: sessions in all (1 to 10000), users and scenarios in turn; session k has seed k.",
            DefaultValueFactory = _ => 8,
        };
        CommonOptions.WithinRange(sessions, 1, 10_000);
        var turns = new Option<int>("--turns", "-n")
        {
            Description = "With --selfplay: turns per session (1 to 10000); a user may leave earlier.",
            DefaultValueFactory = _ => 40,
        };
        CommonOptions.WithinRange(turns, 1, 10_000);
        var users = new Option<string>("--users")
        {
            Description = "With --selfplay: comma-separated user profiles, the groups of the signals: " +
                $"{string.Join(", ", UserProfile.All.Select(p => p.Name))}.",
            DefaultValueFactory = _ => "slow-burn",
        };
        var plant = new Option<string?>("--plant")
        {
            Description = "With --selfplay: biases to plant, GROUP=BIAS comma-separated, e.g. fast-plot=longer,terse=regenerates. " +
                $"Biases: {string.Join(", ", ChoicePolicy.Biases)} (always keep the longer reply / the first shown; regenerate most " +
                "replies).",
        };
        var concurrency = new Option<int>("--concurrency", "-c")
        {
            Description = "Sessions at once (1 to 64).",
            DefaultValueFactory = _ => 4,
        };
        CommonOptions.WithinRange(concurrency, 1, 64);
        var cluster = new Option<FileInfo?>("--cluster")
        {
            Description = "The cluster (a cluster file) to play on or to read every world family from.",
        };
        var world = new Option<string?>("--world", "-w") { Description = "Without --selfplay: read only this world's family." };
        var outFile = new Option<FileInfo>("--out", "-o") { Description = "The signal file to write (JSONL).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON only." };
        var command = new Command("collect", "Collect preference signals into a signal file: every choice between regenerated " +
            "replies stored in the world families of --cluster (or of --world), with its context, user group, regenerations, pivot, " +
            "session duration, turns after and abandonment; with --selfplay, first play sessions whose simulated users regenerate " +
            "and choose. Examples:\n  worldplay prefs collect --selfplay --scenarios ../shared/data/rpbench-auto/scenes.jsonl " +
            "--limit 10 --sessions 40 --turns 40 --users slow-burn,fast-plot --plant fast-plot=longer --out signals.jsonl\n" +
            "  worldplay prefs collect --cluster .worldplay/cluster.json --out signals.jsonl")
        {
            selfPlay, scenarios, limit, offset, sessions, turns, users, plant, concurrency, cluster, world, outFile, json,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            new CollectRequest(
                result.GetValue(selfPlay),
                result.GetValue(scenarios),
                result.GetValue(limit),
                result.GetValue(offset),
                result.GetValue(sessions),
                result.GetValue(turns),
                [.. result.GetValue(users)!.ToLowerInvariant()
                    .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
                result.GetValue(plant),
                result.GetValue(concurrency),
                result.GetValue(cluster),
                result.GetValue(world),
                result.GetValue(outFile)!,
                result.GetValue(json)),
            output,
            error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CollectRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        OutputTarget.File(request.Out, "--out");
        ImmutableArray<(SelfPlaySession Session, ChoicePolicy Policy)>? plan = request.SelfPlay ? Plan(request) : null;
        if (plan is null && request.Cluster is null)
        {
            throw new ArgumentException("Nothing to collect: a fresh embedded silo holds no world; give --selfplay --scenarios SRC to " +
                "play sessions, or --cluster FILE to read a cluster's world families.");
        }
        if (plan is not null && request.World is not null)
        {
            throw new ArgumentException("--world reads one stored family; with --selfplay the families are the sessions played.");
        }
        var clusterFile = request.Cluster is { } c ? ClusterFile.Read(c.FullName) : null;
        var minds = new SessionMinds("procedural", "procedural", null, null);
        var host = clusterFile is null
            ? await WorldPlaySilo.StartEmbeddedAsync(cancellationToken: cancellationToken, minds: minds.Catalog())
            : await WorldPlayClientHosting.ConnectAsync(clusterFile, cancellationToken: cancellationToken);
        ImmutableArray<ChoiceSignal> signals;
        ImmutableArray<SignalSessionResult> played = [];
        try
        {
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            var collector = new SignalCollector(grains);
            if (plan is { } sessions)
            {
                var client = new WorldPlayClient(grains, Resilience.Create(error.WriteLine));
                played = await PlayAsync(sessions, new SignalSelfPlay(client, minds), request, error, cancellationToken);
                var scenarioOf = played.Zip(sessions)
                    .ToDictionary(p => p.First.Root, p => p.Second.Session.Scenario.Id, StringComparer.Ordinal);
                signals = await collector.FromFamiliesAsync(played.Select(p => p.Root), root => scenarioOf[root], null, cancellationToken);
            }
            else
            {
                void Heard(string root, int count) => error.WriteLine($"prefs: {root}: {count} signals");
                signals = request.World is { } key
                    ? await collector.FromFamiliesAsync([key], null, Heard, cancellationToken)
                    : await collector.FromCatalogAsync(Heard, cancellationToken);
            }
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
        }
        SignalFile.Write(request.Out.FullName, signals);
        Summarize(request, played, signals, output);
        return 0;
    }

    private static ImmutableArray<(SelfPlaySession Session, ChoicePolicy Policy)> Plan(CollectRequest request)
    {
        if (request.Scenarios is null)
        {
            throw new ArgumentException("--selfplay needs --scenarios SRC (e.g. ../shared/data/rpbench-auto/scenes.jsonl).");
        }
        if (request.Limit is < 1)
        {
            throw new ArgumentException($"--limit must be at least 1 (got {request.Limit}).");
        }
        var known = UserProfile.All.Select(p => p.Name).ToList();
        if (request.Users.Length == 0)
        {
            throw new ArgumentException($"--users names no profile; known: {string.Join(", ", known)}.");
        }
        if (request.Users.FirstOrDefault(u => !known.Contains(u)) is { } unknown)
        {
            throw new ArgumentException($"--users: unknown profile '{unknown}'; known: {string.Join(", ", known)}.");
        }
        if (request.Users.Distinct().Count() != request.Users.Length)
        {
            throw new ArgumentException($"--users names a profile twice: {string.Join(",", request.Users)}.");
        }
        var biases = Biases(request.Plant, request.Users);
        ScenarioSet set;
        try
        {
            set = ScenarioSource.Load(request.Scenarios, request.Limit, request.Offset);
        }
        catch (ScenarioImportException e)
        {
            throw new ArgumentException($"--scenarios: {e.Message}", e);
        }
        if (set.Scenarios.IsEmpty)
        {
            throw new ArgumentException("--scenarios holds no scenario to play (after --offset and --limit).");
        }
        return [.. Enumerable.Range(0, request.Sessions).Select(i =>
        {
            var user = request.Users[i % request.Users.Length];
            var scenario = set.Scenarios[i / request.Users.Length % set.Scenarios.Length];
            var profile = UserProfile.All.First(p => p.Name == user);
            var name = string.Concat(
                $"{scenario.Id}-{user}-s{i + 1}".Select(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_' ? ch : '-'));
            var policy = ChoicePolicy.For(profile);
            return (new SelfPlaySession(name, scenario, user, profile, null, i + 1),
                biases.TryGetValue(user, out var bias) ? policy.Plant(bias) : policy);
        })];
    }

    private static Dictionary<string, string> Biases(string? plant, ImmutableArray<string> users)
    {
        var biases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in (plant ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = item.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !users.Contains(parts[0]))
            {
                throw new ArgumentException($"--plant '{item}': write GROUP=BIAS with GROUP one of --users ({string.Join(", ", users)}).");
            }
            if (!ChoicePolicy.Biases.Contains(parts[1]))
            {
                throw new ArgumentException(
                    $"--plant '{item}': unknown bias '{parts[1]}'; known: {string.Join(", ", ChoicePolicy.Biases)}.");
            }
            if (!biases.TryAdd(parts[0], parts[1]))
            {
                throw new ArgumentException($"--plant names group '{parts[0]}' twice.");
            }
        }
        return biases;
    }

    private static async Task<ImmutableArray<SignalSessionResult>> PlayAsync(
        ImmutableArray<(SelfPlaySession Session, ChoicePolicy Policy)> plan, SignalSelfPlay player, CollectRequest request,
        TextWriter error, CancellationToken cancellationToken)
    {
        error.WriteLine($"prefs: {plan.Length} self-play sessions, {request.Turns} turns each, users {string.Join(",", request.Users)}" +
            (request.Plant is null ? "" : $", planted {request.Plant}"));
        var results = new SignalSessionResult[plan.Length];
        var done = new ConcurrentBag<int>();
        var gate = new object();
        var lastTenth = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, plan.Length),
            new ParallelOptions { MaxDegreeOfParallelism = request.Concurrency, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                results[i] = await player.PlayAsync(plan[i].Session, plan[i].Policy, request.Turns, token);
                done.Add(i);
                lock (gate)
                {
                    var tenth = done.Count * 10 / plan.Length;
                    if (tenth > lastTenth)
                    {
                        lastTenth = tenth;
                        var choices = results.Where(r => r is not null).Sum(r => r.Choices);
                        error.WriteLine($"prefs: {done.Count}/{plan.Length} sessions, {choices} choices so far");
                    }
                }
            });
        return [.. results];
    }

    private static void Summarize(
        CollectRequest request, ImmutableArray<SignalSessionResult> played, ImmutableArray<ChoiceSignal> signals, TextWriter output)
    {
        var rates = SignalDenoiser.BaseRates(signals);
        if (request.Json)
        {
            var summary = new JsonObject
            {
                ["out"] = request.Out.FullName,
                ["signals"] = signals.Length,
                ["pairs"] = signals.Sum(s => s.Rejected.Length),
                ["sessions"] = played.Length,
                ["turns"] = played.Sum(p => p.Turns),
                ["regenerations"] = played.Sum(p => p.Regenerations),
                ["abandoned"] = played.Count(p => p.Abandoned),
                ["groups"] = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(rates, SignalFile.JsonOptions)),
            };
            output.WriteLine(summary.ToJsonString(SignalFile.JsonOptions));
            return;
        }
        if (!played.IsEmpty)
        {
            output.WriteLine($"{played.Length} sessions, {played.Sum(p => p.Turns)} turns, {played.Sum(p => p.Regenerations)} " +
                $"regenerations, {played.Count(p => p.Abandoned)} abandoned");
        }
        output.WriteLine($"{signals.Length} signals ({signals.Sum(s => s.Rejected.Length)} pairs) -> {request.Out.FullName}");
        if (signals.IsEmpty)
        {
            return;
        }
        output.WriteLine("group               signals  pivots  chose-longer  chose-first  regen/turn");
        foreach (var g in rates)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{g.Group,-19} {g.Signals,8} {g.PivotShare,7:0.00} {g.ChoseLonger,13:0.00} {g.ChoseFirst,12:0.00} " +
                $"{g.RegenerationsPerTurn,11:0.000}"));
        }
    }
}

internal sealed record CollectRequest(
    bool SelfPlay, string? Scenarios, int? Limit, int Offset, int Sessions, int Turns, ImmutableArray<string> Users, string? Plant,
    int Concurrency, FileInfo? Cluster, string? World, FileInfo Out, bool Json);
