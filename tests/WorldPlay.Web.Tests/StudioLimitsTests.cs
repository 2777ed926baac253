using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using WorldPlay.Web.Studio;
using WorldPlay.Web.Tests.Streaming;

namespace WorldPlay.Web.Tests;

/// <summary>A served silo whose tenants may make few requests, callers acting as tenants and players through test headers.</summary>
public sealed class TightlyLimitedSilo : IAsyncLifetime
{
    public const int PerTenant = 6;
    public const int PerPlayer = 3;
    public const int MaxBody = 2048;

    private ServedSilo? silo;

    public Uri Address => silo?.Address ?? throw new InvalidOperationException("The silo has not started.");

    async Task IAsyncLifetime.InitializeAsync() => silo = await ServedSilo.StartAsync(
        StudioOptions.DevelopmentMode(new StudioLimits(
            RequestsPerMinutePerTenant: PerTenant, RequestsPerMinutePerPlayer: PerPlayer, MaxBodyBytes: MaxBody)),
        services: HeaderTenants.Add);

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
    }
}

/// <summary>Per-tenant and per-player rate limits (429 with Retry-After) and body limits (413), each tenant's budget its own.
/// </summary>
public sealed class StudioLimitsTests(TightlyLimitedSilo silo) : IClassFixture<TightlyLimitedSilo>
{
    // Budgets refill one token every 10 s (tenant) or 20 s (player): a test asks until refused rather than counting exactly,
    // so a slow machine that sees a token come back is still correct.
    private const int Attempts = 40;

    /// <summary>A tenant no other test uses, so each test starts with full budgets.</summary>
    private static string FreshTenant() => $"t{Guid.NewGuid():N}"[..12];

    private HttpClient Caller(string tenant, string? player = null) => HeaderTenants.Client(silo.Address, tenant, player: player);

    /// <summary>Sends GET /api/worlds until a response is refused, and returns it (or the last one).</summary>
    private static async Task<HttpResponseMessage> SpendAsync(HttpClient http)
    {
        for (var i = 1; ; i++)
        {
            var response = await http.GetAsync("/api/worlds");
            if (response.StatusCode == HttpStatusCode.TooManyRequests || i == Attempts)
            {
                return response;
            }
            response.Dispose();
        }
    }

    [Fact]
    public async Task Player_OverItsBudget_Is429ProblemWithRetryAfter()
    {
        using var player = Caller(FreshTenant(), "p-1");

        using var refused = await SpendAsync(player);

        Assert.Equal((HttpStatusCode.TooManyRequests, "application/problem+json", true),
            (refused.StatusCode, refused.Content.Headers.ContentType?.MediaType, refused.Headers.RetryAfter?.Delta > TimeSpan.Zero));
    }

    [Fact]
    public async Task SocketCommands_OverTheTenantsBudget_AreAnswered429WithRetryAfterAndTheSocketStaysOpen()
    {
        var tenant = FreshTenant();
        using var key = Caller(tenant);
        var (_, scene) = await StudioSilo.OpenHarborAsync(key);
        await using var socket = await SceneSocketClient.ConnectAsync(silo.Address, tenant, SceneSocketClient.PathOf(scene));
        Assert.Equal("ready", (await socket.ReceiveAsync()).Type());

        // Each command spends a request of the budget the REST calls and the upgrade spent: ask until one is refused.
        JsonElement answer = default;
        for (var i = 0; i < Attempts; i++)
        {
            var id = $"c{i}";
            await socket.SendAsync(new { type = "next", id, idempotencyKey = SceneSocketClient.NewKey(), speaker = "nobody-here" });
            answer = await socket.ReceiveAsync();
            if (answer.GetProperty("status").GetInt32() == StatusCodes.Status429TooManyRequests)
            {
                break;
            }
        }
        await socket.SendAsync(new { type = "ping" });
        var pong = await socket.ReceiveAsync();

        Assert.Equal(("error", 429, true, "pong"),
            (answer.Type(), answer.GetProperty("status").GetInt32(),
                answer.TryGetProperty("retryAfter", out var after) && after.GetInt64() >= 1, pong.Type()));
    }

