using System.Net;
using System.Text.RegularExpressions;

namespace WorldPlay.Web.Tests;

/// <summary>The play page as the server hands it out: the page and every asset it names, each under the viewer's rule that the
/// page may talk to its own origin only.</summary>
public sealed partial class PlayPageTests(DevelopmentSilo served) : IClassFixture<DevelopmentSilo>
{
    [GeneratedRegex("""(?:src|href)="([^"]+)""")]
    private static partial Regex AssetReference();

    [Fact]
    public async Task Page_Served_MayOnlyTalkToItsOwnOrigin()
    {
        using var response = await served.Http.GetAsync(WorldPlayPlayPage.Path);

        Assert.Equal((HttpStatusCode.OK, "text/html", true), (response.StatusCode, response.Content.Headers.ContentType?.MediaType,
            response.Headers.GetValues("Content-Security-Policy").Single().StartsWith("default-src 'self'", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Page_EveryAssetItNames_IsServedFromThePlayPath()
    {
        var page = await served.Http.GetStringAsync(WorldPlayPlayPage.Path);
        var assets = AssetReference().Matches(page).Select(m => m.Groups[1].Value).ToList();
        var answers = new List<string>();
        foreach (var asset in assets)
        {
            using var response = await served.Http.GetAsync(asset);
            answers.Add($"{asset} {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
        }

        Assert.Equal(["/play/play.css 200 text/css", "/play/play.js 200 text/javascript"], answers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Asset_Unknown_Is404Problem()
    {
        using var response = await served.Http.GetAsync(WorldPlayPlayPage.Path + "/secrets.json");

        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"),
            (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
    }

    [Fact]
    public async Task PageAndAssets_OnAKeyedServer_NeedNoCredential()
    {
        // A designer opens /play#token=... in a browser: the page must load before its script can send the token.
        await using var keyed = await ServedSilo.StartAsync(StudioCredentials.For("acme").Options);
        using var http = new HttpClient { BaseAddress = keyed.Address };
        var answers = new List<string>();
        foreach (var path in new[] { WorldPlayPlayPage.Path, "/play/play.js", WorldPlayViewer.Path, "/api/worlds" })
        {
            using var response = await http.GetAsync(path);
            answers.Add($"{path} {(int)response.StatusCode}");
        }

        Assert.Equal(["/play 200", "/play/play.js 200", "/viewer 200", "/api/worlds 401"], answers);
    }
}
