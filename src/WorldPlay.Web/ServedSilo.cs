using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WorldPlay.Hosting;
using WorldPlay.Web.Studio;

namespace WorldPlay.Web;

/// <summary>An embedded one-silo cluster (as <see cref="WorldPlaySilo.StartEmbeddedAsync"/> starts) that also serves the HTTP API
/// and the viewer on a local port: what <c>worldplay serve</c> runs, and what the API and browser tests start.</summary>
public sealed class ServedSilo : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServedSilo(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The base address the API and viewer answer at, e.g. http://127.0.0.1:5080/.</summary>
    public Uri Address { get; }

    /// <summary>The viewer's address.</summary>
    public Uri Viewer => new(Address, WorldPlayViewer.Path);

    /// <summary>The silo's grains, for callers that play scenes in it.</summary>
    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The host's services (the studio's scene feed, options, and what <c>services</c> added).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the silo with the studio service admitting callers as <paramref name="studio"/> says, and listens on
    /// 127.0.0.1 (or every interface with <paramref name="anyInterface"/>) at <paramref name="port"/>; 0 picks a free port.
    /// <paramref name="services"/> adds or replaces services before the host is built (tests use it).</summary>
    public static async Task<ServedSilo> StartAsync(StudioOptions studio, int port = 0, bool anyInterface = false,
        LogLevel logLevel = LogLevel.Warning, Action<IServiceCollection>? services = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(logLevel)
            // Orleans notes about GC modes and lifecycle timing are for operators of real clusters, not for one local run.
            .AddFilter("Orleans", LogLevel.Error)
            .AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
            // A host that fails to start (a port taken) throws to the caller, who says why in one line; its log would say it twice.
            .AddFilter("Microsoft.Extensions.Hosting", LogLevel.Critical);
        builder.WebHost.UseUrls($"http://{(anyInterface ? "*" : "127.0.0.1")}:{port}");
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort: WorldPlaySilo.FreePort(), gatewayPort: WorldPlaySilo.FreePort())
            .AddWorldPlay()
            .AddWorldPlayTracing());
        builder.Services.AddWorldPlayTelemetryWhenExported("worldplay-embedded");
        builder.Services.AddWorldPlayApi();
        builder.Services.AddWorldPlayStudio(studio);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseWorldPlayStudio();
        app.MapWorldPlayApi();
        app.MapWorldPlayStudio();
        app.MapWorldPlayViewer();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            // What did start (the silo) stops with the host, rather than running on in the caller's process.
            try
            {
                await app.StopAsync(CancellationToken.None);
            }
            finally
            {
                await app.DisposeAsync();
            }
            throw;
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var address = new UriBuilder(bound) { Host = anyInterface ? "localhost" : "127.0.0.1" }.Uri;
        return new ServedSilo(app, address);
    }

    /// <summary>Waits until the host is told to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
