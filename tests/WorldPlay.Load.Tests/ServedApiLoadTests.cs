using WorldPlay.Load.Sessions;
using WorldPlay.Web;
using WorldPlay.Web.Studio;

namespace WorldPlay.Load.Tests;

/// <summary>Short load runs through the real studio API of a served silo in development mode (5 sessions x 10 turns, 2
/// characters), over the WebSocket and over REST.</summary>
public sealed class ServedApiLoadTests
{
    private static async Task<LoadReport> RunAsync(ApiTransport transport)
    {
        await using var silo = await ServedSilo.StartAsync(StudioOptions.DevelopmentMode());
        var request = new LoadRequest(5, 10, 2, "harbor", null, null, 0, null, null, null) { Api = new ApiTarget(silo.Address, transport) };
        return await LoadPlan.Of(request).PlayAsync(null, TextWriter.Null, CancellationToken.None);
    }

    [Theory]
    [InlineData(ApiTransport.Ws)]
    [InlineData(ApiTransport.Rest)]
    public async Task Run_ServedSilo_StoresEveryTurnAndLosesNone(ApiTransport transport)
    {
        var report = await RunAsync(transport);

        Assert.True(
            (report.LostTurns, report.TurnsAcknowledged, report.TurnsCommitted, report.ErrorCount) == (0L, 50L, 50L, 0),
            report.Closing() + (report.FirstFailure is { } failure ? $" First failure: {failure}" : ""));
    }
}
