using System.Collections.Immutable;
using System.Diagnostics;
using Polly;
using Polly.Retry;
using WorldPlay.Client;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Scenes;
using WorldPlay.Load.Sessions;

namespace WorldPlay.Load;

/// <summary>One load run: starts the sessions (spread over the ramp-up), plays each to its last turn through its
/// <see cref="ISessionDriver"/>, ticks the timeline and the progress line, kills a silo when asked, then reads every session back
/// from storage.</summary>
internal sealed class LoadRun(
    LoadRequest request, WorldDefinition definition, ILoadTarget target, LoadMeter meter, IKillableSilos? local, TextWriter progress)
{
    private static readonly TimeSpan TickEvery = TimeSpan.FromSeconds(1);

    /// <summary>Turns asked for per call: a call returns after about 10 s anyway, and smaller calls give the timeline finer
    /// grain.</summary>
    private const int Batch = 20;

    private const int SessionAttempts = 6;

    /// <summary>The longest a server's <c>Retry-After</c> is obeyed; a longer one waits this long and asks again.</summary>
    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromSeconds(30);

    private readonly Stopwatch _clock = new();
    private readonly SessionLedger[] _sessions = [.. Enumerable.Range(1, request.Sessions).Select(i =>
    {
        var worldKey = $"load-{definition.Setting.Id}-{i}-{Guid.NewGuid():N}";
        return new SessionLedger(i, worldKey, $"{worldKey}/{definition.Scenes[0].Id}");
    })];

    /// <summary>Opening a session and each call that plays it retry any failure but bad input, an unreachable model or a refusal
    /// that asking again cannot change, backing off 1, 2, 4, 8 and 16 s (or what the server's <c>Retry-After</c> says), and count
    /// each retry. Wider than <see cref="Resilience.Pipeline"/>'s transient failures, as a game client would be: every driver
    /// makes a retried call play nothing twice (<see cref="ISessionDriver"/>), so whatever a failed call committed is neither lost
    /// nor played twice.</summary>
    private readonly ResiliencePipeline _sessionRetries = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(Retryable),
            MaxRetryAttempts = SessionAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromSeconds(1),
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is StudioApiException { RetryAfter: { } after }
                ? (TimeSpan?)(after < LongestRetryAfter ? after : LongestRetryAfter)
                : null),
            OnRetry = args =>
            {
                meter.Retried(args.Outcome.Exception!);
                return default;
            },
        })
        .Build();

    /// <summary>A turn a busy silo refused is asked again after the silo's retry hint, as often as it takes: shedding is the silo
    /// pacing its callers, not a failure, so it spends none of <see cref="_sessionRetries"/>'s attempts and counts as shed.</summary>
    private readonly ResiliencePipeline _shedRetries = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => BusyFor(e) is not null),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Constant,
            DelayGenerator = args => ValueTask.FromResult(BusyFor(args.Outcome.Exception!)),
            OnRetry = _ =>
            {
                meter.Shed();
                return default;
            },
        })
        .Build();

    private SiloKill? _kill;

    /// <summary>1 once a session has claimed the kill; the kill itself, awaited before the report.</summary>
    private int _killClaimed;
    private Task _killing = Task.CompletedTask;

    private static bool Retryable(Exception e) =>
        e is not ArgumentException and not ModelUnreachableException and not StudioApiException { Permanent: true };

    /// <summary>How long a busy silo asked the caller to wait, for a refusal by its turn gate; null for any other failure.</summary>
    private static TimeSpan? BusyFor(Exception e) => e switch
    {
        SiloBusyException busy => busy.RetryAfter,
        StudioApiException { Busy: true } api => api.RetryAfter ?? TimeSpan.FromSeconds(1),
        _ => null,
    };

    public async Task<LoadReport> PlayAndVerifyAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (request.Duration is { } seconds)
        {
            deadline.CancelAfter(TimeSpan.FromSeconds(seconds));
        }
        using var playing = new CancellationTokenSource();
        var rss = new PeakMemory();
        var drivers = _sessions.Select(target.Session).ToArray();
        try
        {
            // A first reading before any session starts: the silos' storage counts from here on are the run's.
            await SampleGatesAsync();
            _clock.Start();
            var ticking = TickAsync(rss, playing.Token);
            await Task.WhenAll(_sessions.Select((s, i) => PlaySessionAsync(s, drivers[i], deadline.Token)));
            var played = _clock.Elapsed;
            await _killing;
            await playing.CancelAsync();
            await ticking;
            meter.Tick(_clock.Elapsed);
            // A last reading, so even a run shorter than a tick reports its silos' gates.
            await SampleGatesAsync();

            progress.WriteLine($"load: played for {played.TotalSeconds:0.0} s; reading {_sessions.Length} sessions back from storage...");
            var silos = await target.SilosAsync();
            var verdicts = new SessionVerdict[_sessions.Length];
            var usage = new ModelUsageTally();
            await Parallel.ForEachAsync(
                Enumerable.Range(0, _sessions.Length),
                new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = CancellationToken.None },
                async (i, _) => verdicts[i] = await VerifyAsync(_sessions[i], drivers[i], usage));
            return new LoadReport(
                request, definition.Scenes[0], _sessions, verdicts, meter, played, _kill, silos, rss.PeakBytes, target.Embedded, usage)
            {
                Target = target.Name,
                Transport = target.Transport,
            };
        }
        finally
        {
            foreach (var driver in drivers)
            {
                await driver.DisposeAsync();
            }
        }
    }

    private async Task PlaySessionAsync(SessionLedger session, ISessionDriver driver, CancellationToken deadline)
    {
        var delay = request.Sessions <= 1
            ? TimeSpan.Zero
            : TimeSpan.FromSeconds((double)request.RampUpSeconds * (session.Number - 1) / request.Sessions);
        try
        {
            await Task.Delay(delay, deadline);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            var opened = await _sessionRetries.ExecuteAsync(async _ => await driver.OpenAsync(CancellationToken.None));
            session.Opened = true;
            var (reached, goal) = (opened, opened + request.Turns);
            while (reached < goal)
            {
                if (deadline.IsCancellationRequested)
                {
                    session.End = SessionEnd.OutOfTime;
                    return;
                }
                session.HighestAsked = Math.Min(goal, reached + Batch) - opened;
                var started = Stopwatch.GetTimestamp();
                var startedAt = _clock.Elapsed;
                var batch = await _sessionRetries.ExecuteAsync(
                    async _ => await _shedRetries.ExecuteAsync(
                        async _ => await driver.PlayUntilAsync(goal, Batch, CancellationToken.None), CancellationToken.None),
                    CancellationToken.None);
                var call = Stopwatch.GetElapsedTime(started);
                foreach (var turn in batch.Turns)
                {
                    session.Acknowledge(turn.Turn);
                }
                session.FirstTurnAt ??= batch.Turns.Length > 0
                    ? startedAt.TotalSeconds + Math.Min(call.TotalSeconds, batch.Turns[0].LatencyMs / 1000)
                    : null;
                meter.Played(batch.Turns, call, startedAt);
                KillIfDue();
                if (batch.Turns.Length == 0)
                {
                    session.End = SessionEnd.EndedEarly;
                    return;
                }
                reached = batch.SceneTurn;
            }
            session.End = SessionEnd.Completed;
        }
        catch (Exception e)
        {
            // Whatever it is, one failed session must not end the others: it is counted, by type, and the run goes on.
            session.End = SessionEnd.Failed;
            meter.Failed(e);
        }
        finally
        {
            session.FinishedAt = _clock.Elapsed.TotalSeconds;
            meter.SessionDone();
        }
    }

    /// <summary>Kills a silo once, as soon as the acknowledged turns reach <c>--kill-silo-at</c> percent: checked when a call
    /// returns, so a run faster than the once-a-second tick still has its silo killed on time.</summary>
    private void KillIfDue()
    {
        if (request.KillSiloAt is { } percent && local is { } silos && meter.Acknowledged * 100 >= percent * request.PlannedTurns
            && Interlocked.Exchange(ref _killClaimed, 1) == 0)
        {
            _killing = KillAsync(silos);
        }
    }

    private async Task KillAsync(IKillableSilos silos)
    {
        _kill = await KillOneSiloAsync(silos);
        progress.WriteLine(_kill.Describe());
    }

    private async Task TickAsync(PeakMemory rss, CancellationToken playing)
    {
        using var timer = new PeriodicTimer(TickEvery);
        var ticks = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(playing))
            {
                var point = meter.Tick(_clock.Elapsed);
                rss.Sample();
                await SampleGatesAsync();
                if (++ticks % 2 == 0)
                {
                    progress.WriteLine(Progress(point));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Play ended.
        }
    }

    /// <summary>Reads every silo's turn gate once; a silo that does not answer within a second (one being killed) is skipped.
    /// </summary>
    private async Task SampleGatesAsync()
    {
        try
        {
            var at = _clock.Elapsed;
            meter.Sampled(at, await target.MetersAsync().WaitAsync(TickEvery));
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            // A silo going away: the next tick reads the ones that are left.
        }
        catch (InvalidOperationException e)
        {
            progress.WriteLine($"load: turn gates not sampled this second: {e.Message}");
        }
    }

    private string Progress(LoadSecond point)
    {
        var latency = meter.TurnLatency;
        var errors = meter.Errors.Values.Sum();
        var retries = meter.Retries.Values.Sum();
        var share = 100.0 * meter.Acknowledged / request.PlannedTurns;
        return $"load: {_clock.Elapsed.TotalSeconds,6:0} s  {meter.Acknowledged}/{request.PlannedTurns} turns ({share:0.0}%)  " +
            $"{point.TurnsPerSecond:0} turns/s  p50 {latency.P50Ms:0.0} ms  p99 {latency.P99Ms:0.0} ms  " +
            $"errors {errors}  retries {retries}  shed {meter.ShedCount}  " +
            $"sessions {meter.SessionsDone}/{request.Sessions} done";
    }

    /// <summary>Kills the silo that hosts the most activations, so the kill moves as many sessions as one kill can.</summary>
    private async Task<SiloKill> KillOneSiloAsync(IKillableSilos silos)
    {
        var running = silos.Running();
        var activations = (await target.SilosAsync()).ToDictionary(s => s.Port, s => s.Activations);
        var victim = running.OrderByDescending(s => activations.GetValueOrDefault(s.SiloPort)).ThenByDescending(s => s.Number).First();
        var at = _clock.Elapsed;
        silos.Kill(victim);
        return new SiloKill(
            Math.Round(at.TotalSeconds, 2), victim.Number, victim.Pid, activations.GetValueOrDefault(victim.SiloPort), meter.Acknowledged);
    }

    private static async Task<SessionVerdict> VerifyAsync(SessionLedger session, ISessionDriver driver, ModelUsageTally usage)
    {
        if (!session.Opened)
        {
            // Nothing was acknowledged to a session that never opened (it failed or ran out of time first): nothing can be lost.
            return new SessionVerdict(0, 0, []);
        }
        var stored = await driver.ReadBackAsync(CancellationToken.None);
        usage.Merge(stored.Usage);
        return SessionVerdict.Of($"session {session.Number} ({session.SceneKey})", session.Acknowledged, stored.Turns, stored.EventSeqs);
    }
}

