using Microsoft.Extensions.DependencyInjection;
using WorldPlay.Client;
using WorldPlay.Contracts;
using WorldPlay.Core.Worlds;
using WorldPlay.Web.Studio;
using WorldPlay.Web.Studio.Streaming;

namespace WorldPlay.Web.Tests.Streaming;

/// <summary>A served silo whose callers are tenants named by headers (<see cref="HeaderTenants"/>), whose streams poll their
/// grains often, and where each test opens its own harbor scene, played by a person through say.</summary>
public sealed class StreamSilo : IAsyncLifetime
{
    private ServedSilo? silo;

    public ServedSilo Silo => silo ?? throw new InvalidOperationException("The silo has not started.");

    /// <summary>Opens a fresh harbor scene of <paramref name="tenant"/>; returns its key as the tenant names it and as the grains do.
    /// </summary>
    public async Task<(string External, string Internal)> OpenSceneAsync(string tenant = "acme")
    {
        var world = $"harbor-{Guid.NewGuid():N}"[..20];
        var internalWorld = TenantKeys.Internal(tenant, world);
        var definition = WorldFiles.Load("harbor");
        var spec = definition.Scenes[0];
        var client = new WorldPlayClient(Silo.Grains);
        await client.CreateWorldAsync(internalWorld, definition);
        await client.OpenSceneAsync(
            $"{internalWorld}/{spec.Id}", new SceneOptions(internalWorld, spec.Id, 7, "procedural", null, null, 1200));
        return ($"{world}/{spec.Id}", $"{internalWorld}/{spec.Id}");
    }

    /// <summary>The scene's grain, to play turns the way a grain client or another silo would, unheard by this server.</summary>
    public ISceneGrain Grain(string internalKey) => Silo.Grains.GetGrain<ISceneGrain>(internalKey);

    async Task IAsyncLifetime.InitializeAsync() =>
        silo = await ServedSilo.StartAsync(StudioOptions.DevelopmentMode(), services: services =>
        {
            HeaderTenants.Add(services);
            services.AddSingleton(new StudioStreamOptions { PollInterval = TimeSpan.FromMilliseconds(200) });
        });

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
    }
}
