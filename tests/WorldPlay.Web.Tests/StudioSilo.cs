using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WorldPlay.Web;
using WorldPlay.Web.Studio;

namespace WorldPlay.Web.Tests;

/// <summary>A silo serving the studio API to tenants named by test headers (acme, globex, ...), with two open scenes allowed per
/// player.</summary>
public sealed class StudioSilo : IAsyncLifetime
{
    public const int ScenesPerPlayer = 2;

    private ServedSilo? silo;

    public HttpClient Acme { get; private set; } = new();

    public HttpClient Globex { get; private set; } = new();

    public ServedSilo Silo => silo ?? throw new InvalidOperationException("The silo has not started.");

    async Task IAsyncLifetime.InitializeAsync()
    {
        silo = await ServedSilo.StartAsync(StudioOptions.DevelopmentMode(new StudioLimits(ScenesPerPlayer: ScenesPerPlayer)),
            services: HeaderTenants.Add);
        Acme = HeaderTenants.Client(silo.Address, "acme");
        Globex = HeaderTenants.Client(silo.Address, "globex");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        Acme.Dispose();
        Globex.Dispose();
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
    }

    /// <summary>A fresh world key.</summary>
    public static string NewWorld() => $"harbor-{Guid.NewGuid():N}"[..20];

    /// <summary>A scene key as it goes in a path.</summary>
    public static string Path(string scene) => Uri.EscapeDataString(scene);

    public static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> SendAsync(
        HttpClient http, HttpMethod method, string path, object? body = null, string? idempotencyKey = "new")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }
        if (idempotencyKey is not null)
        {
            request.Headers.Add(StudioSceneEndpoints.IdempotencyHeader,
                idempotencyKey == "new" ? Guid.NewGuid().ToString() : idempotencyKey);
        }
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, json, response);
    }

    public static Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> PostAsync(
        HttpClient http, string path, object? body = null, string? idempotencyKey = "new") =>
        SendAsync(http, HttpMethod.Post, path, body ?? new { }, idempotencyKey);

    public static Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> GetAsync(HttpClient http, string path) =>
        SendAsync(http, HttpMethod.Get, path, null, null);

    /// <summary>Creates a harbor world for <paramref name="http"/>'s tenant and opens its scene for a person; returns both keys.</summary>
    public static async Task<(string World, string Scene)> OpenHarborAsync(HttpClient http, string? world = null)
    {
        world ??= NewWorld();
        var created = await PostAsync(http, "/api/worlds", new { key = world, sample = "harbor" });
        Assert.True(created.Status == HttpStatusCode.Created, $"create: {created.Status} {created.Body}");
        var opened = await PostAsync(http, $"/api/worlds/{world}/scenes", new { seed = 5 });
        Assert.True(opened.Status == HttpStatusCode.Created, $"open: {opened.Status} {opened.Body}");
        return (world, opened.Body.GetProperty("scene").GetString()!);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
