using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorldPlay.Web.Studio;

namespace WorldPlay.Web.Tests;

/// <summary>The studio's middleware (errors, authentication, limits) in front of endpoints a test maps, with no silo behind them:
/// how the tests make an endpoint throw what no real endpoint should.</summary>
public sealed class StudioTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StudioTestHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<StudioTestHost> StartAsync(StudioOptions studio, Action<IEndpointRouteBuilder> endpoints)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Critical);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddWorldPlayApi();
        builder.Services.AddWorldPlayStudio(studio);
        var app = builder.Build();
        app.UseWorldPlayStudio();
        endpoints(app);
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new StudioTestHost(app, new Uri(bound));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}

/// <summary>Endpoints that fail as a real one might: what <see cref="StudioErrorsTests"/> calls.</summary>
public sealed class FailingEndpoints : IAsyncLifetime
{
    /// <summary>The message of the unexpected failure: it must never reach a caller.</summary>
    public const string Secret = "connection string Password=hunter2";

    private StudioTestHost? host;

    public HttpClient Http { get; private set; } = new();

    async Task IAsyncLifetime.InitializeAsync()
    {
        host = await StudioTestHost.StartAsync(StudioOptions.DevelopmentMode(new StudioLimits(MaxBodyBytes: 1024)), endpoints =>
        {
            endpoints.MapGet("/test/unexpected", string () => throw new InvalidOperationException(Secret));
            endpoints.MapGet("/test/argument", string () => throw new ArgumentException("turn must be 1 or more.", "turn"));
            endpoints.MapGet("/test/unknown", string () => throw new KeyNotFoundException("Unknown scene 'harbor/attic'."));
            endpoints.MapGet("/test/refused", string () =>
                throw new StudioRefusal(StatusCodes.Status409Conflict, "A call with this key is still running.",
                    TimeSpan.FromSeconds(2.5)));
            endpoints.MapPost("/test/say", (SayRequest request) => request.Text);
            endpoints.MapPost("/test/length", async (HttpRequest request) =>
            {
                using var reader = new StreamReader(request.Body);
                return (await reader.ReadToEndAsync()).Length;
            });
        });
        Http = new HttpClient { BaseAddress = host.Address };
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        Http.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }
}
