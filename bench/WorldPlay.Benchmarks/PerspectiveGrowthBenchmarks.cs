using BenchmarkDotNet.Attributes;
using WorldPlay.Core;
using WorldPlay.Core.Minds;

namespace WorldPlay.Benchmarks;

/// <summary>Assembling the next speaker's perspective at turn 10, 100 and 1000 of the same harbor session (seed 7), with 3 or 7
/// characters in the scene. The memory window and the token budget should keep the cost about flat in the turn.</summary>
[MemoryDiagnoser]
public class PerspectiveGrowthBenchmarks
{
    private CoreScene _scene = null!;
    private EntityId _who;
    private SceneCue _cue = null!;

    [Params(10, 100, 1000)]
    public int Turn { get; set; }

    [Params(3, 7)]
    public int Characters { get; set; }

    [GlobalSetup]
    public void Play()
    {
        _scene = CoreScene.OpenHarbor(Characters).Play(Turn);
        var (next, cue) = _scene.NextUp()!.Value;
        (_who, _cue) = (next.Who!.Value, cue);
    }

    [Benchmark]
    public Perspective Perspective() => _scene.PerspectiveOf(_who, _cue);

}
