using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using WorldPlay.Client;
using WorldPlay.Core;
using WorldPlay.Grains;
using WorldPlay.Storage;

namespace WorldPlay.Benchmarks;

/// <summary><c>--memory</c>: the managed heap per live session. Opens S harbor sessions on one embedded silo, plays them all to
/// each checkpoint turn, and after a full blocking, compacting GC reads the heap; per session = (heap - heap before any session) / S.
/// Next to it: the bytes the in-memory event store holds for a session (its world timeline and transcript, which a cluster keeps
/// in Azure, not in silo memory), and how many event numbers each character's memory lists. At the end every activation is
/// collected, which leaves what storage alone holds.</summary>
public static class SessionMemory
{
    public static async Task RunAsync(int sessions, int[] checkpoints, TextWriter output)
    {
        await using var silo = await EmbeddedHarbor.StartAsync();
        var before = Heap();
        var opened = await Task.WhenAll(Enumerable.Range(0, sessions).Select(i => silo.OpenSessionAsync(seed: i + 1)));
        var store = silo.Services.GetRequiredService<IEventStore>();
        Write(output, $"{sessions} sessions of the harbor scene (7 characters), embedded silo; heap before any session {before.Total / 1024.0:0} KiB");
        output.WriteLine("turn | heap/session KiB | GC heap size/session KiB | event store/session KiB | heap - store/session KiB | event numbers listed per character");
        foreach (var turn in checkpoints)
        {
            // A few sessions at a time: the silo plays them concurrently, as a load run would.
            await Parallel.ForEachAsync(opened, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (s, _) => await s.Scene.PlayThroughAsync(turn, 50));
            var heap = Heap();
            var stored = await StoredBytesAsync(store, opened);
            var listed = await WitnessedPerCharacterAsync(silo.Client, opened[0].WorldKey);
            var perSession = (heap.Total - before.Total) / 1024.0 / sessions;
            var gcHeapPerSession = (heap.GcHeapSize - before.GcHeapSize) / 1024.0 / sessions;
            var storedPerSession = stored / 1024.0 / sessions;
            Write(output, $"{turn} | {perSession:0.0} | {gcHeapPerSession:0.0} | {storedPerSession:0.0} | {perSession - storedPerSession:0.0} | {listed:0}");
        }
        await silo.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var collected = Heap();
        Write(output, $"after collecting every activation (storage alone: event store and grain state): heap/session {(collected.Total - before.Total) / 1024.0 / sessions:0.0} KiB");
    }

    private static (long Total, long GcHeapSize) Heap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return (GC.GetTotalMemory(forceFullCollection: true), GC.GetGCMemoryInfo(GCKind.FullBlocking).HeapSizeBytes);
    }

    private static async Task<long> StoredBytesAsync(IEventStore store, IEnumerable<(string WorldKey, SceneHandle Scene)> sessions)
    {
        long bytes = 0;
        foreach (var (worldKey, scene) in sessions)
        {
            var sceneKey = (await scene.StatusAsync()).SceneKey;
            foreach (var stream in new[] { WorldPlayStorage.TimelineStream(worldKey), WorldPlayStorage.TranscriptStream(sceneKey) })
            {
                await foreach (var record in store.ReadAsync(stream, 0))
                {
                    bytes += record.Data.Length;
                }
                bytes += (await store.LoadSnapshotAsync(stream))?.Data.Length ?? 0;
            }
        }
        return bytes;
    }

    private static async Task<double> WitnessedPerCharacterAsync(WorldPlayClient client, string worldKey)
    {
        var world = client.World(worldKey);
        var cast = (await world.DefinitionAsync()).Scenes[0].Cast;
        var counts = await Task.WhenAll(cast.Select(async c => (await world.MemoryOfAsync(c)).Witnessed.Count));
        return counts.Average();
    }

    private static void Write(TextWriter output, FormattableString line) => output.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
