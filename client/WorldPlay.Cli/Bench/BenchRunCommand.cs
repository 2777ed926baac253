using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WorldPlay.Evaluation.Reports;
using WorldPlay.Evaluation.Scenarios;
using WorldPlay.Evaluation.SelfPlay;
using WorldPlay.Client;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Scenes;
using WorldPlay.Hosting;
using WorldPlay.Minds;
using WorldPlay.Minds.Llm;
using AdversarialSituation = WorldPlay.Minds.AdversarialSituation;

namespace WorldPlay.Cli.Bench;

/// <summary><c>worldplay bench run</c>: self-play every scenario against simulated users, then score the kept sessions.</summary>
internal static class BenchRunCommand
{
    public const string RunFileName = "run.json";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var scenarios = new Option<string>("--scenarios")
        {
            Description = "The scenarios to play: an RPBench-Auto scenes.jsonl or characters.jsonl, a Character Card V2 JSON, a world " +
                "file or sample, or a folder of these.",
            Required = true,
        };
        var limit = new Option<int?>("--limit") { Description = "Play at most this many scenarios (records, counted after --offset)." };
        var offset = new Option<int>("--offset")
        {
            Description = "Pass over this many records first (RPBench-Auto: 0-39 dev, 40-79 held out).",
            DefaultValueFactory = _ => 0,
        };
        var turns = CommonOptions.TurnsOption("Turns per session, NPC's and user's together (1 to 100000).");
        var repeats = new Option<int>("--repeats", "-r")
        {
            Description = "Sessions per scenario and user, with seeds 1..R (1 to 1000).",
            DefaultValueFactory = _ => 3,
        };
        CommonOptions.WithinRange(repeats, 1, 1000);
        var users = new Option<string>("--users")
        {
            Description = "Comma-separated user-simulator profiles, each played against every scenario: " +
                $"{string.Join(", ", SelfPlayPlan.ProfileNames)}. " +
                "A plain 'adversarial' user plays a situation picked by scenario and seed; 'adversarial:TAG' always the built-in one.",
            DefaultValueFactory = _ => "slow-burn",
        };
        var situations = new Option<FileInfo?>("--situations")
        {
            Description = "The adversarial situations (PingPong format: {\"situations\": [{\"tags\", \"text\", \"num_turns\"}]}), e.g. " +
                "../shared/data/pingpong/situations.en.json. Default: the built-in ones.",
        };
        var npcMind = new Option<string>("--mind")
        {
            Description = "Who plays the characters: procedural, or openai (needs --endpoint and --model).",
            DefaultValueFactory = _ => "procedural",
        };
        Spellings.OneOf(npcMind, CommonOptions.Minds);
        // --npc-mind was this option's name before the commands shared one vocabulary.
        var oldNpcMind = Spellings.HiddenAlias(npcMind, "--npc-mind", CommonOptions.Minds);
        var userMind = new Option<string>("--user-mind")
        {
            Description = "Who plays the user: procedural, or openai (the same --endpoint and --model).",
            DefaultValueFactory = _ => "procedural",
        };
        Spellings.OneOf(userMind, CommonOptions.Minds, new Dictionary<string, string> { ["model"] = "openai" });
        var endpoint = new Option<string?>("--endpoint")
        {
            Description = "The OpenAI-compatible base address with its /v1, e.g. http://127.0.0.1:8080/v1.",
        };
        var model = new Option<string?>("--model") { Description = "The model name the endpoint serves." };
        var concurrency = new Option<int>("--concurrency", "-c")
        {
            Description = "Sessions in flight at once (1 to 1000).",
            DefaultValueFactory = _ => 8,
        };
        CommonOptions.WithinRange(concurrency, 1, 1000);
        var cluster = new Option<FileInfo?>("--cluster")
        {
            Description = "Play on the cluster this cluster file describes instead of an embedded silo.",
        };
        var outDir = new Option<DirectoryInfo>("--out", "-o")
        {
            Description = "Directory for transcripts/, discarded/, report.json, report.html and run.json. Created if missing; an " +
                "existing non-empty one is refused unless --force.",
            Required = true,
        };
        var force = new Option<bool>("--force")
        {
            Description = "Write into a non-empty --out: the earlier run's transcripts/, discarded/ and reports are replaced.",
        };
        var judgeFlags = new JudgeFlags();
        var command = new Command("run", "Self-play: every scenario against every user profile, --repeats times, on an embedded silo (or " +
            "--cluster); sessions whose simulated user breaks (speaks as the NPC, loops) are discarded and counted; the rest are scored " +
            "into DIR/report.json and DIR/report.html. Example:\n  worldplay bench run --scenarios " +
            "../shared/data/rpbench-auto/scenes.jsonl --limit 10 --turns 100 --repeats 3 --out /tmp/b")
        {
            scenarios, limit, offset, turns, repeats, users, situations, npcMind, oldNpcMind, userMind, endpoint, model, concurrency,
            cluster, outDir, force,
        };
        foreach (var option in judgeFlags.Options)
        {
            command.Options.Add(option);
        }
        command.SetAction((result, cancellationToken) => RunAsync(
            new BenchRunRequest(
                result.GetValue(scenarios)!,
                result.GetValue(limit),
                result.GetValue(offset),
                result.GetValue(turns),
                result.GetValue(repeats),
                [.. result.GetValue(users)!.ToLowerInvariant()
                    .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
                result.GetValue(situations),
                Spellings.Either(result, npcMind, oldNpcMind)!,
                result.GetValue(userMind)!,
                result.GetValue(endpoint),
                result.GetValue(model),
                result.GetValue(concurrency),
                result.GetValue(cluster),
                result.GetValue(outDir)!,
                result.GetValue(force),
                judgeFlags.Read(result)),
            output,
            error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        BenchRunRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        // Everything a user can get wrong is checked before the silo starts and before anything is written.
        if (request.Limit is < 1)
        {
            throw new ArgumentException($"--limit must be at least 1 (got {request.Limit}).");
        }
        if (request.Offset < 0)
        {
            throw new ArgumentException($"--offset must be 0 or more (got {request.Offset}).");
        }
        var set = LoadScenarios(request);
        var fromFile = request.Situations is { } file
            ? SelfPlayPlan.Playable(LoadSituations(file.FullName))
            : (ImmutableArray<AdversarialSituation>?)null;
        var sessions = SelfPlayPlan.Sessions(set.Scenarios, request.Users, request.Repeats, fromFile ?? AdversarialSituation.BuiltIn);
        var languageModel = CommonOptions.LanguageModel(
            request.NpcMind == "openai" || request.UserMind == "openai" ? "openai" : "procedural", request.Endpoint, request.Model, []);
        var clusterFile = request.Cluster is { } c ? ClusterFile.Read(c.FullName) : null;
        if (clusterFile is not null && fromFile is not null && sessions.Any(s => s.Situation is not null))
        {
            throw new ArgumentException("--situations plays its situations on the embedded silo only; a cluster offers the built-in ones " +
                "(drop --situations or --cluster).");
        }
        var minds = new SessionMinds(request.NpcMind, request.UserMind, languageModel, fromFile);
        PrepareOut(request.Out, request.Force);

        foreach (var skipped in set.Skipped)
        {
            error.WriteLine($"skipped: {skipped}");
        }
        error.WriteLine($"bench: {sessions.Length} sessions ({set.Scenarios.Length} scenarios x {request.Users.Length} users x " +
            $"{request.Repeats} repeats), {request.Turns} turns each, {request.Concurrency} at once; characters: {minds.Npc}");
        var host = clusterFile is null
            ? await WorldPlaySilo.StartEmbeddedAsync(cancellationToken: cancellationToken, minds: minds.Catalog())
            : await WorldPlayClientHosting.ConnectAsync(clusterFile, cancellationToken: cancellationToken);
        SelfPlayResult result;
        try
        {
            var client = new WorldPlayClient(host.Services.GetRequiredService<IGrainFactory>(), Resilience.Create(error.WriteLine));
            var lastTenth = 0;
            var gate = new object();
            var player = new GrainSessionPlayer(client, minds);
            result = await SelfPlayRun.RunAsync(sessions, player, request.Turns, request.Concurrency, request.Out.FullName, p =>
            {
                // A line per tenth of the run keeps CI logs short however many sessions there are.
                lock (gate)
                {
                    var tenth = p.Done * 10 / p.Total;
                    if (tenth > lastTenth)
                    {
                        lastTenth = tenth;
                        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"bench: {p.Done}/{p.Total} sessions, {p.Turns} turns ({p.TurnsPerSecond:0.0} turns/s), {p.Discarded} " +
                            $"discarded, {p.Failed} failed"));
                    }
                }
            }, cancellationToken);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
        }

        foreach (var failed in result.Failed)
        {
            error.WriteLine($"error: session {failed.Name} stopped: {failed.Error}");
        }
        var report = result.Kept.IsEmpty ? null : BenchReportBuilder.Build(result.Kept);
        if (report is not null && request.Judge is { } judge)
        {
            report = await JudgeFlags.JudgeAsync(judge, report, result.Kept, error, cancellationToken);
        }
        if (report is not null)
        {
            ReportFiles.Write(report, request.Out.FullName);
        }
        var record = RunRecord(request, set, minds, result, report).ToJsonString(ReportFiles.Json);
        File.WriteAllText(Path.Combine(request.Out.FullName, RunFileName), record + "\n");
        Summarize(output, request.Out.FullName, result, report);
        return result.Failed.IsEmpty && report is not null ? 0 : WorldPlayCommand.RunStopped;
    }

