using BenchmarkDotNet.Attributes;
using WorldPlay.Core;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Scenes;

namespace WorldPlay.Benchmarks;

/// <summary>One turn of the core pipeline, step by step and whole, on the harbor scene (7 characters) after 1000 turns of
/// self-play: the perspective, the procedural mind's decision, the law check and commit, and the fold (every character takes
/// in the turn's events, the scene moves on). The whole turn is the baseline; each step is a share of it. Every step starts from
/// the same state, so each invocation times the same turn.</summary>
[MemoryDiagnoser]
public class TurnPipelineBenchmarks
{
    private CoreScene _scene = null!;
    private NextUp _next;
    private SceneCue _cue = null!;
    private Perspective _perspective = null!;
    private CharacterAction _action = null!;
    private CommitOutcome _outcome = null!;

    [GlobalSetup]
    public void PlayThousandTurns()
    {
        _scene = CoreScene.OpenHarbor().Play(1000);
        (_next, _cue) = _scene.NextUp()!.Value;
        _perspective = _scene.PerspectiveOf(_next.Who!.Value, _cue);
        _action = CoreScene.Decide(_next, _perspective);
        _outcome = _scene.Commit(_next, _action);
    }

    [Benchmark(Baseline = true)]
    public CoreScene? WholeTurn() => _scene.Step();

    [Benchmark]
    public Perspective Perspective() => _scene.PerspectiveOf(_next.Who!.Value, _cue);

    [Benchmark]
    public CharacterAction ProceduralMindDecides() => CoreScene.Decide(_next, _perspective);

    [Benchmark]
    public CommitOutcome LawCheckAndCommit() => _scene.Commit(_next, _action);

    [Benchmark]
    public CoreScene Fold() => _scene.Fold(_next, _action, _outcome, _perspective.TokenCount);
}
