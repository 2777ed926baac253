using System.Collections.Immutable;
using System.Diagnostics;

namespace WorldPlay.FakeLlm;

/// <summary>What the fake model has served since it started, as <c>GET /stats</c> shows it.</summary>
/// <param name="Requests">Chat completion requests received (faulted or not).</param>
/// <param name="Streamed">Of those, how many asked for a stream.</param>
/// <param name="Completed">Requests answered in full with a good reply.</param>
/// <param name="Rejected">Requests refused as invalid (HTTP 400).</param>
/// <param name="Abandoned">Requests whose client went away (or the server stopped) before the reply was complete.</param>
/// <param name="Faults">Injected faults by name (<c>429</c>, <c>500</c>, <c>timeout</c>, <c>malformed</c>, <c>truncated</c>,
/// <c>schema</c>).</param>
/// <param name="ConcurrentNow">Chat completion requests in progress now.</param>
/// <param name="ConcurrentMax">The most that were ever in progress at once.</param>
/// <param name="PromptTokens">Prompt tokens of the requests answered with content, good or spoiled (cl100k over the message
/// contents).</param>
/// <param name="CompletionTokens">Completion tokens sent (of a truncated reply, only those sent).</param>
/// <param name="BusySeconds">Sum of all requests' durations: divided by <see cref="UptimeSeconds"/>, the mean concurrency.</param>
/// <param name="UptimeSeconds">Seconds since the server started.</param>
public sealed record FakeLlmStats(
    long Requests,
    long Streamed,
    long Completed,
    long Rejected,
    long Abandoned,
    ImmutableSortedDictionary<string, long> Faults,
    int ConcurrentNow,
    int ConcurrentMax,
    long PromptTokens,
    long CompletionTokens,
    double BusySeconds,
    double UptimeSeconds)
{
    /// <summary>Tokens in both directions.</summary>
    public long TotalTokens => PromptTokens + CompletionTokens;
}

/// <summary>The live counters behind <see cref="FakeLlmStats"/>; every update is atomic, so any number of requests may count at
/// once.</summary>
internal sealed class StatsCounters
{
    private readonly long[] _faults = new long[FaultNames.All.Length];
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _requests;
    private long _streamed;
    private long _completed;
    private long _rejected;
    private long _abandoned;
    private int _concurrentNow;
    private int _concurrentMax;
    private long _promptTokens;
    private long _completionTokens;
    private long _busyTicks;

    /// <summary>Counts a request in and returns its number (1, 2, ...), which seeds its fault draw.</summary>
    public long Begin()
    {
        var now = Interlocked.Increment(ref _concurrentNow);
        var max = Volatile.Read(ref _concurrentMax);
        while (now > max)
        {
            var seen = Interlocked.CompareExchange(ref _concurrentMax, now, max);
            if (seen == max)
            {
                break;
            }
            max = seen;
        }
        return Interlocked.Increment(ref _requests);
    }

    public void End(long startedTimestamp)
    {
        Interlocked.Add(ref _busyTicks, Stopwatch.GetTimestamp() - startedTimestamp);
        Interlocked.Decrement(ref _concurrentNow);
    }

    public void Streamed() => Interlocked.Increment(ref _streamed);

    public void Completed() => Interlocked.Increment(ref _completed);

    public void Rejected() => Interlocked.Increment(ref _rejected);

    public void Abandoned() => Interlocked.Increment(ref _abandoned);

    public void Faulted(Fault fault) => Interlocked.Increment(ref _faults[(int)fault]);

    public void Tokens(int prompt, int completion)
    {
        Interlocked.Add(ref _promptTokens, prompt);
        Interlocked.Add(ref _completionTokens, completion);
    }

    public FakeLlmStats Snapshot() => new(
        Interlocked.Read(ref _requests),
        Interlocked.Read(ref _streamed),
        Interlocked.Read(ref _completed),
        Interlocked.Read(ref _rejected),
        Interlocked.Read(ref _abandoned),
        FaultNames.All.ToImmutableSortedDictionary(FaultNames.NameOf, f => Interlocked.Read(ref _faults[(int)f]), StringComparer.Ordinal),
        Volatile.Read(ref _concurrentNow),
        Volatile.Read(ref _concurrentMax),
        Interlocked.Read(ref _promptTokens),
        Interlocked.Read(ref _completionTokens),
        Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _busyTicks)).TotalSeconds,
        Stopwatch.GetElapsedTime(_started).TotalSeconds);
}