    private static ScenarioSet LoadScenarios(BenchRunRequest request)
    {
        try
        {
            return ScenarioSource.Load(request.Scenarios, request.Limit, request.Offset);
        }
        catch (ScenarioImportException e)
        {
            throw new ArgumentException($"--scenarios: {e.Message}", e);
        }
    }

    private static ImmutableArray<WorldPlay.Evaluation.Scenarios.AdversarialSituation> LoadSituations(string path)
    {
        try
        {
            return AdversarialSituations.Load(path);
        }
        catch (ScenarioImportException e)
        {
            throw new ArgumentException($"--situations: {e.Message}", e);
        }
    }

    /// <summary>Creates <paramref name="directory"/>, refusing one that already holds files unless <paramref name="force"/>: a run's
    /// counts must describe exactly the transcripts beside them.</summary>
    private static void PrepareOut(DirectoryInfo directory, bool force)
    {
        OutputTarget.Folder(directory, "--out");
        if (directory.Exists && directory.EnumerateFileSystemInfos().Any())
        {
            if (!force)
            {
                throw new ArgumentException($"--out '{directory.FullName}' is not empty; give a new directory, or --force to replace the " +
                    "run in it.");
            }
            foreach (var folder in new[] { SelfPlayRun.TranscriptsFolder, SelfPlayRun.DiscardedFolder })
            {
                var path = Path.Combine(directory.FullName, folder);
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }
            }
            foreach (var name in new[] { ReportFiles.JsonName, ReportFiles.HtmlName, RunFileName })
            {
                File.Delete(Path.Combine(directory.FullName, name));
            }
        }
        directory.Create();
    }

    private static JsonObject RunRecord(
        BenchRunRequest request, ScenarioSet set, SessionMinds minds, SelfPlayResult result, BenchReport? report)
    {
        var byReason = new JsonObject();
        foreach (var group in result.Discarded.GroupBy(d => d.Kind).OrderBy(g => g.Key))
        {
            byReason[group.Key.ToString()] = group.Count();
        }
        return new JsonObject
        {
            ["options"] = new JsonObject
            {
                ["scenarios"] = Path.GetFullPath(request.Scenarios),
                ["limit"] = request.Limit,
                ["offset"] = request.Offset,
                ["turns"] = request.Turns,
                ["repeats"] = request.Repeats,
                ["users"] = new JsonArray([.. request.Users.Select(u => (JsonNode)u)]),
                ["situations"] = request.Situations?.FullName,
                ["npcMind"] = request.NpcMind,
                ["userMind"] = request.UserMind,
                ["endpoint"] = request.Endpoint,
                ["model"] = request.Model,
                ["concurrency"] = request.Concurrency,
                ["cluster"] = request.Cluster?.FullName,
                ["judge"] = request.Judge?.Describe(),
            },
            ["minds"] = new JsonObject { ["npc"] = minds.Npc, ["user"] = minds.UserMindPattern },
            ["scenarios"] = set.Scenarios.Length,
            ["scenariosSkipped"] = set.Skipped.Length,
            ["sessions"] = result.Sessions,
            ["kept"] = result.Kept.Length,
            ["discarded"] = result.Discarded.Length,
            ["discardedByReason"] = byReason,
            ["discardedSessions"] = new JsonArray([.. result.Discarded.Select(d => (JsonNode)new JsonObject
            {
                ["name"] = d.Name, ["kind"] = d.Kind.ToString(), ["turn"] = d.Turn, ["reason"] = d.Reason,
            })]),
            ["failed"] = result.Failed.Length,
            ["failedSessions"] = new JsonArray([.. result.Failed.Select(f => (JsonNode)new JsonObject
            {
                ["name"] = f.Name, ["error"] = f.Error,
            })]),
            ["turns"] = result.Turns,
            ["npcTurns"] = result.Kept.Sum(k => k.NpcTurns),
            ["elapsedMs"] = (long)result.Elapsed.TotalMilliseconds,
            ["turnsPerSecond"] = Math.Round(result.Turns / Math.Max(result.Elapsed.TotalSeconds, 0.001), 1),
            ["overall"] = report?.Overall.Score,
            ["userConstructedRecall"] = report?.UserConstructedRecall?.Recall,
        };
    }

    private static void Summarize(TextWriter output, string directory, SelfPlayResult result, BenchReport? report)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Sessions} sessions: {result.Kept.Length} kept, {result.Discarded.Length} discarded, {result.Failed.Length} failed; " +
            $"{result.Turns} turns in {result.Elapsed.TotalSeconds:0.0} s " +
            $"({result.Turns / Math.Max(result.Elapsed.TotalSeconds, 0.001):0.0} turns/s)"));
        foreach (var reason in result.Discarded.GroupBy(d => d.Kind))
        {
            output.WriteLine($"  discarded {reason.Key}: {reason.Count()}");
        }
        if (report is null)
        {
            output.WriteLine($"no session was kept, so no report; see {Path.Combine(directory, RunFileName)}");
            return;
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"overall {report.Overall.Score:0.0} [{report.Overall.Interval.Low:0.0}, {report.Overall.Interval.High:0.0}] over " +
            $"{report.NpcTurns} NPC replies"));
        foreach (var g in report.Groups)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {g.Group,-17} {g.Score,5:0.0}"));
        }
        output.WriteLine("top categories:");
        foreach (var c in report.Categories.Where(c => c.Hits > 0).OrderByDescending(c => c.Rate).Take(5))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {c.Id,-26} {c.Hits,5} hits  rate {c.Rate:0.000}"));
        }
        BenchCommand.Recall(output, report);
        if (report.Judge is { } verdicts)
        {
            JudgeFlags.Summarize(output, verdicts);
        }
        output.WriteLine($"wrote {Path.Combine(directory, ReportFiles.JsonName)}, {ReportFiles.HtmlName} and {RunFileName}; transcripts " +
            $"in {Path.Combine(directory, SelfPlayRun.TranscriptsFolder)}");
    }
}

internal sealed record BenchRunRequest(
    string Scenarios, int? Limit, int Offset, int Turns, int Repeats, ImmutableArray<string> Users, FileInfo? Situations,
    string NpcMind, string UserMind, string? Endpoint, string? Model, int Concurrency, FileInfo? Cluster, DirectoryInfo Out, bool Force,
    JudgeRequest? Judge);
