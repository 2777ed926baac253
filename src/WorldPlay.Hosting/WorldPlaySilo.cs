using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WorldPlay.Contracts;
using WorldPlay.Core.Minds;
using WorldPlay.Grains;
using WorldPlay.Minds;
using WorldPlay.Storage;

namespace WorldPlay.Hosting;

/// <summary>Configures a silo to host WorldPlay: grain storage, the timeline event store, minds and serialization.</summary>
public static class WorldPlaySilo
{
    /// <summary>Adds WorldPlay to a silo with the embedded defaults: in-memory storage and the procedural minds.
    /// Clustering is left to the caller.</summary>
    public static ISiloBuilder AddWorldPlay(this ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorage(WorldPlayStorage.Grains);
        // Grain state holds core types that only the Orleans serializer (with the core's JSON codec) knows how to write.
        silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        silo.Services.TryAddSingleton<IEventStore, MemoryEventStore>();
        silo.Services.TryAddSingleton<IMindCatalog>(_ => new MindCatalog());
        silo.Services.AddSerializer(serializer => serializer.AddWorldPlayCoreTypes());
        return silo;
    }

    /// <summary>Starts a one-silo cluster inside this process (localhost clustering on free ports, in-memory storage,
    /// procedural minds). This is what the CLI runs when no cluster is given.</summary>
    public static async Task<IHost> StartEmbeddedAsync(LogLevel logLevel = LogLevel.Warning, CancellationToken cancellationToken = default)
    {
        var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging
                .SetMinimumLevel(logLevel)
                // Orleans notes about GC modes and lifecycle timing are for operators of real clusters, not for one CLI run.
                .AddFilter("Orleans", LogLevel.Error))
            .UseOrleans(silo => silo
                .UseLocalhostClustering(siloPort: FreePort(), gatewayPort: FreePort())
                .AddWorldPlay())
            .Build();
        await host.StartAsync(cancellationToken);
        return host;
    }

    /// <summary>A TCP port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
