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
            var gateways = cluster.Gateways.Select(g => ClusterFile.ResolveAsync(g, CancellationToken.None).GetAwaiter().GetResult()).ToArray();
            client.UseStaticClustering(gateways);
        }
        return client.AddWorldPlay();
    }

    /// <summary>Starts a client host connected to the cluster <paramref name="cluster"/> describes; its services hold the
    /// <see cref="IClusterClient"/>.</summary>
    /// <exception cref="ClusterUnreachableException">No gateway of the cluster answered.</exception>
    public static async Task<IHost> ConnectAsync(ClusterFile cluster, LogLevel logLevel = LogLevel.Warning, CancellationToken cancellationToken = default)
    {
        var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging
                .SetMinimumLevel(logLevel)
                // A client that cannot connect says so once, through ClusterUnreachableException, not in retry logs.
                .AddFilter("Orleans", LogLevel.Critical))
            .UseOrleansClient(client => client.AddWorldPlay(cluster))
            .Build();
        try
        {
            await host.StartAsync(cancellationToken);
            return host;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host.Dispose();
            throw new ClusterUnreachableException(
                $"Cannot connect to {cluster.Describe()}: {e.Message.Split('\n', 2)[0].Trim()} Is the cluster up? ('worldplay cluster status' shows a local one.)",
                e);
        }
    }
}

/// <summary>A client could not reach any gateway of its cluster; the message says where it looked.</summary>
public sealed class ClusterUnreachableException(string message, Exception inner) : Exception(message, inner);
