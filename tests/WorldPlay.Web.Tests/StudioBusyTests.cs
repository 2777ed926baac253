using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WorldPlay.Grains;
using WorldPlay.Web.Studio;
using WorldPlay.Web.Tests.Streaming;
using static WorldPlay.Web.Tests.StudioSilo;

namespace WorldPlay.Web.Tests;

/// <summary>A served silo whose turn gate runs one turn and lets none wait, so a test holding the slot sees every turn refused.
/// </summary>
public sealed class BusyStudioSilo : IAsyncLifetime
{
    private ServedSilo? silo;

    public TurnGate Gate { get; } = new(new TurnGateLimits(1, 0, TimeSpan.Zero));

    public ServedSilo Silo => silo ?? throw new InvalidOperationException("The silo has not started.");

    public HttpClient Acme { get; private set; } = new();

    async Task IAsyncLifetime.InitializeAsync()
    {
        // Registered after the silo's default gate, so this one is the gate the silo resolves.
        silo = await ServedSilo.StartAsync(StudioOptions.DevelopmentMode(), services: services =>
        {
            HeaderTenants.Add(services);
            services.AddSingleton(Gate);
        });
        Acme = HeaderTenants.Client(silo.Address, "acme");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        Acme.Dispose();
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
    }
}

/// <summary>A turn the silo's gate refuses is a 503 with Retry-After over REST, and an error of the same kind on the socket.
/// </summary>
public sealed class StudioBusyTests(BusyStudioSilo busy) : IClassFixture<BusyStudioSilo>
{
    [Fact]
    public async Task Converse_SiloBusy_Is503WithRetryAfterAndTheGatesCounts()
    {
        var (_, scene) = await OpenHarborAsync(busy.Acme);
        (HttpStatusCode Status, string Detail, TimeSpan? RetryAfter) answer;
        using (await busy.Gate.EnterAsync())
        {
            var (status, body, response) = await PostAsync(busy.Acme, $"/api/scenes/{Path(scene)}/converse", new { turns = 3 });
            answer = (status, body.GetProperty("detail").GetString()!, response.Headers.RetryAfter?.Delta);
        }

        var saysBusy = answer.Detail.StartsWith("silo busy: 1 turns running, 0 waiting;", StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(1), true), (answer.Status, answer.RetryAfter, saysBusy));
    }

    [Fact]
    public async Task Converse_AfterTheGateFrees_PlaysTheTurnsARefusedCallDidNot()
    {
        var (_, scene) = await OpenHarborAsync(busy.Acme);
        using (await busy.Gate.EnterAsync())
        {
            await PostAsync(busy.Acme, $"/api/scenes/{Path(scene)}/converse", new { turns = 2 });
        }

        var (status, body, _) = await PostAsync(busy.Acme, $"/api/scenes/{Path(scene)}/converse", new { turns = 2 });

        Assert.Equal((HttpStatusCode.OK, 2), (status, body.GetProperty("turns").GetArrayLength()));
    }

    [Fact]
    public async Task ConverseOnTheSocket_SiloBusy_IsAn503ErrorWithRetryAfter()
    {
        var (_, scene) = await OpenHarborAsync(busy.Acme);
        await using var socket = await SceneSocketClient.ConnectAsync(busy.Silo.Address, "acme", SceneSocketClient.PathOf(scene));
        List<System.Text.Json.JsonElement> messages;
        using (await busy.Gate.EnterAsync())
        {
            await socket.SendAsync(new { type = "converse", id = "c1", idempotencyKey = SceneSocketClient.NewKey(), turns = 2 });
            messages = await socket.ReceiveUntilAsync(m => m.GetProperty("type").GetString() == "error");
        }

        var error = messages[^1];
        Assert.Equal((503, 1L), (error.GetProperty("status").GetInt32(), error.GetProperty("retryAfter").GetInt64()));
    }
}
