using WorldPlay.Web;
using WorldPlay.Web.Studio;

namespace WorldPlay.Testing;

/// <summary>A served silo in development mode with nothing played in it.</summary>
public sealed class DevelopmentSilo : IAsyncLifetime
{
    private ServedSilo? silo;

    public ServedSilo Silo => silo ?? throw new InvalidOperationException("The silo has not started.");

    public HttpClient Http { get; private set; } = new();

    async Task IAsyncLifetime.InitializeAsync()
    {
        silo = await ServedSilo.StartAsync(StudioOptions.DevelopmentMode());
        Http = new HttpClient { BaseAddress = silo.Address };
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        Http.Dispose();
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
    }
}
