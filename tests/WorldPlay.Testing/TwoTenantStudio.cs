using WorldPlay.Client;
using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Worlds;
using WorldPlay.Web;
using WorldPlay.Web.Studio;

namespace WorldPlay.Testing;

/// <summary>A served silo with two tenants (<see cref="HeaderTenants"/>): <c>acme</c>'s world <see cref="SecretWorld"/>, whose
/// scene's transcript holds the line <see cref="Secret"/>, and <c>globex</c>'s own world <see cref="OwnWorld"/>. A test calls as
/// globex (<see cref="Globex"/>) and checks that nothing it gets back holds acme's secret. The rate limits are lifted, so a
/// test's thousands of requests reach the endpoints rather than a 429.</summary>
public sealed class TwoTenantStudio : IAsyncLifetime
{
    public const string Acme = "acme";
    public const string Globex = "globex";

    /// <summary>Acme's world key, as acme names it.</summary>
    public const string SecretWorld = "fuzz-secret";

    /// <summary>Globex's world key, as globex names it.</summary>
    public const string OwnWorld = "fuzz-own";

    /// <summary>A line only acme's scene holds: any answer to another tenant that contains it is a cross-tenant read.</summary>
    public const string Secret = "The quokka password is zanzibar-7731";

    private ServedSilo? _silo;

    public ServedSilo Silo => _silo ?? throw new InvalidOperationException("The silo has not started.");

    /// <summary>The scene id of both worlds' first scene (the harbor's).</summary>
    public string SceneId { get; private set; } = "";

    /// <summary>A client calling as <paramref name="tenant"/> with every scope.</summary>
    public HttpClient Client(string tenant) => HeaderTenants.Client(Silo.Address, tenant);

    async Task IAsyncLifetime.InitializeAsync()
    {
        var limits = new StudioLimits(RequestsPerMinutePerTenant: 1_000_000, RequestsPerMinutePerPlayer: 1_000_000);
        _silo = await ServedSilo.StartAsync(StudioOptions.DevelopmentMode(limits), services: HeaderTenants.Add);
        var client = new WorldPlayClient(_silo.Grains);
        var definition = WorldFiles.Load("harbor");
        var spec = definition.Scenes[0];
        SceneId = spec.Id;
        foreach (var (tenant, key) in new[] { (Acme, SecretWorld), (Globex, OwnWorld) })
        {
            var world = TenantKeys.Internal(tenant, key);
            await client.CreateWorldAsync(world, definition);
            var scene = await client.OpenSceneAsync(
                $"{world}/{spec.Id}", new SceneOptions(world, spec.Id, 7, "procedural", null, null, PerspectiveBuilder.DefaultBudget));
            await scene.SayAsync(tenant == Acme ? Secret : "Evening, all.");
        }
    }

    Task IAsyncLifetime.DisposeAsync() => _silo?.DisposeAsync().AsTask() ?? Task.CompletedTask;
}
