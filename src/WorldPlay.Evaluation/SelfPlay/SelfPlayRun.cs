using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using WorldPlay.Evaluation.Detectors;
using WorldPlay.Minds;

namespace WorldPlay.Evaluation.SelfPlay;

/// <summary>A session left out of the report because its simulated user broke: its transcript measures the simulator, not the
/// characters.</summary>
public sealed record DiscardedSession(string Name, UserSimulatorBreakKind Kind, int Turn, string Reason);

/// <summary>A session that could not be played to the end (the model, a silo or storage kept failing after every retry).</summary>
public sealed record FailedSession(string Name, string Error);

/// <summary>How far a run is: sessions finished (kept, discarded or failed) of all, and turns played so far.</summary>
public sealed record SelfPlayProgress(int Done, int Total, int Turns, int Discarded, int Failed, TimeSpan Elapsed)
{
    public double TurnsPerSecond => Elapsed.TotalSeconds <= 0 ? 0 : Turns / Elapsed.TotalSeconds;
}

/// <summary>What a run produced: the kept sessions scored (in plan order), the discarded and failed ones, and its totals.</summary>
public sealed record SelfPlayResult(
    ImmutableArray<ScoredTranscript> Kept,
    ImmutableArray<DiscardedSession> Discarded,
    ImmutableArray<FailedSession> Failed,
    int Sessions,
    int Turns,
    TimeSpan Elapsed);

/// <summary>Runs the sessions of a bench: plays them (several at once), writes each transcript, sets aside those whose
/// simulated user broke, and scores the rest.</summary>
public static class SelfPlayRun
{
    public const string TranscriptsFolder = "transcripts";
    public const string DiscardedFolder = "discarded";

    /// <summary>Plays <paramref name="sessions"/> with <paramref name="player"/>, at most <paramref name="concurrency"/> at once, for
    /// <paramref name="turns"/> turns each. A kept session's transcript goes to <c>DIR/transcripts/NAME.jsonl</c>; a discarded one to
    /// <c>DIR/discarded/NAME.jsonl</c> with <c>NAME.reason.txt</c> beside it. <paramref name="progress"/> hears of every finished
    /// session.</summary>
    public static async Task<SelfPlayResult> RunAsync(
        IReadOnlyList<SelfPlaySession> sessions, ISessionPlayer player, int turns, int concurrency, string directory,
        Action<SelfPlayProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(player);
        ArgumentOutOfRangeException.ThrowIfLessThan(turns, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        var kept = Directory.CreateDirectory(Path.Combine(directory, TranscriptsFolder)).FullName;
        var discardedFolder = Path.Combine(directory, DiscardedFolder);
        var clock = Stopwatch.StartNew();
        var scored = new ScoredTranscript?[sessions.Count];
        var discarded = new ConcurrentBag<(int Index, DiscardedSession Session)>();
        var failed = new ConcurrentBag<(int Index, FailedSession Session)>();
        var (done, played) = (0, 0);
        var gate = new object();

        await Parallel.ForEachAsync(
            Enumerable.Range(0, sessions.Count),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var session = sessions[i];
                var turnCount = 0;
                try
                {
                    var records = await player.PlayAsync(session, turns, token);
                    turnCount = records.Length;
                    var transcript = SessionTranscript.From(session, records);
                    if (SessionTranscript.UserBreak(transcript) is { } broke)
                    {
                        Directory.CreateDirectory(discardedFolder);
                        SessionTranscript.Write(transcript, session, Path.Combine(discardedFolder, session.Name + ".jsonl"));
                        await File.WriteAllTextAsync(Path.Combine(discardedFolder, session.Name + ".reason.txt"),
                            $"{broke.Kind}: {broke.Reason}\n", token);
                        discarded.Add((i, new DiscardedSession(session.Name, broke.Kind, transcript.Lines[broke.Line].Turn, broke.Reason)));
                    }
                    else
                    {
                        SessionTranscript.Write(transcript, session, Path.Combine(kept, session.Name + ".jsonl"));
                        scored[i] = TranscriptScorer.Score(transcript);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One session failing (retries ran out on the model or the silo) must not throw away the others: it is counted and
                    // reported.
                    failed.Add((i, new FailedSession(session.Name, e.Message.Split('\n', 2)[0])));
                }
                SelfPlayProgress now;
                lock (gate)
                {
                    done++;
                    played += turnCount;
                    now = new SelfPlayProgress(done, sessions.Count, played, discarded.Count, failed.Count, clock.Elapsed);
                }
                progress?.Invoke(now);
            });

        return new SelfPlayResult(
            [.. scored.OfType<ScoredTranscript>()],
            [.. discarded.OrderBy(d => d.Index).Select(d => d.Session)],
            [.. failed.OrderBy(f => f.Index).Select(f => f.Session)],
            sessions.Count,
            played,
            clock.Elapsed);
    }
}
