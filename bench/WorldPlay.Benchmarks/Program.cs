using System.Globalization;
using BenchmarkDotNet.Running;
using WorldPlay.Benchmarks;
using WorldPlay.Core;

if (args is ["--sizes", ..])
{
    // Sizes are exact and the same on every run, so they are printed once rather than measured as a benchmark.
    var bundle = TimelineSource.Load();
    var timeline = bundle.Of(bundle.Root.Id);
    var msgpack = TimelineFile.Encode(bundle).Length;
    var json = TimelineFile.EncodeJson(bundle).Length;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"timeline {TimelineSource.Path}: {timeline.Current.Turn} turns, {timeline.Version} events, {bundle.Branches.Length} branches"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"messagepack+lz4: {msgpack} bytes"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"json:            {json} bytes"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio:           {(double)msgpack / json:0.000}x"));
    foreach (var characters in new[] { 3, 7 })
    {
        foreach (var turn in new[] { 10, 100, 1000 })
        {
            var scene = CoreScene.OpenHarbor(characters).Play(turn);
            var (next, cue) = scene.NextUp()!.Value;
            var perspective = scene.PerspectiveOf(next.Who!.Value, cue);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"perspective of {next.Who} at turn {turn}, {characters} characters: {perspective.TokenCount} tokens, " +
                    $"{perspective.RecentLines.Length} lines heard, {perspective.Summary.Length} summary lines"));
        }
    }
    return;
}

if (args is ["--memory", .. var options])
{
    var sessions = Option(options, "--sessions") is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : 20;
    var turns = Option(options, "--turns") is { } t ? t.Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture))
        .ToArray() : [100, 1000];
    await SessionMemory.RunAsync(sessions, turns, Console.Out);
    return;
}

if (args is ["--cost", .. var costOptions])
{
    var concurrency = Option(costOptions, "--concurrency") is { } c ? int.Parse(c, CultureInfo.InvariantCulture) : 32;
    var seconds = Option(costOptions, "--seconds") is { } d ? double.Parse(d, CultureInfo.InvariantCulture) : 5;
    var rounds = Option(costOptions, "--rounds") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 3;
    await TurnCost.RunAsync(concurrency, TimeSpan.FromSeconds(seconds), rounds, Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(TimelineSource).Assembly).Run(args);

static string? Option(string[] options, string name) =>
    Array.IndexOf(options, name) is var i and >= 0 && i + 1 < options.Length ? options[i + 1] : null;
