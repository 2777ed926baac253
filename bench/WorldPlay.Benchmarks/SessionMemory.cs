using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using WorldPlay.Client;
using WorldPlay.Core;
using WorldPlay.Core.Minds;
using WorldPlay.Grains;
using WorldPlay.Storage;

namespace WorldPlay.Benchmarks;

/// <summary><c>--memory</c>: the managed heap per live session. Opens S harbor sessions on one embedded silo, plays them all to
/// each checkpoint turn, and after a full blocking, compacting GC reads the heap; per session = (heap - heap before any session) / S.
/// Next to it: the bytes the in-memory event store holds for a session (its world timeline and transcript, which a cluster keeps
/// in Azure, not in silo memory), and how many event numbers each character's memory lists. At each checkpoint every activation
/// is then collected: what that frees is what the live activations held; what is left is storage and process-wide caches.</summary>
public static class SessionMemory
{
    public static async Task RunAsync(int sessions, int[] checkpoints, TextWriter output)
    {
        await using var silo = await EmbeddedHarbor.StartAsync();
        var before = Heap();
        var opened = await Task.WhenAll(Enumerable.Range(0, sessions).Select(i => silo.OpenSessionAsync(seed: i + 1)));
        var store = silo.Services.GetRequiredService<IEventStore>();
        var heapBefore = before.Total / 1024.0;
        Write(output, $"{sessions} sessions of the harbor scene (7 characters), embedded silo; heap before any session {heapBefore:0} KiB");
        output.WriteLine(
            "turn | heap/session KiB | live activations/session KiB | storage/session KiB | event store/session KiB | token-count cache " +
            "lines | event numbers listed per character");
        var management = silo.Grains.GetGrain<IManagementGrain>(0);
        foreach (var turn in checkpoints)
        {
            // A few sessions at a time: the silo plays them concurrently, as a load run would. After a checkpoint's collection
            // the sessions reactivate from storage (worlds from their snapshots, characters from their records and the world).
            await Parallel.ForEachAsync(opened, new ParallelOptions { MaxDegreeOfParallelism = 8 },
                async (s, _) => await s.Scene.PlayThroughAsync(turn, 50));
            var stored = await StoredBytesAsync(store, opened);
            var listed = await WitnessedPerCharacterAsync(silo.Client, opened[0].WorldKey);
            var live = Heap();
            // What the live activations hold is what collecting them frees; what is left is storage (event store, grain state)
            // and process-wide caches.
            await management.ForceActivationCollection(TimeSpan.Zero);
            var storageOnly = Heap();
            var perSession = (live.Total - before.Total) / 1024.0 / sessions;
            var activationsPerSession = (live.Total - storageOnly.Total) / 1024.0 / sessions;
            var storagePerSession = (storageOnly.Total - before.Total) / 1024.0 / sessions;
            Write(output, $"{turn} | {perSession:0.0} | {activationsPerSession:0.0} | {storagePerSession:0.0} | ",
                $"{stored / 1024.0 / sessions:0.0} | {TokenCounter.Default.CachedLines} | {listed:0}");
        }
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

    private static void Write(TextWriter output, params FormattableString[] parts) =>
        output.WriteLine(string.Concat(parts.Select(part => part.ToString(CultureInfo.InvariantCulture))));
}
