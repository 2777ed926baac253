using System.Net;
using System.Net.Http.Headers;
using WorldPlay.Web.Studio;

namespace WorldPlay.Hosting.Tests;

/// <summary>The <c>WorldPlay:Studio</c> keys as the silo's option check sees them: their names are known (WorldPlay.Web's
/// StudioConfiguration reads their values), a misspelt one is still caught.</summary>
public sealed class StudioOptionsAuthTests
{
    [Fact]
    public void Studio_KnownKeysAndATenantsKeys_Accepted()
    {
        var options = OptionsTests.Read(("WorldPlay:Http:Enabled", "true"), ("WorldPlay:Studio:Development", "true"),
            ("WorldPlay:Studio:KeysFile", "studio-keys.json"), ("WorldPlay:Studio:TokenSigningKey", Convert.ToBase64String(new byte[32])),
            ("WorldPlay:Studio:Tenants:acme:Keys:0", "sha256:" + new string('a', 64)));

        Assert.True(options.Http.Enabled);
    }

    [Fact]
    public void Studio_KeyMisspelt_SuggestsTheKnownOne() =>
        Assert.Contains("WorldPlay:Studio:KeyFile is not a WorldPlay setting; did you mean WorldPlay:Studio:KeysFile?",
            OptionsTests.Problem(("WorldPlay:Studio:KeyFile", "keys.json")), StringComparison.Ordinal);

    [Fact]
    public void Studio_DevelopmentNotABoolean_Refused() =>
        Assert.Contains("WorldPlay:Studio:Development is 'yes'; allowed: true, false.",
            OptionsTests.Problem(("WorldPlay:Studio:Development", "yes")), StringComparison.Ordinal);

    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    private static string[] HttpSilo(int httpPort) =>
    [
        "--WorldPlay:SiloPort", $"{WorldPlaySilo.FreePort()}", "--WorldPlay:GatewayPort", $"{WorldPlaySilo.FreePort()}",
        "--WorldPlay:Http:Enabled", "true", "--WorldPlay:Http:Port", $"{httpPort}",
    ];

    [Fact]
    public async Task Silo_HttpWithNeitherKeysNorDevelopment_ExitsTwoNamingWhatToSet()
    {
        using var silo = SiloProcess.Start(null, HttpSilo(WorldPlaySilo.FreePort()));

        var code = await silo.ExitCodeAsync(Bound);

        Assert.Equal((2, true), (code, silo.Error.Contains("set WorldPlay:Studio:KeysFile", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Silo_HttpInDevelopmentMode_LogsAWarning()
    {
        using var silo = SiloProcess.Start(null, [.. HttpSilo(WorldPlaySilo.FreePort()), "--WorldPlay:Studio:Development", "true"]);

        await silo.WaitForOutputAsync("Ctrl+C or SIGTERM", Bound);
        silo.Terminate();
        await silo.ExitCodeAsync(Bound);

        Assert.Contains("Studio development mode is on", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silo_HttpWithAConfiguredKeyHash_AdmitsTheKeyOnly()
    {
        var port = WorldPlaySilo.FreePort();
        var key = StudioKeys.New();
        using var silo = SiloProcess.Start(
            new Dictionary<string, string> { ["WORLDPLAY_WorldPlay__Studio__Tenants__acme__Keys__0"] = StudioKeys.Hash(key) },
            HttpSilo(port));
        await silo.WaitForOutputAsync("Ctrl+C or SIGTERM", Bound);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

        using var anonymous = await http.GetAsync("/api/worlds");
        using var keyed = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/worlds")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("ApiKey", key) },
        });
        silo.Terminate();
        await silo.ExitCodeAsync(Bound);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.OK, false),
            (anonymous.StatusCode, keyed.StatusCode, (silo.Output + silo.Error).Contains(key, StringComparison.Ordinal)));
    }
}
