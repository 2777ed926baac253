using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WorldPlay.Cli.Bench;
using WorldPlay.Core.Minds;
using WorldPlay.Evaluation.Judging;
using WorldPlay.Evaluation.Reports;
using WorldPlay.Evaluation.Scenarios;
using WorldPlay.Evaluation.SelfPlay;
using WorldPlay.Hosting;
using WorldPlay.Minds;
using WorldPlay.Minds.Llm;
using WorldPlay.Synthesis.Output;
using WorldPlay.Synthesis.Planning;
using WorldPlay.Synthesis.Sessions;

namespace WorldPlay.Cli.Synthesis;

/// <summary><c>worldplay synth</c>: training data from worlds. Draws jobs from a scenario source by dispersion sampling, enriches
/// skeletal personas, plays every job twice on grains (raw self-play, then synthesis with best-of-K, reviews and rounds) and
/// writes chat, pair and KTO rows, transcripts and the synth report.</summary>
internal static class SynthCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var scenarios = new Option<string>("--scenarios")
        {
            Description = "The scenarios to draw from: an RPBench-Auto scenes.jsonl or characters.jsonl, a Character Card V2 JSON, a " +
                "world file or sample, or a folder of these (as bench run reads them).",
            Required = true,
        };
        var limit = new Option<int?>("--limit") { Description = "Read at most this many records (counted after --offset)." };
        var offset = new Option<int>("--offset")
        {
            Description = "Pass over this many records first (RPBench-Auto: 0-39 dev, 40-79 held out).",
            DefaultValueFactory = _ => 0,
        };
        var sessions = new Option<int>("--sessions")
        {
            Description = "Jobs to synthesize, drawn from the scenarios by dispersion sampling (1 to 100000).",
            Required = true,
        };
        CommonOptions.WithinRange(sessions, 1, 100_000);
        var turns = CommonOptions.TurnsOption("Turns per round, the opening included (1 to 100000).");
        var bestOf = new Option<int>("--best-of", "-k")
        {
            Description = "Alternatives ranked per NPC turn by the bench's detectors (1 to 16; 1 keeps the first reply).",
            DefaultValueFactory = _ => 4,
        };
        CommonOptions.WithinRange(bestOf, 1, 16);
        var rounds = new Option<int>("--rounds")
        {
            Description = "Rounds per job; round r+1 forks from round r's last rewritten segment (1 to 10).",
            DefaultValueFactory = _ => 2,
        };
        CommonOptions.WithinRange(rounds, 1, 10);
        var reviewEvery = new Option<int>("--review-every")
        {
            Description = "Turns per reviewed segment; a segment with findings is replayed on a branch and the better kept (0: no " +
                "review; 0 to 100000).",
            DefaultValueFactory = _ => 20,
        };
        CommonOptions.WithinRange(reviewEvery, 0, 100_000);
        var mind = new Option<string>("--mind")
        {
            Description = "Who plays the characters: procedural, or openai (needs --endpoint and --model).",
            DefaultValueFactory = _ => "procedural",
        };
        Spellings.OneOf(mind, CommonOptions.Minds);
        var endpoint = new Option<string?>("--endpoint")
        {
            Description = "The OpenAI-compatible base address with its /v1, e.g. http://127.0.0.1:8080/v1.",
        };
        var model = new Option<string?>("--model") { Description = "The model name the endpoint serves." };
        var styles = new Option<string?>("--styles")
        {
            Description = "Comma-separated style pool, dealt round-robin over the jobs: character minds of the catalog with --mind " +
                "procedural (default: every one), model names with --mind openai (default: --model).",
        };
        var users = new Option<string>("--users")
        {
            Description = "Comma-separated user-simulator profiles, dealt round-robin over the jobs: " +
                $"{string.Join(", ", SelfPlayPlan.ProfileNames)}.",
            DefaultValueFactory = _ => "slow-burn,fast-plot,co-creator",
        };
        var concurrency = new Option<int>("--concurrency", "-c")
        {
            Description = "Jobs in flight at once (1 to 1000).",
            DefaultValueFactory = _ => 4,
        };
        CommonOptions.WithinRange(concurrency, 1, 1000);
        var cluster = new Option<FileInfo?>("--cluster")
        {
            Description = "Play on the cluster this cluster file describes instead of an embedded silo.",
        };
        var outDir = new Option<DirectoryInfo>("--out", "-o")
        {
            Description = "Directory for chat.sharegpt.jsonl, chat.openai.jsonl, pairs.jsonl, kto.jsonl, transcripts/, synth.json and " +
                "synth.html. Created if missing; an existing non-empty one is refused unless --force.",
            Required = true,
        };
        var force = new Option<bool>("--force")
        {
            Description = "Write into a non-empty --out: the earlier run's rows, transcripts/ and reports are replaced.",
        };
        var json = new Option<bool>("--json") { Description = "Print the run's figures as JSON on stdout (progress stays on stderr)." };
        var seed = CommonOptions.SeedOption("Seeds the draw and the jobs: job i plays with seed S + i.");
        var judgeFlags = new JudgeFlags("ranks every alternative and reviews every segment beside the detectors", sampled: false);
        var command = new Command("synth", "Training data from worlds: draw --sessions jobs from the scenarios by dispersion sampling " +
            "(over-represented tropes neutralised), enrich skeletal personas with world positioning and plot hooks, deal a style pool " +
            "and user profiles, then play every job raw (self-play) and synthesized (planned segments, best-of-K by the bench's " +
            "detectors, reviews that rewrite drifting segments on branches, rounds forked from rewrites) on an embedded silo (or " +
            "--cluster), and write chat, preference and KTO rows, raw and kept transcripts and DIR/synth.json and synth.html. " +
            "Example: worldplay synth --scenarios ../shared/data/rpbench-auto/scenes.jsonl --limit 20 --sessions 40 --turns 60 " +
            "--best-of 4 --rounds 2 --review-every 20 --out /tmp/synth")
        {
            scenarios, limit, offset, sessions, turns, bestOf, rounds, reviewEvery, mind, endpoint, model, styles, users, concurrency,
            cluster, outDir, force, json, seed,
        };
        foreach (var option in judgeFlags.Options)
        {
            command.Options.Add(option);
        }
        command.SetAction((result, cancellationToken) => RunAsync(
            new SynthRequest(
                result.GetValue(scenarios)!,
                result.GetValue(limit),
                result.GetValue(offset),
                result.GetValue(sessions),
                new SynthesisOptions(
                    result.GetValue(turns), result.GetValue(bestOf), result.GetValue(reviewEvery), result.GetValue(rounds)),
                result.GetValue(mind)!,
                result.GetValue(endpoint),
                result.GetValue(model),
                List(result.GetValue(styles)),
                List(result.GetValue(users)!.ToLowerInvariant()),
                result.GetValue(concurrency),
                result.GetValue(cluster),
                result.GetValue(outDir)!,
                result.GetValue(force),
                result.GetValue(json),
                result.GetValue(seed),
                judgeFlags.Read(result)),
            output,
            error,
            cancellationToken));
        return command;
    }

    private static ImmutableArray<string> List(string? value) =>
        value is null ? [] : [.. value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private static async Task<int> RunAsync(SynthRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
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
        var languageModel = CommonOptions.LanguageModel(request.Mind, request.Endpoint, request.Model, []);
        var styles = Styles(request, languageModel);
        Users(request.Users);
        var set = LoadScenarios(request);
        var clusterFile = request.Cluster is { } c ? ClusterFile.Read(c.FullName) : null;
        var plan = SynthesisPlanner.Plan(set.Scenarios, request.Sessions, styles, request.Users, request.Seed);
        PrepareOut(request.Out, request.Force);

        foreach (var skipped in set.Skipped)
        {
            error.WriteLine($"skipped: {skipped}");
        }
        Describe(error, request, set, plan);
        var clock = Stopwatch.StartNew();
        var host = clusterFile is null
            ? await WorldPlaySilo.StartEmbeddedAsync(cancellationToken: cancellationToken, minds: Catalog(languageModel, styles))
            : await WorldPlayClientHosting.ConnectAsync(clusterFile, cancellationToken: cancellationToken);
        var failed = new ConcurrentBag<(int Index, FailedJob Job)>();
        Dictionary<string, SynthesizedSession> raw;
        Dictionary<string, SynthesizedSession> synthesized;
        try
        {
            var judge = request.Judge is { } j ? new LlmJudge(new LlmEndpoint(j.Model)) : null;
            var engine = new SynthesisEngine(host.Services.GetRequiredService<IGrainFactory>(), judge);
            raw = await PlayAllAsync(engine, plan, SynthesisOptions.Raw(request.Synthesis.Turns), "raw", request.Concurrency, failed, error,
                cancellationToken);
            synthesized = await PlayAllAsync(engine, plan, request.Synthesis, "synth", request.Concurrency, failed, error,
                cancellationToken);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
        }

        var directory = request.Out.FullName;
        SynthesisFiles.WriteTranscripts(directory, plan, raw, synthesized);
        var rows = SynthesisFiles.WriteRows(directory,
            [.. plan.Jobs.Where(j => synthesized.ContainsKey(j.Name)).Select(j => SessionRowBuilder.Build(synthesized[j.Name]))]);
        var failures = failed.OrderBy(f => f.Index).Select(f => f.Job).ToList();
        var report = SynthesisReportBuilder.Build(Settings(request, styles), plan, set.Scenarios.Length, set.Skipped.Length, raw,
            synthesized, failures, rows, clock.Elapsed);
        SynthesisFiles.WriteReport(directory, report);
        foreach (var failure in failures)
        {
            error.WriteLine($"error: job {failure.Name} ({failure.Run}) stopped: {failure.Error}");
        }
        if (request.Json)
        {
            output.WriteLine(Summary(directory, report).ToJsonString(ReportFiles.Json));
        }
        else
        {
            Summarize(output, directory, report);
        }
        return failures.Count == 0 ? 0 : WorldPlayCommand.RunStopped;
    }

    /// <summary>The style pool as mind names the catalog resolves: the procedural catalog's character minds, or <c>openai:MODEL</c>
    /// for each model named.</summary>
    private static ImmutableArray<string> Styles(SynthRequest request, LlmMindOptions? languageModel)
    {
        if (languageModel is not null)
        {
            var models = request.Styles.IsEmpty ? [languageModel.Model] : request.Styles;
            return [.. models.Select(m => m.StartsWith("openai:", StringComparison.Ordinal) ? m : $"openai:{m}").Distinct()];
        }
        var known = CharacterMinds(new MindCatalog());
        if (request.Styles.IsEmpty)
        {
            return known;
        }
        foreach (var style in request.Styles)
        {
            if (!known.Contains(style))
            {
                throw new ArgumentException($"--styles: '{style}' is not a character mind of the procedural catalog; known: " +
                    $"{string.Join(", ", known)} (model names go with --mind openai).");
            }
        }
        return [.. request.Styles.Distinct()];
    }

    private static ImmutableArray<string> CharacterMinds(IMindCatalog catalog) =>
        [
            .. catalog.Names.Where(n => !n.StartsWith("user-sim:", StringComparison.Ordinal)
                && !n.StartsWith("openai:", StringComparison.Ordinal)),
        ];

    private static void Users(ImmutableArray<string> users)
    {
        if (users.IsEmpty)
        {
            throw new ArgumentException($"--users names no profile; known: {string.Join(", ", SelfPlayPlan.ProfileNames)}.");
        }
        foreach (var user in users)
        {
            if (!SelfPlayPlan.ProfileNames.Contains(user))
            {
                throw new ArgumentException($"--users: unknown profile '{user}'; known: {string.Join(", ", SelfPlayPlan.ProfileNames)}.");
            }
        }
    }

    /// <summary>The embedded silo's minds: the procedural ones, and a language-model mind per model of the style pool.</summary>
    private static IMindCatalog Catalog(LlmMindOptions? languageModel, ImmutableArray<string> styles)
    {
        if (languageModel is null)
        {
            return new MindCatalog();
        }
        var endpoint = new LlmEndpoint(languageModel);
        return new MindCatalog([
            new ProceduralMind(), .. UserProfile.All.Select(p => new ProceduralUserSimulator(p)),
            .. styles.Select(s => new LlmMind(endpoint, s["openai:".Length..])),
        ]);
    }

    private static ScenarioSet LoadScenarios(SynthRequest request)
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

    /// <summary>Creates <paramref name="directory"/>, refusing one that already holds files unless <paramref name="force"/>.</summary>
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
            var transcripts = Path.Combine(directory.FullName, SynthesisFiles.TranscriptsFolder);
            if (Directory.Exists(transcripts))
            {
                Directory.Delete(transcripts, recursive: true);
            }
            foreach (var name in SynthesisFiles.FileNames)
            {
                File.Delete(Path.Combine(directory.FullName, name));
            }
        }
        directory.Create();
    }

    private static void Describe(TextWriter error, SynthRequest request, ScenarioSet set, SynthesisPlan plan)
    {
        var d = plan.Dispersion;
        var o = request.Synthesis;
        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"synth: {plan.Jobs.Length} jobs from {set.Scenarios.Length} scenarios in {d.Before.Length} groups by {d.Basis} (evenness " +
            $"{d.EvennessBefore:0.00} -> {d.EvennessAfter:0.00}); {plan.Skeletal} skeletal, {plan.Enriched} enriched, {plan.Refused} " +
            $"refused by the loader; {o.Turns} turns, best of {o.BestOf}, review every {o.ReviewEvery}, {o.Rounds} round(s), " +
            $"{request.Concurrency} at once"));
    }

    /// <summary>Plays every job of <paramref name="plan"/> with <paramref name="options"/>, a progress line per tenth on stderr; a
    /// job that fails is recorded and the others go on.</summary>
    private static async Task<Dictionary<string, SynthesizedSession>> PlayAllAsync(
        ISynthesisEngine engine, SynthesisPlan plan, SynthesisOptions options, string run, int concurrency,
        ConcurrentBag<(int Index, FailedJob Job)> failed, TextWriter error, CancellationToken cancellationToken)
    {
        var done = new ConcurrentDictionary<string, SynthesizedSession>(StringComparer.Ordinal);
        var (finished, turns, lastTenth) = (0, 0, 0);
        var gate = new object();
        var clock = Stopwatch.StartNew();
        var offset = run == "raw" ? 0 : plan.Jobs.Length;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, plan.Jobs.Length),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var job = plan.Jobs[i];
                var played = 0;
                try
                {
                    var session = await engine.RunAsync(job, options, token);
                    done[job.Name] = session;
                    played = session.Rounds.Sum(r => r.Transcript.Count(t => t.Turn > r.StartTurn));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One job failing (retries ran out on the model or the silo) must not throw away the others.
                    failed.Add((offset + i, new FailedJob(job.Name, run, e.Message.Split('\n', 2)[0])));
                }
                lock (gate)
                {
                    finished++;
                    turns += played;
                    var tenth = finished * 10 / plan.Jobs.Length;
                    if (tenth > lastTenth)
                    {
                        lastTenth = tenth;
                        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"{run}: {finished}/{plan.Jobs.Length} jobs, {turns} turns " +
                            $"({turns / Math.Max(clock.Elapsed.TotalSeconds, 0.001):0.0}" +
                            $" turns/s), {failed.Count(f => f.Job.Run == run)} failed"));
                    }
                }
            });
        return new Dictionary<string, SynthesizedSession>(done, StringComparer.Ordinal);
    }

    private static SynthesisSettings Settings(SynthRequest request, ImmutableArray<string> styles) => new(
        Path.GetFullPath(request.Scenarios), request.Limit, request.Offset, request.Sessions, request.Synthesis.Turns,
        request.Synthesis.BestOf, request.Synthesis.ReviewEvery, request.Synthesis.Rounds, request.Mind, styles, request.Users,
        request.Judge?.Describe(), request.Seed, request.Concurrency, request.Cluster?.FullName);

    private static JsonObject Summary(string directory, SynthesisReport report)
    {
        var m = report.Misalignment;
        return new JsonObject
        {
            ["out"] = directory,
            ["jobs"] = report.Plan.Jobs,
            ["failed"] = report.Failed.Length,
            ["comparedJobs"] = m.Jobs,
            ["rawMisaligned"] = Math.Round(m.Raw.Misaligned, 4),
            ["keptMisaligned"] = Math.Round(m.Kept.Misaligned, 4),
            ["firstSampleKept"] = Math.Round(report.BestOfK.FirstKeptRate, 4),
            ["reviews"] = report.Rounds.Sum(r => r.Reviews),
            ["rewrites"] = report.Rounds.Sum(r => r.Rewritten),
            ["evennessBefore"] = Math.Round(report.Plan.Dispersion.EvennessBefore, 4),
            ["evennessAfter"] = Math.Round(report.Plan.Dispersion.EvennessAfter, 4),
            ["enriched"] = report.Plan.Enrichment.Enriched,
            ["diversity"] = new JsonObject
            {
                ["rawDistinct2"] = Math.Round(report.Diversity.Before.Distinct2, 4),
                ["keptDistinct2"] = Math.Round(report.Diversity.After.Distinct2, 4),
                ["rawSelfBleu"] = Math.Round(report.Diversity.Before.SelfBleu, 4),
                ["keptSelfBleu"] = Math.Round(report.Diversity.After.SelfBleu, 4),
            },
            ["rows"] = new JsonObject
            {
                ["chat"] = report.Rows.Chat,
                ["pairsBestOfK"] = report.Rows.PairsBestOfK,
                ["pairsRewrite"] = report.Rows.PairsRewrite,
                ["ktoDesirable"] = report.Rows.KtoDesirable,
                ["ktoUndesirable"] = report.Rows.KtoUndesirable,
            },
            ["elapsedMs"] = report.ElapsedMs,
        };
    }

    private static void Summarize(TextWriter output, string directory, SynthesisReport report)
    {
        var m = report.Misalignment;
        var b = report.BestOfK;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Plan.Jobs} jobs ({report.Failed.Length} failed) in {report.ElapsedMs / 1000.0:0.0} s; compared on {m.Jobs}: " +
            $"misaligned replies raw {m.Raw.Misaligned:P1} ({m.Raw.NpcReplies} replies) -> kept {m.Kept.Misaligned:P1} " +
            $"({m.Kept.NpcReplies} replies)"));
        foreach (var c in m.Categories.Where(c => c.RawHits + c.KeptHits > 0).OrderByDescending(c => c.RawRate).Take(6))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {c.Id,-26} raw {c.RawRate:0.000}  kept {c.KeptRate:0.000}"));
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"best of {b.K}: {b.RankedTurns} turns ranked; first sample kept {b.FirstKeptRate:P1}, a regeneration won " +
            $"{b.RegeneratedWinRate:P1} (of {b.Identified})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reviews: {report.Rounds.Sum(r => r.Reviews)} segments, {report.Rounds.Sum(r => r.Flagged)} with findings, " +
            $"{report.Rounds.Sum(r => r.Rewritten)} rewritten; dispersion evenness {report.Plan.Dispersion.EvennessBefore:0.00} -> " +
            $"{report.Plan.Dispersion.EvennessAfter:0.00}; {report.Plan.Enrichment.Enriched} scenario(s) enriched"));
        var d = report.Diversity;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"diversity raw -> kept: distinct-1 {d.Before.Distinct1:0.000} -> {d.After.Distinct1:0.000}, distinct-2 " +
            $"{d.Before.Distinct2:0.000} -> {d.After.Distinct2:0.000}, self-BLEU {d.Before.SelfBleu:0.000} -> {d.After.SelfBleu:0.000}, " +
            $"opener repetition {d.Before.OpenerRepetition:0.000} -> {d.After.OpenerRepetition:0.000}"));
        output.WriteLine($"rows: {report.Rows.Chat} chat, {report.Rows.PairsBestOfK + report.Rows.PairsRewrite} pairs " +
            $"({report.Rows.PairsRewrite} from rewrites), {report.Rows.KtoDesirable + report.Rows.KtoUndesirable} KTO " +
            $"({report.Rows.KtoUndesirable} undesirable)");
        output.WriteLine($"wrote {Path.Combine(directory, SynthesisFiles.JsonName)}, {SynthesisFiles.HtmlName}, the rows and " +
            $"{Path.Combine(directory, SynthesisFiles.TranscriptsFolder)}/{{raw,kept}}");
    }
}

internal sealed record SynthRequest(
    string Scenarios, int? Limit, int Offset, int Sessions, SynthesisOptions Synthesis, string Mind, string? Endpoint, string? Model,
    ImmutableArray<string> Styles, ImmutableArray<string> Users, int Concurrency, FileInfo? Cluster, DirectoryInfo Out, bool Force,
    bool Json, int Seed, JudgeRequest? Judge);
