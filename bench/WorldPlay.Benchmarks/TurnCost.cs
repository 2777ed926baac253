using System.Diagnostics;
using System.Globalization;
using WorldPlay.Client;
using WorldPlay.Contracts;

namespace WorldPlay.Benchmarks;

/// <summary><c>--cost</c>: the CPU a full turn through the grains costs against a bare grain call, both measured under the same
/// concurrent load in one run. <see cref="GrainTurnBenchmarks"/> measures one call at a time, which on an idle machine is mostly
/// threads waking up between the calls of a turn (latency); this measures what a busy silo pays per operation: process CPU time
/// (all threads, GC included) divided by the operations completed while C workers keep the silo saturated, and the bytes the
/// process allocated (all threads) divided the same way.</summary>
public static class TurnCost
{
    public static async Task RunAsync(int concurrency, TimeSpan phase, int rounds, TextWriter output)
    {
        await using var silo = await EmbeddedHarbor.StartAsync();
        var sessions = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(i => silo.OpenSessionAsync(seed: i + 1)));
        var scenes = sessions.Select(s => s.Scene).ToArray();
        var bare = await Task.WhenAll(scenes.Select(async s => silo.Grains.GetGrain<ISceneGrain>((await s.StatusAsync()).SceneKey)));
        // Warm every path, and move the sessions past their opening turns.
        await Task.WhenAll(scenes.Select(s => s.PlayThroughAsync(50, 50)));
        output.WriteLine(
            string.Create(CultureInfo.InvariantCulture, $"{concurrency} workers, {phase.TotalSeconds:0} s per phase, {rounds} rounds, ")
            + string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores; CPU = this process's processor time"));
        output.WriteLine(
            "round | bare calls | CPU us/bare call | KB/bare call | full turns | CPU us/full turn | KB/full turn | CPU ratio"
            + " | throughput ratio");
        for (var round = 1; round <= rounds; round++)
        {
            var calls = await MeasureAsync(bare, phase, async grain => { await grain.Status(); return 1; });
            var turns = await MeasureAsync(scenes, phase,
                async scene => (await scene.PlayUntilAsync((await scene.StatusAsync()).Turn + 1, 1)).Turns.Length);
            var callCpu = calls.CpuMicroseconds / calls.Operations;
            var turnCpu = turns.CpuMicroseconds / turns.Operations;
            var cpuRatio = turnCpu / callCpu;
            var throughputRatio = calls.Operations / (double)turns.Operations;
            output.WriteLine(
                string.Create(CultureInfo.InvariantCulture, $"{round} | {calls.Operations} | {callCpu:0.0} | {calls.KilobytesPer:0.00} | ")
                + string.Create(CultureInfo.InvariantCulture, $"{turns.Operations} | {turnCpu:0.0} | {turns.KilobytesPer:0.0} | ")
                + string.Create(CultureInfo.InvariantCulture, $"{cpuRatio:0.0}x | {throughputRatio:0.0}x"));
        }
    }

    private static async Task<(long Operations, double CpuMicroseconds, double KilobytesPer)> MeasureAsync<T>(T[] targets,
        TimeSpan phase, Func<T, Task<int>> operation)
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        long operations = 0;
        await Task.WhenAll(targets.Select(async target =>
        {
            while (clock.Elapsed < phase)
            {
                Interlocked.Add(ref operations, await operation(target));
            }
        }));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        process.Refresh();
        return (operations, (process.TotalProcessorTime - cpuBefore).TotalMicroseconds, allocated / 1024.0 / Math.Max(1, operations));
    }
}
