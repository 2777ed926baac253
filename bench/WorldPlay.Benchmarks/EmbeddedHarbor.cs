using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WorldPlay.Client;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Worlds;
using WorldPlay.Hosting;

namespace WorldPlay.Benchmarks;

/// <summary>An embedded silo (in-process, in-memory storage, procedural minds) that opens harbor sessions the way
/// <c>worldplay simulate</c> does: a world of its own per session, the scene's user played by the slow-burn simulator.</summary>
public sealed class EmbeddedHarbor : IAsyncDisposable
{
    private static readonly WorldDefinition Harbor = WorldFiles.Load("harbor");
    private readonly IHost _silo;
    private int _opened;

    private EmbeddedHarbor(IHost silo)
    {
        _silo = silo;
        Grains = silo.Services.GetRequiredService<IGrainFactory>();
        Client = new WorldPlayClient(Grains);
    }

    public IGrainFactory Grains { get; }

    public WorldPlayClient Client { get; }

    public IServiceProvider Services => _silo.Services;

    public static async Task<EmbeddedHarbor> StartAsync() => new(await WorldPlaySilo.StartEmbeddedAsync());

    /// <summary>A new world and its harbor scene, ready for turn 1.</summary>
    public async Task<(string WorldKey, SceneHandle Scene)> OpenSessionAsync(int seed = 7)
    {
        var worldKey = $"harbor-bench-{Interlocked.Increment(ref _opened)}";
        await Client.CreateWorldAsync(worldKey, Harbor);
        var spec = Harbor.Scenes[0];
        var scene = await Client.OpenSceneAsync(
            $"{worldKey}/{spec.Id}",
            new SceneOptions(worldKey, spec.Id, seed, "procedural", "user-sim:slow-burn", null, PerspectiveBuilder.DefaultBudget));
        return (worldKey, scene);
    }

    public async ValueTask DisposeAsync()
    {
        await _silo.StopAsync();
        _silo.Dispose();
    }
}
