using WorldPlay.Load.Sessions;

namespace WorldPlay.Load.Tests;

/// <summary>Acknowledged turns as a driver returns them.</summary>
internal static class Played
{
    /// <summary>Turns numbered from 1 that took <paramref name="latenciesMs"/> each.</summary>
    public static IReadOnlyList<PlayedTurn> Turns(params double[] latenciesMs) =>
        [.. latenciesMs.Select((latency, i) => new PlayedTurn(i + 1, latency))];

    /// <summary>Turns of 1, 2, ..., <paramref name="count"/> ms.</summary>
    public static IReadOnlyList<PlayedTurn> Ramp(int count) => Turns([.. Enumerable.Range(1, count).Select(ms => (double)ms)]);
}
