using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using WorldPlay.Core;

namespace WorldPlay.Load;

/// <summary>The result of a load run: what was asked, acknowledged and stored, how fast, how it failed, and where it ran.</summary>
public sealed class LoadReport
{
    private readonly LoadRequest _request;
    private readonly SceneSpec _scene;
    private readonly IReadOnlyList<SessionLedger> _sessions;
    private readonly IReadOnlyList<SessionVerdict> _verdicts;
    private readonly LoadMeter _meter;
    private readonly TimeSpan _played;
    private readonly SiloKill? _kill;
    private readonly ImmutableArray<LoadSilo> _silos;
    private readonly long _peakWorkingSetBytes;
    private readonly bool _embedded;
    private readonly ModelUsageTally _usage;
    // Read when the run ends, while an embedded silo still lives in this process.
    private readonly long _workingSetBytes;
    private readonly long _gcHeapBytes;

    internal LoadReport(
        LoadRequest request, SceneSpec scene, IReadOnlyList<SessionLedger> sessions, IReadOnlyList<SessionVerdict> verdicts,
        LoadMeter meter, TimeSpan played, SiloKill? kill, ImmutableArray<LoadSilo> silos, long peakWorkingSetBytes, bool embedded,
        ModelUsageTally usage)
    {
        (_request, _scene, _sessions, _verdicts, _meter, _played) = (request, scene, sessions, verdicts, meter, played);
        (_kill, _silos, _peakWorkingSetBytes, _embedded, _usage) = (kill, silos, peakWorkingSetBytes, embedded, usage);
        Timeline = meter.Timeline;
        Latency = meter.TurnLatency;
        var committed = meter.Committed;
        RampUpEnd = sessions.Any(s => s.Opened) ? sessions.Max(s => s.FirstTurnAt ?? played.TotalSeconds) : played.TotalSeconds;
        var deadline = request.Duration is { } seconds ? (double)seconds : double.MaxValue;
        DrainStart = Math.Min(deadline, sessions.Select(s => s.FinishedAt ?? played.TotalSeconds).DefaultIfEmpty(0).Min());
        Phases = LoadPhase.Split(committed, RampUpEnd, DrainStart, played.TotalSeconds);
        TurnsPerSecondFromFirstTurn = LoadPhase.RateFromFirstTurn(committed, request.Duration);
        FirstTurnAt = committed.Count == 0 ? null : Math.Round(committed.Min(t => t.AtSeconds), 2);
        Problems = [.. verdicts.SelectMany(v => v.Problems)];
        using var self = Process.GetCurrentProcess();
        (_workingSetBytes, _gcHeapBytes) = (self.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false));
    }

    public LoadRequest Request => _request;

    /// <summary>Where the sessions played: <c>embedded</c>, <c>cluster FILE</c> or <c>api URL</c>.</summary>
    public string Target { get; init; } = "embedded";

    /// <summary>How the sessions reached it: <c>orleans</c> (the grain client), <c>ws</c> or <c>rest</c> (the studio API).</summary>
    public string Transport { get; init; } = "orleans";

    public SiloKill? Kill => _kill;

    public IReadOnlyList<LoadSecond> Timeline { get; }

    public LatencySummary Latency { get; }

    /// <summary>When every session that opened had its first turn committed, in seconds since the run started.</summary>
    public double RampUpEnd { get; }

    /// <summary>When the first session stopped playing, or the run's deadline, whichever came first.</summary>
    public double DrainStart { get; }

    /// <summary>Ramp-up, steady state and drain, each with its turns (binned at their commit), rate and latency.</summary>
    public ImmutableArray<LoadPhase> Phases { get; }

    /// <summary>Turns per second from the first committed turn until the deadline (with --duration) or the last commit.</summary>
    public double TurnsPerSecondFromFirstTurn { get; }

    /// <summary>When the first turn was committed, in seconds since the run started.</summary>
    public double? FirstTurnAt { get; }

    /// <summary>Every reading of the silos' turn gates, once a second.</summary>
    public IReadOnlyList<GateSample> GateSamples => _meter.GateSamples;

    /// <summary>Turns the silos' turn gates refused (busy) and the client asked again after the retry hint.</summary>
    public int ShedCount => _meter.ShedCount;

    /// <summary>S x T; with --duration, the turns each session had asked for by its last call before the deadline.</summary>
    public long TurnsRequested => _request.Duration is null ? _request.PlannedTurns : _sessions.Sum(s => (long)s.HighestAsked);

    public long TurnsAcknowledged => _sessions.Sum(s => (long)s.Acknowledged.Count);

    public long TurnsCommitted => _verdicts.Sum(v => (long)v.Committed);

    public long LostTurns => _verdicts.Sum(v => (long)v.Lost);

    public ImmutableArray<string> Problems { get; }

    public int ErrorCount => _meter.Errors.Values.Sum();

    public double TurnsPerSecond => _played.TotalSeconds <= 0 ? 0 : Math.Round(TurnsAcknowledged / _played.TotalSeconds, 1);

    /// <summary>The first session failure, type and first line, so a run that fails everywhere says why.</summary>
    public string? FirstFailure => _meter.FirstFailure;

    /// <summary>One line: sessions, turns acknowledged, stored and lost, errors, throughput and latency.</summary>
    public string Closing() =>
        $"load: {_request.Sessions} sessions, {TurnsAcknowledged} turns acknowledged of {TurnsRequested} requested, " +
        $"{TurnsCommitted} stored, lostTurns {LostTurns}, errors {ErrorCount}, {TurnsPerSecond:0.0} turns/s, " +
        $"p50 {Latency.P50Ms} ms, p99 {Latency.P99Ms} ms, max {Latency.MaxMs} ms" +
        (StorageUsed.PerTurn is { } perTurn ? $", {perTurn:0.000} storage operations a turn" : "") +
        (Problems.Length == 0 ? "." : $"; {Problems.Length} timeline problem(s), first: {Problems[0]}");

    public JsonObject Json()
    {
        var calls = _meter.CallLatency;
        var ends = _sessions.GroupBy(s => s.End).ToDictionary(g => g.Key, g => g.Count());
        var json = new JsonObject
        {
            ["sessions"] = _request.Sessions,
            ["turnsPerSession"] = _request.Turns,
            ["characters"] = _request.Characters,
            ["world"] = _request.World,
            ["scene"] = _scene.Id,
            ["mind"] = _request.CharacterMind,
            ["userMind"] = _request.UserMind,
            ["target"] = Target,
            ["transport"] = Transport,
            ["rampUpSeconds"] = _request.RampUpSeconds,
            ["durationSeconds"] = _request.Duration,
            ["turnsRequested"] = TurnsRequested,
            ["turnsAcknowledged"] = TurnsAcknowledged,
            ["turnsCommitted"] = TurnsCommitted,
            ["lostTurns"] = LostTurns,
            ["timelineProblems"] = new JsonArray([.. Problems.Take(20).Select(p => (JsonNode)p)]),
            ["errors"] = Counts(_meter.Errors),
            ["errorCount"] = ErrorCount,
            ["retries"] = Counts(_meter.Retries),
            ["sessionsCompleted"] = ends.GetValueOrDefault(SessionEnd.Completed),
            ["sessionsEndedEarly"] = ends.GetValueOrDefault(SessionEnd.EndedEarly),
            ["sessionsOutOfTime"] = ends.GetValueOrDefault(SessionEnd.OutOfTime),
            ["sessionsFailed"] = ends.GetValueOrDefault(SessionEnd.Failed),
            ["sessionsNotStarted"] = ends.GetValueOrDefault(SessionEnd.NotStarted),
            ["elapsedSeconds"] = Math.Round(_played.TotalSeconds, 2),
            ["turnsPerSecond"] = TurnsPerSecond,
            ["p50Ms"] = Latency.P50Ms,
            ["p95Ms"] = Latency.P95Ms,
            ["p99Ms"] = Latency.P99Ms,
            ["maxMs"] = Latency.MaxMs,
            ["meanMs"] = Latency.MeanMs,
            ["p999Ms"] = Latency.P999Ms,
            ["shed"] = ShedCount,
            ["firstTurnAtSeconds"] = FirstTurnAt,
            ["turnsPerSecondFromFirstTurn"] = TurnsPerSecondFromFirstTurn,
            ["phases"] = Phases.Aggregate(new JsonObject(), (json, phase) =>
            {
                json[phase.Name] = new JsonObject
                {
                    ["fromSeconds"] = phase.FromSeconds,
                    ["toSeconds"] = phase.ToSeconds,
                    ["turns"] = phase.Turns,
                    ["turnsPerSecond"] = phase.TurnsPerSecond,
                    ["p50Ms"] = phase.P50Ms,
                    ["p95Ms"] = phase.P95Ms,
                    ["p99Ms"] = phase.P99Ms,
                    ["p999Ms"] = phase.P999Ms,
                    ["maxMs"] = phase.MaxMs,
                };
                return json;
            }),
            ["committedPerSecond"] = new JsonArray([.. CommittedPerSecond().Select(n => (JsonNode)n)]),
            ["gate"] = Gate(),
            ["storage"] = Storage(),
            ["latencyMeasures"] = LatencyMeasures(),
            ["callLatency"] = new JsonObject
            {
                ["calls"] = calls.Count,
                ["p50Ms"] = calls.P50Ms,
                ["p95Ms"] = calls.P95Ms,
                ["p99Ms"] = calls.P99Ms,
                ["maxMs"] = calls.MaxMs,
                ["p999Ms"] = calls.P999Ms,
                ["turnsPerCall"] = calls.Count == 0 ? 0 : Math.Round((double)TurnsAcknowledged / calls.Count, 2),
            },
            ["silos"] = new JsonArray([.. _silos.Select(s => (JsonNode)new JsonObject
            {
                ["address"] = s.Address,
                ["activations"] = s.Activations,
                ["memoryBytes"] = s.MemoryBytes,
                ["activationsByGrain"] = Counts(s.ActivationsByGrain),
            })]),
            ["process"] = ProcessMemory(),
            ["model"] = Model(),
            ["siloKill"] = _kill is null ? null : new JsonObject
            {
                ["atSeconds"] = _kill.AtSeconds,
                ["silo"] = _kill.Silo,
                ["pid"] = _kill.Pid,
                ["activations"] = _kill.Activations,
                ["turnsAcknowledged"] = _kill.TurnsAcknowledged,
            },
            ["machine"] = $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}",
            ["timeline"] = new JsonArray([.. Timeline.Select(p => (JsonNode)new JsonObject
            {
                ["at"] = p.AtSeconds,
                ["turns"] = p.Turns,
                ["turnsPerSecond"] = p.TurnsPerSecond,
                ["p50Ms"] = p.P50Ms,
                ["p99Ms"] = p.P99Ms,
                ["maxMs"] = p.MaxMs,
                ["callP99Ms"] = p.CallP99Ms,
                ["errors"] = p.Errors,
                ["retries"] = p.Retries,
                ["shed"] = p.Shed,
            })]),
        };
        return json;
    }

    /// <summary>Turns committed in each second of the run (second 0 first), binned at their commit.</summary>
    public IReadOnlyList<int> CommittedPerSecond()
    {
        var committed = _meter.Committed;
        var bins = new int[committed.Count == 0 ? 0 : (int)committed.Max(t => t.AtSeconds) + 1];
        foreach (var turn in committed)
        {
            bins[(int)turn.AtSeconds]++;
        }
        return bins;
    }

    /// <summary>Storage requests the silos sent during the run (each silo's last reading less its first), per stored turn.</summary>
    public StorageTally StorageUsed => StorageTally.Of(_meter.GateSamples.Select(s => s.Reading), TurnsCommitted);

    private JsonObject Storage()
    {
        var used = StorageUsed;
        return new JsonObject
        {
            ["counted"] = used.Operations > 0,
            ["operations"] = used.Operations,
            ["perTurn"] = used.PerTurn,
            ["tableTransactions"] = used.TableTransactions,
            ["tableWrites"] = used.TableWrites,
            ["tableReads"] = used.TableReads,
            ["blobWrites"] = used.BlobWrites,
            ["blobReads"] = used.BlobReads,
            ["other"] = used.Other,
            ["measures"] = "requests each silo's Azure Table and Blob clients sent (every attempt), from a reading before the first " +
                "session to the last reading, over the turns stored; a killed silo counts up to its last reading; 0 on in-memory storage",
        };
    }

    /// <summary>Each silo's turn gate: its limits and totals at the last reading, and its running and waiting turns each second.
    /// </summary>
    private JsonObject Gate()
    {
        var samples = _meter.GateSamples;
        return new JsonObject
        {
            ["silos"] = new JsonArray([.. samples.GroupBy(s => s.Reading.Silo).Select(g => (JsonNode)new JsonObject
            {
                ["silo"] = g.Key,
                ["maxRunning"] = g.Last().Reading.MaxRunning,
                ["maxWaiting"] = g.Last().Reading.MaxWaiting,
                ["admitted"] = g.Last().Reading.Admitted,
                ["shed"] = g.Last().Reading.Shed,
                ["peakRunning"] = g.Max(s => s.Reading.Running),
                ["peakWaiting"] = g.Max(s => s.Reading.Waiting),
            })]),
            ["timeline"] = new JsonArray([.. samples.Select(s => (JsonNode)new JsonObject
            {
                ["at"] = s.AtSeconds,
                ["silo"] = s.Reading.Silo,
                ["running"] = s.Reading.Running,
                ["waiting"] = s.Reading.Waiting,
            })]),
        };
    }

    private string LatencyMeasures() => Transport switch
    {
        "ws" => "p50Ms..maxMs: each acknowledged turn as this client saw it arrive on the scene's WebSocket (since the command was " +
            "sent or the turn before arrived); callLatency: each converse command until its done, retries included",
        "rest" => "p50Ms..maxMs: each converse call's time divided among the turns it returned; callLatency: each converse call as " +
            "this client measured it, retries included",
        _ => "p50Ms..maxMs: each acknowledged turn as its scene measured it (decide, judge, commit); " +
            "callLatency: each Play call as this client measured it, retries included",
    };

    /// <summary>This process's memory: with the embedded silo it holds the silo, so it is the silo's memory plus this driver's.</summary>
    private JsonObject ProcessMemory() => new()
    {
        ["holdsTheSilo"] = _embedded,
        ["workingSetBytes"] = _workingSetBytes,
        ["peakWorkingSetBytesWhilePlaying"] = _peakWorkingSetBytes,
        ["gcHeapBytes"] = _gcHeapBytes,
    };

    private JsonObject? Model()
    {
        if (_request.LanguageModel is null)
        {
            return null;
        }
        var seconds = Math.Max(_played.TotalSeconds, 0.001);
        var meanLatency = _usage.ModelTurns == 0 ? 0 : _usage.LatencyMsTotal / _usage.ModelTurns;
        return new JsonObject
        {
            ["model"] = _request.LanguageModel.Model,
            ["modelConcurrency"] = _embedded ? _request.ModelConcurrency ?? _request.LanguageModel.MaxConcurrentRequests : null,
            ["modelTurns"] = _usage.ModelTurns,
            ["modelCalls"] = _usage.ModelTurns + _usage.Retries + _usage.Repairs,
            ["promptTokens"] = _usage.PromptTokens,
            ["completionTokens"] = _usage.CompletionTokens,
            ["retries"] = _usage.Retries,
            ["repairs"] = _usage.Repairs,
            ["parseFailures"] = _usage.ParseFailures,
            ["modelTurnsPerSecond"] = Math.Round(_usage.ModelTurns / seconds, 1),
            ["meanModelLatencyMs"] = Math.Round(meanLatency, 1),
            // Each session has at most one model call in flight, so S sessions can keep at most S calls busy: this is the
            // share of that ceiling the run reached (1.0 = every session always waiting on the model).
            ["sessionsBusyOnModel"] = Math.Round(_usage.ModelTurns * meanLatency / 1000 / seconds / _request.Sessions, 3),
        };
    }

    private static JsonObject Counts(IEnumerable<KeyValuePair<string, int>> counts)
    {
        var json = new JsonObject();
        foreach (var (key, count) in counts)
        {
            json[key] = count;
        }
        return json;
    }
}
