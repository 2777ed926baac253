using System.Net;
using static WorldPlay.Web.Tests.StudioSilo;

namespace WorldPlay.Web.Tests;

/// <summary>A tenant never sees another's worlds and scenes: every endpoint answers 404 for them, exactly as if absent.</summary>
public sealed class StudioTenantTests(StudioSilo studio) : IClassFixture<StudioSilo>
{
    /// <summary>Every endpoint that names a world ({w}) or scene ({s}), with a body for the POSTs.</summary>
    public static TheoryData<string, string, string?> Endpoints => new()
    {
        { "GET", "/api/worlds/{w}", null },
        { "GET", "/api/worlds/{w}/state", null },
        { "GET", "/api/worlds/{w}/diff", null },
        { "GET", "/api/worlds/{w}/why?status=mira", null },
        { "GET", "/api/worlds/{w}/branches", null },
        { "GET", "/api/worlds/{w}/characters/mira/memory", null },
        { "POST", "/api/worlds/{w}/scenes", "{}" },
        { "GET", "/api/scenes/{s}", null },
        { "GET", "/api/scenes/{s}/transcript", null },
        { "DELETE", "/api/scenes/{s}", null },
        { "POST", "/api/scenes/{s}/say", """{"text":"Hello"}""" },
        { "POST", "/api/scenes/{s}/converse", """{"turns":1}""" },
        { "POST", "/api/scenes/{s}/next", """{"speaker":"mira"}""" },
        { "POST", "/api/scenes/{s}/triggers", """{"changes":[{"kind":"took","item":"paper-lantern"}]}""" },
        { "POST", "/api/scenes/{s}/regenerate", "{}" },
        { "POST", "/api/scenes/{s}/choose", """{"scene":"{scene}"}""" },
        { "POST", "/api/scenes/{s}/fork", """{"atTurn":0}""" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_AnotherTenantsWorldOrScene_Is404AndChangesNothing(string method, string path, string? body)
    {
        var (world, scene) = await OpenHarborAsync(studio.Acme);
        await PostAsync(studio.Acme, $"/api/scenes/{Path(scene)}/say", new { text = "Evening." });
        var before = (await GetAsync(studio.Acme, $"/api/scenes/{Path(scene)}")).Body.GetRawText();
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{w}", world).Replace("{s}", Path(scene)));
        if (body is not null)
        {
            request.Content = new StringContent(body.Replace("{scene}", scene), System.Text.Encoding.UTF8, "application/json");
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        }

        using var response = await studio.Globex.SendAsync(request);

        Assert.Equal((HttpStatusCode.NotFound, before),
            (response.StatusCode, (await GetAsync(studio.Acme, $"/api/scenes/{Path(scene)}")).Body.GetRawText()));
    }

    [Fact]
    public async Task Worlds_ListedByAnotherTenant_LeaveOutTheFirstTenants()
    {
        var (world, _) = await OpenHarborAsync(studio.Acme);

        var (_, theirs, _) = await GetAsync(studio.Globex, "/api/worlds");

        Assert.DoesNotContain(world, theirs.EnumerateArray().Select(w => w.GetProperty("key").GetString()));
    }

    [Fact]
    public async Task Worlds_ListedByTheirTenant_NameThemByTheTenantsKey()
    {
        var (world, _) = await OpenHarborAsync(studio.Acme);

        var (_, mine, _) = await GetAsync(studio.Acme, "/api/worlds");

        Assert.Contains(world, mine.EnumerateArray().Select(w => w.GetProperty("key").GetString()));
    }

    [Fact]
    public async Task Branches_OfATenantsFork_NameTheBranchAndItsParentByTheTenantsKeys()
    {
        var (world, scene) = await OpenHarborAsync(studio.Acme);
        await PostAsync(studio.Acme, $"/api/scenes/{Path(scene)}/converse", new { turns = 2 });
        await PostAsync(studio.Acme, $"/api/scenes/{Path(scene)}/fork", new { atTurn = 1, key = world + "-b" });

        var (_, tree, _) = await GetAsync(studio.Acme, $"/api/worlds/{world}-b/branches");

        var branch = tree.GetProperty("branches")[0];
        Assert.Equal((world, world + "-b", world),
            (tree.GetProperty("root").GetString(), branch.GetProperty("key").GetString(),
            branch.GetProperty("origin").GetProperty("parent").GetString()));
    }

    [Fact]
    public async Task CreateWorld_AKeyAnotherTenantUses_IsTheirOwnWorld()
    {
        var (world, _) = await OpenHarborAsync(studio.Acme);

        var (status, _, _) = await PostAsync(studio.Globex, "/api/worlds", new { key = world, sample = "court" });

        Assert.Equal(HttpStatusCode.Created, status);
    }

    [Fact]
    public async Task Worlds_DevelopmentTenant_SeesNoTenantsWorld()
    {
        var (world, _) = await OpenHarborAsync(studio.Acme);
        using var dev = HeaderTenants.Client(studio.Silo.Address, "dev");

        var (_, listed, _) = await GetAsync(dev, "/api/worlds");

        Assert.DoesNotContain(listed.EnumerateArray(), w => w.GetProperty("key").GetString()!.Contains(world, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Api_WithoutCredentials_Is401()
    {
        using var anonymous = new HttpClient { BaseAddress = studio.Silo.Address };

        using var response = await anonymous.GetAsync("/api/worlds");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
