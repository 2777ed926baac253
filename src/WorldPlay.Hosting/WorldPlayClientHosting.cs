using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Serialization;
using WorldPlay.Contracts;

namespace WorldPlay.Hosting;

/// <summary>Configures an Orleans client to talk to WorldPlay silos.</summary>
public static class WorldPlayClientHosting
{
    /// <summary>Adds the serialization WorldPlay's messages need. Clustering is left to the caller.</summary>
    public static IClientBuilder AddWorldPlay(this IClientBuilder client)
    {
        // Orleans' default 30 s response timeout is kept on clients: a call caught on a silo that died waits that long before
        // the client retries it. A slow model turn that outlasts it is retried too and, being idempotent, commits once.
        client.Services.AddSerializer(serializer => serializer.AddWorldPlayCoreTypes());
        return client;
    }

    /// <summary>Adds WorldPlay and points the client at the cluster a cluster file describes.</summary>
    public static IClientBuilder AddWorldPlay(this IClientBuilder client, ClusterFile cluster)
    {
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ServiceId;
        });
        if (cluster.Clustering == ClientClusteringKind.AzureTable)
        {
            var account = AzureStorageAccount.Connect(cluster.AzureStorage!);
            client.UseAzureStorageClustering(o => o.TableServiceClient = account.Tables);
        }
        else
        {
            var gateways = cluster.Gateways
                .Select(g => ClusterFile.ResolveAsync(g, CancellationToken.None).GetAwaiter().GetResult())
                .ToArray();
            client.UseStaticClustering(gateways);
        }
        return client.AddWorldPlay();
    }

    /// <summary>How long <see cref="ConnectAsync"/> waits for a gateway by default. Orleans alone keeps trying for minutes.</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Starts a client host connected to the cluster <paramref name="cluster"/> describes; its services hold the
    /// <see cref="IClusterClient"/>.</summary>
    /// <exception cref="ClusterUnreachableException">No gateway of the cluster answered within <paramref name="connectTimeout"/>
    /// (default <see cref="DefaultConnectTimeout"/>).</exception>
    public static async Task<IHost> ConnectAsync(
        ClusterFile cluster,
        TimeSpan? connectTimeout = null,
        LogLevel logLevel = LogLevel.Warning,
        CancellationToken cancellationToken = default)
    {
        var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging
                .SetMinimumLevel(logLevel)
                // A client that cannot connect says so once, through ClusterUnreachableException, not in retry logs.
                .AddFilter("Orleans", LogLevel.Critical)
                .AddFilter("Microsoft.Extensions.Hosting", LogLevel.None))
            .UseOrleansClient(client => client.AddWorldPlay(cluster).AddWorldPlayTracing())
            .ConfigureServices(services => services.AddWorldPlayTelemetryWhenExported("worldplay-client"))
            .Build();
        var timeout = connectTimeout ?? DefaultConnectTimeout;
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            await host.StartAsync(bounded.Token);
            return host;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            host.Dispose();
            var reason = e is OperationCanceledException
                ? $"no gateway answered within {timeout.TotalSeconds:0} s."
                : e.Message.Split('\n', 2)[0].Trim();
            throw new ClusterUnreachableException(
                $"Cannot connect to {cluster.Describe()}: {reason} Is the cluster up? ('worldplay cluster status' shows a local one.)",
                e);
        }
    }
}

/// <summary>A client could not reach any gateway of its cluster; the message says where it looked.</summary>
public sealed class ClusterUnreachableException(string message, Exception inner) : Exception(message, inner);
