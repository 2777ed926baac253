using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using WorldPlay.Client;
using WorldPlay.Core.Minds;
using WorldPlay.Hosting;
using WorldPlay.Storage;

namespace WorldPlay.Grains.Tests;

/// <summary>A two-silo in-process cluster. The silos share one event store, as silos of a real cluster share Azure storage.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private readonly FaultyEventStore _store = new(new MemoryEventStore());

    /// <summary>The event store the silos share, for tests that check what was stored.</summary>
    public IEventStore Store => _store;

    /// <summary>The same store, for tests that make some of its appends fail.</summary>
    internal FaultyEventStore Faults => _store;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public WorldPlayClient Client => new(Cluster.Client);

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        var store = _store;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<IEventStore>(store);
            silo.Services.AddSingleton<IMindCatalog>(CallingOutMind.Catalog());
            silo.AddWorldPlay();
        });
        builder.ConfigureClient(client => client.AddWorldPlay());
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
