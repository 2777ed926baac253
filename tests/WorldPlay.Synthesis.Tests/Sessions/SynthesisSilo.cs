using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WorldPlay.Core.Minds;
using WorldPlay.Hosting;
using WorldPlay.Minds;

namespace WorldPlay.Synthesis.Tests.Sessions;

/// <summary>One embedded silo for the synthesis tests, offering the standard minds and the planted ones the tests steer.</summary>
public sealed class SynthesisSilo : IAsyncLifetime
{
    /// <summary>Out of character on the first try of every turn: best-of-K must keep a regeneration.</summary>
    public const string PlantedEveryTurn = "planted-every-turn";

    /// <summary>Out of character on the first try of turns 5 to 7 only: a review must rewrite that segment.</summary>
    public const string PlantedSegment = "planted-segment";

    private IHost? _host;

    public IGrainFactory Grains => _host!.Services.GetRequiredService<IGrainFactory>();

    async Task IAsyncLifetime.InitializeAsync()
    {
        var standard = new MindCatalog();
        IMind[] minds =
        [
            .. standard.Names.Select(standard.Resolve),
            new PlantedMind(PlantedEveryTurn, 0, int.MaxValue),
            new PlantedMind(PlantedSegment, 5, 7),
        ];
        _host = await WorldPlaySilo.StartEmbeddedAsync(minds: new MindCatalog(minds));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync(CancellationToken.None);
            _host.Dispose();
        }
    }
}
