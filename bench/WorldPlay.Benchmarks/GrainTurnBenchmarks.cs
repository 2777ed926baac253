using BenchmarkDotNet.Attributes;
using WorldPlay.Client;
using WorldPlay.Contracts;

namespace WorldPlay.Benchmarks;

/// <summary>A full self-play turn through the grains (scene, character, world, event store; procedural minds) against a bare
/// grain call (the scene's read-only <c>Status</c>, an active grain returning a small record), in the same run on one embedded
/// silo. The ratio is the cost of WorldPlay's orchestration in units of one Orleans call.
/// Each iteration plays turns 1 to <see cref="TurnsPerScene"/> of a fresh session opened before it (outside the measurement),
/// one <c>PlayUntilAsync(turn + 1, 1)</c> call per turn, so every iteration measures the same stretch of a session and the
/// state stays the same size from run to run.</summary>
[MemoryDiagnoser]
[InvocationCount(TurnsPerScene)]
public class GrainTurnBenchmarks
{
    public const int TurnsPerScene = 200;

    private EmbeddedHarbor _silo = null!;
    private SceneHandle _scene = null!;
    private ISceneGrain _bare = null!;
    private int _turn;

    [GlobalSetup]
    public async Task StartSilo()
    {
        _silo = await EmbeddedHarbor.StartAsync();
        var (_, scene) = await _silo.OpenSessionAsync();
        _bare = _silo.Grains.GetGrain<ISceneGrain>((await scene.StatusAsync()).SceneKey);
        // Warm every grain type and code path before anything is timed.
        await scene.PlayUntilAsync(TurnsPerScene, TurnsPerScene);
        _scene = scene;
    }

    [IterationSetup(Target = nameof(FullTurn))]
    public void OpenFreshSession()
    {
        (_, _scene) = _silo.OpenSessionAsync().GetAwaiter().GetResult();
        _turn = 0;
    }

    [Benchmark(Baseline = true)]
    public Task<SceneStatus> BareGrainCall() => _bare.Status();

    [Benchmark]
    public Task<TurnBatch> FullTurn() => _scene.PlayUntilAsync(++_turn, 1);

    [GlobalCleanup]
    public Task StopSilo() => _silo.DisposeAsync().AsTask();
}