/// <summary>When and which silo the run killed, and how far the run was then.</summary>
public sealed record SiloKill(double AtSeconds, int Silo, int Pid, int Activations, long TurnsAcknowledged)
{
    /// <summary>The line the run prints when it kills the silo.</summary>
    public string Describe() => $"load: killed silo {Silo} (pid {Pid}, {Activations} activations) with SIGKILL at {AtSeconds:0.0} s, " +
        $"after {TurnsAcknowledged} acknowledged turns.";
}

/// <summary>The highest resident memory of this process seen while the run played.</summary>
internal sealed class PeakMemory
{
    public long PeakBytes { get; private set; }

    public void Sample()
    {
        using var self = Process.GetCurrentProcess();
        PeakBytes = Math.Max(PeakBytes, self.WorkingSet64);
    }
}

/// <summary>Model usage summed over stored turns: what the language model was asked and answered.</summary>
internal sealed class ModelUsageTally
{
    private readonly Lock _gate = new();

    public long ModelTurns { get; private set; }

    public long PromptTokens { get; private set; }

    public long CompletionTokens { get; private set; }

    public long Retries { get; private set; }

    public long Repairs { get; private set; }

    public long ParseFailures { get; private set; }

    public double LatencyMsTotal { get; private set; }

    public void Add(TurnRecord turn)
    {
        var usage = turn.Usage;
        if (usage.PromptTokens == 0 && usage.CompletionTokens == 0)
        {
            return; // a procedural turn (the user simulator, or a procedural mind)
        }
        ModelTurns++;
        (PromptTokens, CompletionTokens) = (PromptTokens + usage.PromptTokens, CompletionTokens + usage.CompletionTokens);
        (Retries, Repairs, ParseFailures) = (Retries + usage.Retries, Repairs + usage.RepairAttempts, ParseFailures + usage.ParseFailures);
        LatencyMsTotal += usage.LatencyMs;
    }

