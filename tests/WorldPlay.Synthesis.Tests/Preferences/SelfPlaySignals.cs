using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using WorldPlay.Client;
using WorldPlay.Evaluation.Scenarios;
using WorldPlay.Evaluation.SelfPlay;
using WorldPlay.Hosting;
using WorldPlay.Minds;
using WorldPlay.Synthesis.Preferences;

namespace WorldPlay.Synthesis.Tests.Preferences;

/// <summary>Self-play on an embedded silo in which slow-burn and co-creator users choose by quality and fast-plot users always keep
/// the longer reply (a planted bias), read back from the world families: played once for every test of
/// <see cref="SelfPlaySignalsTests"/>.</summary>
public sealed class SelfPlaySignals : IAsyncLifetime
{
    public const int Sessions = 30;
    public const int Turns = 40;

    private static readonly UserStyle[] Styles = [UserStyle.SlowBurn, UserStyle.FastPlot, UserStyle.CoCreator];

    public ImmutableArray<SignalSessionResult> Played { get; private set; } = [];

    public ImmutableArray<ChoiceSignal> Signals { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var scenarios = ScenarioSource.Load(SharedData.Path("rpbench-auto", "scenes.jsonl"), 5, 0).Scenarios;
        var minds = new SessionMinds("procedural", "procedural", null, null);
        using var host = await WorldPlaySilo.StartEmbeddedAsync(minds: minds.Catalog());
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var player = new SignalSelfPlay(new WorldPlayClient(grains), minds);
        var played = new SignalSessionResult[Sessions];
        await Parallel.ForEachAsync(Enumerable.Range(0, Sessions), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, token) =>
        {
            var profile = new UserProfile(Styles[i % Styles.Length]);
            var policy = profile.Style == UserStyle.FastPlot ? ChoicePolicy.For(profile).Plant("longer") : ChoicePolicy.For(profile);
            var session = new SelfPlaySession(
                $"s{i + 1}-{profile.Name}", scenarios[i % scenarios.Length], profile.Name, profile, null, i + 1);
            played[i] = await player.PlayAsync(session, policy, Turns, token);
        });
        Played = [.. played];
        Signals = await new SignalCollector(grains).FromFamiliesAsync(Played.Select(p => p.Root), null);
        await host.StopAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>Finds the shared data folder (../shared/data from the repository) from the test's output folder.</summary>
internal static class SharedData
{
    public static string Path(params string[] parts)
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = System.IO.Path.Combine(d.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return System.IO.Path.Combine([candidate, .. parts]);
            }
        }
        throw new InvalidOperationException($"No shared/data folder above {AppContext.BaseDirectory}.");
    }
}