    [Fact]
    public async Task Player_OverItsBudget_AnotherPlayerOfTheTenantStillPlays()
    {
        var tenant = FreshTenant();
        using var first = Caller(tenant, "p-1");
        using var second = Caller(tenant, "p-2");
        (await SpendAsync(first)).Dispose();

        using var response = await second.GetAsync("/api/worlds");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Tenant_OverItsBudget_IsRefusedForEveryPlayer()
    {
        var tenant = FreshTenant();
        using (var key = Caller(tenant))
        {
            (await SpendAsync(key)).Dispose();
        }
        using var player = Caller(tenant, "p-fresh");

        using var response = await player.GetAsync("/api/worlds");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }

    [Fact]
    public async Task Tenant_OverItsBudget_AnotherTenantIsNotLimited()
    {
        using (var exhausted = Caller(FreshTenant()))
        {
            (await SpendAsync(exhausted)).Dispose();
        }
        using var other = Caller(FreshTenant());

        using var response = await other.GetAsync("/api/worlds");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Tenant_OverItsBudget_RetryAfterIsWithinTheRefillOfOneToken()
    {
        using var key = Caller(FreshTenant());

        using var refused = await SpendAsync(key);

        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60.0 / TightlyLimitedSilo.PerTenant);
    }

    [Fact]
    public async Task Unauthenticated_ManyRequests_AreLimitedByAddress()
    {
        using var anonymous = new HttpClient { BaseAddress = silo.Address };

        using var refused = await SpendAsync(anonymous);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task Body_LargerThanTheLimit_Is413Problem()
    {
        using var player = Caller(FreshTenant(), "p-1");
        var body = JsonSerializer.Serialize(new { text = new string('a', TightlyLimitedSilo.MaxBody) });

        using var response = await player.PostAsync("/api/scenes/harbor%2Fdock/say", new StringContent(body, Encoding.UTF8,
            "application/json"));

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "application/problem+json"),
            (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
    }

    [Fact]
    public async Task WorldBody_LargerThanTheOtherLimit_IsNotRefusedForItsSize()
    {
        using var key = Caller(FreshTenant());
        var body = JsonSerializer.Serialize(new { key = "big", world = new { name = new string('a', TightlyLimitedSilo.MaxBody) } });

        using var response = await key.PostAsync("/api/worlds", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public void DevelopmentMode_Default_AllowsTheApiLoadOf200Sessions()
    {
        var limits = StudioOptions.DevelopmentMode().LimitsOf("dev");

        Assert.True(limits.RequestsPerMinutePerTenant >= 1_000_000 && limits.ScenesPerTenant >= 1000,
            $"development limits: {limits}");
    }
}

/// <summary>What a WebSocket's commands spend: the same budgets as requests.</summary>
public sealed class StudioSpentRequestsTests
{
    [Fact]
    public async Task SpendRequest_BeyondTheTenantsBudget_SaysWhenToTryAgain()
    {
        await using var host = await StudioTestHost.StartAsync(
            StudioOptions.DevelopmentMode(new StudioLimits(RequestsPerMinutePerTenant: 2)),
            endpoints => endpoints.MapGet("/spend", (HttpContext context) =>
            {
                // The request itself spent one token; spend until refused, as a socket's commands would.
                for (var i = 0; i < 40; i++)
                {
                    if (StudioLimiting.SpendRequest(context) is { } after)
                    {
                        return after.TotalSeconds;
                    }
                }
                return 0;
            }));
        using var http = new HttpClient { BaseAddress = host.Address };

        var retryAfter = double.Parse(await http.GetStringAsync("/spend"), System.Globalization.CultureInfo.InvariantCulture);

        Assert.InRange(retryAfter, 1, 30);
    }
}
