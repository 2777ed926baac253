using BenchmarkDotNet.Attributes;
using WorldPlay.Core;

namespace WorldPlay.Benchmarks;

/// <summary>The state at a late turn of a long ensemble timeline: the nearest snapshot plus a short fold (what <see cref="Timeline"/> does)
/// against a fold of every event from the start (the baseline), on the same timeline in the same run.</summary>
[MemoryDiagnoser]
public class StateAtTurnBenchmarks
{
    private Timeline _timeline = null!;
    private WorldState _initial = null!;
    private WorldEvent[] _events = [];
    private int _lastTurn;

    /// <summary>The last turn (its state is the timeline's current state) and the one before it (a snapshot plus up to 63
    /// events).</summary>
    [Params(0, 1)]
    public int TurnsBeforeTheEnd { get; set; }

    [GlobalSetup]
    public void Load()
    {
        var bundle = TimelineSource.Load();
        _timeline = bundle.Of(bundle.Root.Id);
        _initial = _timeline.Initial;
        _events = [.. _timeline.Events];
        _lastTurn = _timeline.Current.Turn;
    }

    [Benchmark(Baseline = true)]
    public WorldState ReplayFromEventZero()
    {
        var turn = _lastTurn - TurnsBeforeTheEnd;
        var state = _initial;
        foreach (var e in _events)
        {
            if (e.Turn > turn)
            {
                break;
            }
            state = state.Apply(e);
        }
        return state;
    }

    [Benchmark]
    public WorldState FromNearestSnapshot() => _timeline.StateAfterTurn(_lastTurn - TurnsBeforeTheEnd);
}

/// <summary>The same world written and read back as MessagePack + LZ4 and as JSON (what export and import do); the sizes are
/// printed by <c>--sizes</c>. Writing JSON is the baseline.</summary>
[MemoryDiagnoser]
public class TimelineEncodingBenchmarks
{
    private WorldBundle _bundle = null!;
    private byte[] _json = [];
    private byte[] _messagePack = [];

    [GlobalSetup]
    public void Load()
    {
        _bundle = TimelineSource.Load();
        _json = TimelineFile.EncodeJson(_bundle);
        _messagePack = TimelineFile.Encode(_bundle);
    }

    [Benchmark(Baseline = true)]
    public int EncodeJson() => TimelineFile.EncodeJson(_bundle).Length;

    [Benchmark]
    public int EncodeMessagePack() => TimelineFile.Encode(_bundle).Length;

    [Benchmark]
    public WorldBundle DecodeJson() => TimelineFile.Decode(_json, "json");

    [Benchmark]
    public WorldBundle DecodeMessagePack() => TimelineFile.Decode(_messagePack, "messagepack");
}

/// <summary>Where the benchmarks get their timeline: a file written by <c>worldplay simulate</c>.</summary>
public static class TimelineSource
{
    /// <summary>The environment variable that names the file; by default the one the documented simulate command writes.</summary>
    public const string Variable = "WORLDPLAY_BENCH_TIMELINE";

    public static string Path => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } p ? p : "/tmp/wp-harbor-1000.wptl";

    public static WorldBundle Load()
    {
        if (!File.Exists(Path))
        {
            throw new FileNotFoundException(
                $"No timeline at '{Path}'. Write one with 'worldplay simulate --world harbor --turns 1000 --seed 7 --out {Path}' or set " +
                    $"{Variable}.");
        }
        return TimelineFile.ReadAsync(Path).GetAwaiter().GetResult();
    }
}
