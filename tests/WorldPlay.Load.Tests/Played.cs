using WorldPlay.Core;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Load.Tests;

/// <summary>Acknowledged turns as a scene returns them, with only what the meter and the tallies read filled in.</summary>
internal static class Played
{
    /// <summary>Procedural turns numbered from 1 that took <paramref name="latenciesMs"/> each.</summary>
    public static IReadOnlyList<TurnRecord> Turns(params double[] latenciesMs) =>
        [.. latenciesMs.Select((latency, i) => Turn(i + 1, latency, MindUsage.Free("procedural")))];

    public static TurnRecord Turn(int number, double latencyMs, MindUsage usage) =>
        new(number, new EntityId("mira"), "Mira", TurnRole.Npc, "Hello.", "", [], [], usage, 100, latencyMs);

    /// <summary>Turns of 1, 2, ..., <paramref name="count"/> ms.</summary>
    public static IReadOnlyList<TurnRecord> Ramp(int count) => Turns([.. Enumerable.Range(1, count).Select(ms => (double)ms)]);
}
