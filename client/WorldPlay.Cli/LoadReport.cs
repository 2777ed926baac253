using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json.Nodes;
using WorldPlay.Core;

namespace WorldPlay.Cli;

/// <summary>The result of a load run: what was asked, acknowledged and stored, how fast, how it failed, and where it ran.</summary>
internal sealed class LoadReport(
    LoadRequest request, SceneSpec scene, IReadOnlyList<SessionLedger> sessions, IReadOnlyList<SessionVerdict> verdicts, LoadMeter meter,
    TimeSpan played, SiloKill? kill, ImmutableArray<LoadSilo> silos, long peakWorkingSetBytes, bool embedded, ModelUsageTally usage)
{
    public LoadRequest Request => request;

    public SiloKill? Kill => kill;

    public IReadOnlyList<LoadSecond> Timeline { get; } = meter.Timeline;

    public LatencySummary Latency { get; } = meter.TurnLatency;

    /// <summary>S x T; with --duration, the turns each session had asked for by its last call before the deadline.</summary>
    public long TurnsRequested => request.Duration is null ? request.PlannedTurns : sessions.Sum(s => (long)s.HighestAsked);

    public long TurnsAcknowledged => sessions.Sum(s => (long)s.Acknowledged.Count);

    public long TurnsCommitted => verdicts.Sum(v => (long)v.Committed);

    public long LostTurns => verdicts.Sum(v => (long)v.Lost);

    public ImmutableArray<string> Problems { get; } = [.. verdicts.SelectMany(v => v.Problems)];

    public int ErrorCount => meter.Errors.Values.Sum();

    public double TurnsPerSecond => played.TotalSeconds <= 0 ? 0 : Math.Round(TurnsAcknowledged / played.TotalSeconds, 1);

    public string Closing() =>
        $"load: {request.Sessions} sessions, {TurnsAcknowledged} turns acknowledged of {TurnsRequested} requested, {TurnsCommitted} stored, " +
        $"lostTurns {LostTurns}, errors {ErrorCount}, {TurnsPerSecond:0.0} turns/s, p50 {Latency.P50Ms} ms, p99 {Latency.P99Ms} ms, max {Latency.MaxMs} ms" +
        (Problems.Length == 0 ? "." : $"; {Problems.Length} timeline problem(s), first: {Problems[0]}");

    public JsonObject Json()
    {
        var calls = meter.CallLatency;
        var ends = sessions.GroupBy(s => s.End).ToDictionary(g => g.Key, g => g.Count());
        var json = new JsonObject
        {
            ["sessions"] = request.Sessions,
            ["turnsPerSession"] = request.Turns,
            ["characters"] = request.Characters,
            ["world"] = request.World,
            ["scene"] = scene.Id,
            ["mind"] = request.CharacterMind,
            ["userMind"] = request.UserMind,
            ["target"] = embedded ? "embedded" : $"cluster {request.Cluster!.FullName}",
            ["rampUpSeconds"] = request.RampUpSeconds,
            ["durationSeconds"] = request.Duration,
            ["turnsRequested"] = TurnsRequested,
            ["turnsAcknowledged"] = TurnsAcknowledged,
            ["turnsCommitted"] = TurnsCommitted,
            ["lostTurns"] = LostTurns,
            ["timelineProblems"] = new JsonArray([.. Problems.Take(20).Select(p => (JsonNode)p)]),
            ["errors"] = Counts(meter.Errors),
            ["errorCount"] = ErrorCount,
            ["retries"] = Counts(meter.Retries),
            ["sessionsCompleted"] = ends.GetValueOrDefault(SessionEnd.Completed),
            ["sessionsEndedEarly"] = ends.GetValueOrDefault(SessionEnd.EndedEarly),
            ["sessionsOutOfTime"] = ends.GetValueOrDefault(SessionEnd.OutOfTime),
            ["sessionsFailed"] = ends.GetValueOrDefault(SessionEnd.Failed),
            ["sessionsNotStarted"] = ends.GetValueOrDefault(SessionEnd.NotStarted),
            ["elapsedSeconds"] = Math.Round(played.TotalSeconds, 2),
            ["turnsPerSecond"] = TurnsPerSecond,
            ["p50Ms"] = Latency.P50Ms,
            ["p95Ms"] = Latency.P95Ms,
            ["p99Ms"] = Latency.P99Ms,
            ["maxMs"] = Latency.MaxMs,
            ["meanMs"] = Latency.MeanMs,
            ["latencyMeasures"] = "p50Ms..maxMs: each acknowledged turn as its scene measured it (decide, judge, commit); callLatency: each Play call as this client measured it, retries included",
            ["callLatency"] = new JsonObject
            {
                ["calls"] = calls.Count,
                ["p50Ms"] = calls.P50Ms,
                ["p95Ms"] = calls.P95Ms,
                ["p99Ms"] = calls.P99Ms,
                ["maxMs"] = calls.MaxMs,
                ["turnsPerCall"] = calls.Count == 0 ? 0 : Math.Round((double)TurnsAcknowledged / calls.Count, 2),
            },
            ["silos"] = new JsonArray([.. silos.Select(s => (JsonNode)new JsonObject
            {
                ["address"] = s.Address,
                ["activations"] = s.Activations,
                ["memoryBytes"] = s.MemoryBytes,
                ["activationsByGrain"] = Counts(s.ActivationsByGrain),
            })]),
            ["process"] = ProcessMemory(),
            ["model"] = Model(),
            ["siloKill"] = kill is null ? null : new JsonObject
            {
                ["atSeconds"] = kill.AtSeconds,
                ["silo"] = kill.Silo,
                ["pid"] = kill.Pid,
                ["activations"] = kill.Activations,
                ["turnsAcknowledged"] = kill.TurnsAcknowledged,
            },
            ["machine"] = $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}",
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
            })]),
        };
        return json;
    }

    /// <summary>This process's memory: with the embedded silo it holds the silo, so it is the silo's memory plus this driver's.</summary>
    private JsonObject ProcessMemory()
    {
        using var self = Process.GetCurrentProcess();
        return new JsonObject
        {
            ["holdsTheSilo"] = embedded,
            ["workingSetBytes"] = self.WorkingSet64,
            ["peakWorkingSetBytesWhilePlaying"] = peakWorkingSetBytes,
            ["gcHeapBytes"] = GC.GetTotalMemory(forceFullCollection: false),
        };
    }

    private JsonObject? Model()
    {
        if (request.LanguageModel is null)
        {
            return null;
        }
        var seconds = Math.Max(played.TotalSeconds, 0.001);
        var meanLatency = usage.ModelTurns == 0 ? 0 : usage.LatencyMsTotal / usage.ModelTurns;
        return new JsonObject
        {
            ["model"] = request.LanguageModel.Model,
            ["modelConcurrency"] = embedded ? request.ModelConcurrency ?? request.LanguageModel.MaxConcurrentRequests : null,
            ["modelTurns"] = usage.ModelTurns,
            ["modelCalls"] = usage.ModelTurns + usage.Retries + usage.Repairs,
            ["promptTokens"] = usage.PromptTokens,
            ["completionTokens"] = usage.CompletionTokens,
            ["retries"] = usage.Retries,
            ["repairs"] = usage.Repairs,
            ["parseFailures"] = usage.ParseFailures,
            ["modelTurnsPerSecond"] = Math.Round(usage.ModelTurns / seconds, 1),
            ["meanModelLatencyMs"] = Math.Round(meanLatency, 1),
            // Each session has at most one model call in flight, so S sessions can keep at most S calls busy: this is the
            // share of that ceiling the run reached (1.0 = every session always waiting on the model).
            ["sessionsBusyOnModel"] = Math.Round(usage.ModelTurns * meanLatency / 1000 / seconds / request.Sessions, 3),
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
