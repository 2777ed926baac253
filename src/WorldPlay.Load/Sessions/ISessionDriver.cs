using System.Collections.Immutable;
using WorldPlay.Contracts;

namespace WorldPlay.Load.Sessions;

/// <summary>Plays one load session wherever it runs (the grain client, or the studio API over HTTP and WebSocket): opens it, plays
/// it in batches, and reads back what was stored. The run calls it one call at a time and retries a failed call with the same
/// arguments, so a driver must make a retried call play nothing twice.</summary>
internal interface ISessionDriver : IAsyncDisposable
{
    /// <summary>Creates the session's world and opens its scene; a retry skips what an earlier attempt did. Returns the turn the
    /// scene stands at.</summary>
    Task<int> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Plays at most <paramref name="maxTurns"/> turns, never past turn <paramref name="target"/>; returns every turn this
    /// driver saw committed in the call (none: nobody is left to act).</summary>
    Task<PlayedBatch> PlayUntilAsync(int target, int maxTurns, CancellationToken cancellationToken);

    /// <summary>The stored transcript's turn numbers (and, where the driver can read them, the world's event numbers and model
    /// usage) for the lost-turn verification.</summary>
    Task<StoredSession> ReadBackAsync(CancellationToken cancellationToken);
}

/// <summary>Where the sessions of a run play: makes each session's driver, says what it is for the report, and reads the silos
/// when it can see them.</summary>
internal interface ILoadTarget : IAsyncDisposable
{
    /// <summary>The report's <c>target</c>: <c>embedded</c>, <c>cluster FILE</c> or <c>api URL</c>.</summary>
    string Name { get; }

    /// <summary>The report's <c>transport</c>: <c>orleans</c>, <c>ws</c> or <c>rest</c>.</summary>
    string Transport { get; }

    /// <summary>True when the silo lives in this process (its memory is this process's).</summary>
    bool Embedded { get; }

    ISessionDriver Session(SessionLedger session);

    /// <summary>The silos' statistics; none when the target is reached over HTTP.</summary>
    Task<ImmutableArray<LoadSilo>> SilosAsync();

    /// <summary>Every silo's meters now (its turn gate's running and waiting turns); none when the target is reached over HTTP.
    /// </summary>
    Task<ImmutableArray<SiloMeterReading>> MetersAsync();
}

/// <summary>One turn a session saw committed and how long it took in milliseconds (as the scene measured it on the grain path; as
/// the client saw it arrive over the API).</summary>
internal readonly record struct PlayedTurn(int Turn, double LatencyMs);

/// <summary>The turns one call saw committed, in order, and the turn the scene stood at after it.</summary>
internal sealed record PlayedBatch(ImmutableArray<PlayedTurn> Turns, int SceneTurn);

/// <summary>What storage holds for a session: the transcript's turn numbers, the world's event numbers (empty when the driver
/// cannot read them) and the model usage of the stored turns.</summary>
internal sealed record StoredSession(IReadOnlyList<int> Turns, IReadOnlyList<long> EventSeqs, ModelUsageTally Usage);
