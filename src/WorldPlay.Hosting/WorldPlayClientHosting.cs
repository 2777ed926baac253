using Microsoft.Extensions.DependencyInjection;
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
}