    public void Merge(ModelUsageTally other)
    {
        lock (_gate)
        {
            (ModelTurns, PromptTokens, CompletionTokens) =
                (ModelTurns + other.ModelTurns, PromptTokens + other.PromptTokens, CompletionTokens + other.CompletionTokens);
            (Retries, Repairs, ParseFailures) = (Retries + other.Retries, Repairs + other.Repairs, ParseFailures + other.ParseFailures);
            LatencyMsTotal += other.LatencyMsTotal;
        }
    }
}

/// <summary>One silo as the management grain sees it: activations by kind, and memory.</summary>
internal sealed record LoadSilo(
    string Address, int Port, int Activations, long? MemoryBytes, ImmutableSortedDictionary<string, int> ActivationsByGrain);

internal static class LoadSilos
{
    /// <summary>Every active silo's statistics. The management grain answers for the whole cluster, embedded or not. A silo the
    /// membership still lists but that no longer answers (one the run killed, not yet declared dead) is left out: the report
    /// is written whatever state the cluster is in.</summary>
    public static async Task<ImmutableArray<LoadSilo>> ReadAsync(IGrainFactory grains)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var silos = ImmutableArray.CreateBuilder<LoadSilo>();
        foreach (var host in (await management.GetHosts(onlyActive: true)).Keys)
        {
            try
            {
                var runtime = (await management.GetRuntimeStatistics([host]))[0];
                var byGrain = await management.GetSimpleGrainStatistics([host]);
                silos.Add(new LoadSilo(
                    host.ToString(),
                    host.Endpoint.Port,
                    runtime.ActivationCount,
                    runtime.EnvironmentStatistics.FilteredMemoryUsageBytes,
                    byGrain.Where(g => g.ActivationCount > 0)
                        .GroupBy(g => ShortName(g.GrainType))
                        .ToImmutableSortedDictionary(g => g.Key, g => g.Sum(x => x.ActivationCount), StringComparer.Ordinal)));
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
            }
        }
        return silos.ToImmutable();
    }

    private static string ShortName(string grainType) => grainType.Split(',')[0].Split('.')[^1];
}
