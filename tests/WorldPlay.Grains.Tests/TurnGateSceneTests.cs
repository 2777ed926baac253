using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Placement;
using Orleans.TestingHost;
using WorldPlay.Client;
using WorldPlay.Contracts;
using WorldPlay.Core.Scenes;
using WorldPlay.Core.Worlds;
using WorldPlay.Hosting;

namespace WorldPlay.Grains.Tests;

/// <summary>A one-silo cluster whose turn gate runs one turn and lets none wait, so a test that holds the slot sees every turn
/// refused.</summary>
public sealed class TinyGateCluster : IAsyncLifetime
{
    public TurnGate Gate { get; } = new(new TurnGateLimits(1, 0, TimeSpan.Zero));

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public WorldPlayClient Client => new(Cluster.Client);

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        var gate = Gate;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(gate);
            silo.AddWorldPlay();
        });
        builder.ConfigureClient(client => client.AddWorldPlay());
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

/// <summary>A scene's turns pass the silo's gate one by one: a refused turn plays and stores nothing, and the next call plays it.
/// </summary>
public sealed class TurnGateSceneTests(TinyGateCluster fixture) : IClassFixture<TinyGateCluster>
{
    private async Task<SceneHandle> OpenAsync()
    {
        var definition = WorldFiles.Load("harbor");
        var spec = definition.Scenes[0];
        var key = $"harbor-gate-{Guid.NewGuid():N}";
        await fixture.Client.CreateWorldAsync(key, definition);
        return await fixture.Client.OpenSceneAsync(
            $"{key}/{spec.Id}", new SceneOptions(key, spec.Id, 3, "procedural", "user-sim:slow-burn", null, 1200));
    }

    [Fact]
    public async Task Play_GateFull_ThrowsSiloBusyWithTheRetryHint()
    {
        var scene = await OpenAsync();
        SiloBusyException busy;
        using (await fixture.Gate.EnterAsync())
        {
            busy = await Assert.ThrowsAsync<SiloBusyException>(() => scene.PlayUntilAsync(5, 5));
        }

        Assert.StartsWith("silo busy: 1 turns running, 0 waiting; retry after ", busy.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Play_GateFull_StoresNothingAndTheNextCallPlaysFromTurnOne()
    {
        var scene = await OpenAsync();
        using (await fixture.Gate.EnterAsync())
        {
            await Assert.ThrowsAsync<SiloBusyException>(() => scene.PlayUntilAsync(5, 5));
        }
        var storedWhileBusy = new List<int>();
        await foreach (var turn in scene.TranscriptAsync())
        {
            storedWhileBusy.Add(turn.Turn);
        }

        var played = await scene.PlayUntilAsync(3, 3);

        Assert.Equal((0, "1 2 3"), (storedWhileBusy.Count, string.Join(' ', played.Turns.Select(t => t.Turn))));
    }
}

/// <summary>A meter grain placed with the placement hint lives on the silo it was asked for, on each silo of two.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SiloMeterPlacementTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Read_PlacedOnEachSilo_ReportsThatSilosAddress()
    {
        var grains = fixture.Cluster.Client;
        var silos = (await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Keys.ToList();
        var read = new List<string>();
        foreach (var silo in silos)
        {
            RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
            try
            {
                read.Add((await grains.GetGrain<ISiloMeterGrain>($"{silo.ToParsableString()}/{Guid.NewGuid():N}").Read()).Silo);
            }
            finally
            {
                RequestContext.Remove(IPlacementDirector.PlacementHintKey);
            }
        }

        Assert.Equal((2, string.Join(' ', silos.Select(s => s.ToParsableString()))), (silos.Count, string.Join(' ', read)));
    }
}
