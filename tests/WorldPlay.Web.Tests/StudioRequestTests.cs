using System.Net;
using static WorldPlay.Web.Tests.StudioSilo;

namespace WorldPlay.Web.Tests;

/// <summary>Idempotent retries, concurrent-scene limits and closing scenes.</summary>
public sealed class StudioRequestTests(StudioSilo studio) : IClassFixture<StudioSilo>
{
    private HttpClient Acme => studio.Acme;

    private async Task<int> TurnOf(string scene) =>
        (await GetAsync(Acme, $"/api/scenes/{Path(scene)}")).Body.GetProperty("turn").GetInt32();

    [Fact]
    public async Task Say_RetriedWithTheSameKey_AnswersTheSameAndPlaysNothingAgain()
    {
        var (_, scene) = await OpenHarborAsync(Acme);
        var key = Guid.NewGuid().ToString();
        var first = await PostAsync(Acme, $"/api/scenes/{Path(scene)}/say", new { text = "Evening." }, key);
        var turns = await TurnOf(scene);

        var retry = await PostAsync(Acme, $"/api/scenes/{Path(scene)}/say", new { text = "Evening." }, key);

        Assert.Equal((first.Body.GetRawText(), turns), (retry.Body.GetRawText(), await TurnOf(scene)));
    }

    [Fact]
    public async Task Open_RetriedWithTheSameKey_Is201AgainWithTheSameScene()
    {
        var world = NewWorld();
        await PostAsync(Acme, "/api/worlds", new { key = world, sample = "harbor" });
        var key = Guid.NewGuid().ToString();
        var first = await PostAsync(Acme, $"/api/worlds/{world}/scenes", new { seed = 2 }, key);

        var retry = await PostAsync(Acme, $"/api/worlds/{world}/scenes", new { seed = 2 }, key);

        Assert.Equal((HttpStatusCode.Created, first.Body.GetRawText()), (retry.Status, retry.Body.GetRawText()));
    }

    [Fact]
    public async Task Say_SameKeyAnotherBody_Is422()
    {
        var (_, scene) = await OpenHarborAsync(Acme);
        var key = Guid.NewGuid().ToString();
        await PostAsync(Acme, $"/api/scenes/{Path(scene)}/say", new { text = "Evening." }, key);

        var (status, _, _) = await PostAsync(Acme, $"/api/scenes/{Path(scene)}/say", new { text = "Morning." }, key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
    }

    [Fact]
    public async Task Say_WithoutAnIdempotencyKey_Is400NamingTheHeader()
    {
        var (_, scene) = await OpenHarborAsync(Acme);

        var (status, body, _) = await PostAsync(Acme, $"/api/scenes/{Path(scene)}/say", new { text = "Evening." }, idempotencyKey: null);

        Assert.Equal((HttpStatusCode.BadRequest, true),
            (status, body.GetProperty("detail").GetString()!.StartsWith("Idempotency-Key:", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("slash/not-allowed")]
    public async Task Say_MalformedIdempotencyKey_Is400(string key)
    {
        var (_, scene) = await OpenHarborAsync(Acme);

        var (status, _, _) = await PostAsync(Acme, $"/api/scenes/{Path(scene)}/say", new { text = "Evening." }, key);

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Say_SameKeyOtherTenant_IsItsOwnRequest()
    {
        var (_, scene) = await OpenHarborAsync(Acme);
        var (_, theirs) = await OpenHarborAsync(studio.Globex);
        var key = Guid.NewGuid().ToString();
        await PostAsync(Acme, $"/api/scenes/{Path(scene)}/say", new { text = "Evening." }, key);

        var (status, _, _) = await PostAsync(studio.Globex, $"/api/scenes/{Path(theirs)}/say", new { text = "Evening." }, key);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task OpenScene_BeyondThePlayersLimit_Is429WithRetryAfter()
    {
        using var player = HeaderTenants.Client(studio.Silo.Address, "initech", player: "p-429");
        for (var i = 0; i < ScenesPerPlayer; i++)
        {
            await OpenHarborAsync(player);
        }
        var world = NewWorld();
        await PostAsync(player, "/api/worlds", new { key = world, sample = "harbor" });

        var (status, _, response) = await PostAsync(player, $"/api/worlds/{world}/scenes", new { seed = 1 });

        Assert.Equal((HttpStatusCode.TooManyRequests, true), (status, response.Headers.RetryAfter?.Delta > TimeSpan.Zero));
    }

    [Fact]
    public async Task DeleteScene_AtThePlayersLimit_FreesASlot()
    {
        using var player = HeaderTenants.Client(studio.Silo.Address, "initech", player: "p-free");
        var scenes = new List<string>();
        for (var i = 0; i < ScenesPerPlayer; i++)
        {
            scenes.Add((await OpenHarborAsync(player)).Scene);
        }
        var world = NewWorld();
        await PostAsync(player, "/api/worlds", new { key = world, sample = "harbor" });

        var deleted = await SendAsync(player, HttpMethod.Delete, $"/api/scenes/{Path(scenes[0])}", null, null);
        var (status, _, _) = await PostAsync(player, $"/api/worlds/{world}/scenes", new { seed = 1 });

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.Created), (deleted.Status, status));
    }

    [Fact]
    public async Task Say_OnAClosedScene_Is409()
    {
        var (_, scene) = await OpenHarborAsync(Acme);
        await SendAsync(Acme, HttpMethod.Delete, $"/api/scenes/{Path(scene)}", null, null);

        var (status, _, _) = await PostAsync(Acme, $"/api/scenes/{Path(scene)}/say", new { text = "Hello?" });

        Assert.Equal(HttpStatusCode.Conflict, status);
    }
}
