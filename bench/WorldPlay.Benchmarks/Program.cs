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
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(TimelineSource).Assembly).Run(args);
