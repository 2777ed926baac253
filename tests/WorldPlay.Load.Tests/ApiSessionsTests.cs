using System.Text.Json.Nodes;
using WorldPlay.Load.Sessions;

namespace WorldPlay.Load.Tests;

/// <summary>The studio API driver against <see cref="FakeStudio"/>: three sessions of 30 turns (batches of 20, so each plays two
/// calls), over the WebSocket and over REST, with the server misbehaving in the ways a network does.</summary>
public sealed class ApiSessionsTests
{
    private const int Sessions = 3;
    private const int Turns = 30;

    private static async Task<(LoadReport Report, JsonObject Json)> RunAsync(FakeStudio studio, ApiTransport transport, string? key = null)
    {
        var request = new LoadRequest(Sessions, Turns, 2, "harbor", null, null, 0, null, null, null)
        {
            Api = new ApiTarget(studio.Address, transport, key),
        };
        var report = await LoadPlan.Of(request).PlayAsync(null, TextWriter.Null, CancellationToken.None);
        return (report, report.Json());
    }

    [Theory]
    [InlineData(ApiTransport.Ws)]
    [InlineData(ApiTransport.Rest)]
    public async Task Run_WellBehavedServer_LosesNoTurn(ApiTransport transport)
    {
        await using var studio = await FakeStudio.StartAsync();

        var (report, _) = await RunAsync(studio, transport);

        Assert.Equal((0L, 90L, 90L), (report.LostTurns, report.TurnsAcknowledged, report.TurnsCommitted));
    }

    [Theory]
    [InlineData(ApiTransport.Ws)]
    [InlineData(ApiTransport.Rest)]
    public async Task Run_WellBehavedServer_PlaysEveryTurnOnce(ApiTransport transport)
    {
        await using var studio = await FakeStudio.StartAsync();

        await RunAsync(studio, transport);

        Assert.Equal((Sessions * Turns, Sessions), (studio.TurnsPlayed, studio.WorldsCreated));
    }

    [Fact]
    public async Task Run_AnswerLostAfterCommit_RetryPlaysNothingTwice()
    {
        await using var studio = await FakeStudio.StartAsync(loseFirstAnswer: true);

        var (report, json) = await RunAsync(studio, ApiTransport.Rest);

        Assert.Equal(
            (90, 0L, 90L, 3),
            (studio.TurnsPlayed, report.LostTurns, report.TurnsAcknowledged, json["retries"]!["StudioApiException"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Run_SocketDropsMidCommand_ReconnectHearsTheRestAndPlaysNothingTwice()
    {
        await using var studio = await FakeStudio.StartAsync(dropSocket: true);

        var (report, json) = await RunAsync(studio, ApiTransport.Ws);

        Assert.Equal(
            (90, 0L, 90L, 3),
            (studio.TurnsPlayed, report.LostTurns, report.TurnsAcknowledged,
                json["retries"]!.AsObject().Sum(r => r.Value!.GetValue<int>())));
    }

    [Fact]
    public async Task Run_TranscriptMissingATurn_CountsItLost()
    {
        await using var studio = await FakeStudio.StartAsync(forgetTurnThree: true);

        var (report, _) = await RunAsync(studio, ApiTransport.Ws);

        Assert.Equal(Sessions, report.LostTurns);
    }

    [Fact]
    public async Task Run_WithApiKey_MintsOneTokenPerSession()
    {
        await using var studio = await FakeStudio.StartAsync(requireToken: true);

        var (report, _) = await RunAsync(studio, ApiTransport.Ws, FakeStudio.ApiKey);

        Assert.Equal((Sessions, 0L, 90L), (studio.TokensMinted, report.LostTurns, report.TurnsCommitted));
    }

    [Fact]
    public async Task Run_WithApiKey_NeverSendsTheKeyButToMintTokens()
    {
        await using var studio = await FakeStudio.StartAsync(requireToken: true);

        await RunAsync(studio, ApiTransport.Rest, FakeStudio.ApiKey);

        Assert.Equal(Sessions, studio.Authorizations.Count(a => a.Contains(FakeStudio.ApiKey, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Report_WithApiKey_NeverHoldsTheKey()
    {
        await using var studio = await FakeStudio.StartAsync(requireToken: true);

        var (report, json) = await RunAsync(studio, ApiTransport.Ws, FakeStudio.ApiKey);

        Assert.DoesNotContain(FakeStudio.ApiKey, json.ToJsonString() + LoadPage.Html(report) + report.Request, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_OverTheApi_SaysTargetAndTransport()
    {
        await using var studio = await FakeStudio.StartAsync();

        var (_, json) = await RunAsync(studio, ApiTransport.Rest);

        Assert.Equal(($"api {studio.Address}", "rest"), (json["target"]!.GetValue<string>(), json["transport"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Run_SceneRefusedAsBadInput_FailsEverySessionWithoutRetrying()
    {
        await using var studio = await FakeStudio.StartAsync(refuseScenesWith: 400);

        var (report, json) = await RunAsync(studio, ApiTransport.Ws);

        Assert.Equal((Sessions, 0), (json["sessionsFailed"]!.GetValue<int>(), json["retries"]!.AsObject().Count));
    }
}
