using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;
using WorldPlay.Client;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Worlds;
using WorldPlay.Hosting;

namespace WorldPlay.Cluster.Tests;

/// <summary>Three in-process silos on the Azurite that ./test.sh starts: grain state in Blob, timelines in Table
/// (membership is the test cluster's own, shared in process, so any silo may be killed). Storage is reached through a proxy so a test can
/// make it unreachable for a while.
/// Liveness is tuned so a killed silo is declared dead in seconds rather than the production minute.</summary>
public sealed class AzureCluster : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public FlakyProxy Proxy { get; private set; } = null!;

    public WorldPlayClient Client => new(Cluster.Client);

    public async Task InitializeAsync()
    {
        var azurite = AzuriteAccount.ConnectionString;
        var tableEndpoint = AzuriteAccount.Endpoint(azurite, "Table");
        var blobEndpoint = AzuriteAccount.Endpoint(azurite, "Blob");
        Proxy = new FlakyProxy(new DnsEndPoint(tableEndpoint.Host, tableEndpoint.Port));
        var blobProxy = new FlakyProxy(new DnsEndPoint(blobEndpoint.Host, blobEndpoint.Port));
        _blobProxy = blobProxy;
        var connection = azurite
            .Replace($":{tableEndpoint.Port}/", $":{Proxy.Port}/", StringComparison.Ordinal)
            .Replace($":{blobEndpoint.Port}/", $":{blobProxy.Port}/", StringComparison.Ordinal);

        // Computed once, outside ConfigureSilo, which runs once per silo.
        var options = new WorldPlayOptions
        {
            Clustering = ClusteringKind.AzureTable,
            Storage = StorageKind.Azure,
            AzureStorage = connection,
            ClusterId = "wp-test-" + Guid.NewGuid().ToString("N")[..12],
            ServiceId = "worldplay-tests",
        };
        var builder = new InProcessTestClusterBuilder(3);
        builder.Options.ClusterId = options.ClusterId;
        builder.Options.ServiceId = options.ServiceId;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddWorldPlayServices(options);
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
                o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
            });
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(45));
        });
        builder.ConfigureClient(client =>
        {
            client.AddWorldPlay();
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(45));
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    private FlakyProxy? _blobProxy;

    /// <summary>Makes storage unreachable (both tables and blobs) until <see cref="Reconnect"/>.</summary>
    public void Disconnect() => (Proxy.Mode, _blobProxy!.Mode) = (ProxyMode.Refuse, ProxyMode.Refuse);

    public void Reconnect() => (Proxy.Mode, _blobProxy!.Mode) = (ProxyMode.Forward, ProxyMode.Forward);

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Proxy.DisposeAsync();
        await _blobProxy!.DisposeAsync();
    }

    /// <summary>Creates a harbor world and opens its scene for self-play.</summary>
    public async Task<(WorldHandle World, SceneHandle Scene)> OpenHarborAsync(int seed)
    {
        var key = $"harbor-{seed}-{Guid.NewGuid():N}";
        var world = await Client.CreateWorldAsync(key, WorldFiles.Load("harbor"));
        var scene = await Client.OpenSceneAsync($"{key}/harbor-evening",
            new SceneOptions(key, "harbor-evening", seed, "procedural", "user-sim:fast-plot", null, 1200));
        return (world, scene);
    }

    /// <summary>The silo where <paramref name="grain"/> is active now.</summary>
    public async Task<InProcessSiloHandle> SiloOf(IAddressable grain)
    {
        var address = await Cluster.Client.GetGrain<IManagementGrain>(0).GetActivationAddress(grain);
        return Cluster.Silos.First(s => s.SiloAddress.Equals(address));
    }

    /// <summary>Every event of a world, read back from the cluster.</summary>
    public static async Task<List<WorldEvent>> EventsOf(WorldHandle world)
    {
        var events = new List<WorldEvent>();
        await foreach (var e in world.EventsAsync())
        {
            events.Add(e);
        }
        return events;
    }

    public ISceneGrain SceneGrain(SceneHandle scene) => Cluster.Client.GetGrain<ISceneGrain>(scene.Key);
}

[CollectionDefinition(Name)]
public sealed class AzureClusterCollection : ICollectionFixture<AzureCluster>
{
    public const string Name = "azure-cluster";
}
