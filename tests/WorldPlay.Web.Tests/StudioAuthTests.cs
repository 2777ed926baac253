using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WorldPlay.Web.Studio;

namespace WorldPlay.Web.Tests;

/// <summary>A silo serving with API keys of two tenants (acme, globex), development mode off, every log line and trace captured.
/// </summary>
public sealed class KeyedSilo : IAsyncLifetime
{
    private ServedSilo? silo;

    public StudioCredentials Credentials { get; } = StudioCredentials.For("acme", "globex");

    public CapturedLogs Logs { get; } = new();

    public ServedSilo Silo => silo ?? throw new InvalidOperationException("The silo has not started.");

    public Uri Address => Silo.Address;

    async Task IAsyncLifetime.InitializeAsync() =>
        silo = await ServedSilo.StartAsync(Credentials.Options, logLevel: LogLevel.Trace, services: Logs.Add);

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
        Logs.Dispose();
    }
}

/// <summary>API keys and player tokens against a keyed silo: who is admitted, as which tenant, with which scopes.</summary>
public sealed class StudioAuthTests(KeyedSilo keyed) : IClassFixture<KeyedSilo>
{
    private StudioCredentials Credentials => keyed.Credentials;

    private static async Task<HttpStatusCode> StatusOfAsync(HttpClient http, string path = "/api/worlds")
    {
        using (http)
        {
            using var response = await http.GetAsync(path);
            return response.StatusCode;
        }
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> MintAsync(HttpClient http, object body)
    {
        using (http)
        {
            using var response = await http.PostAsJsonAsync("/api/tokens", body);
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
        }
    }

    /// <summary>The status, content type and body of a GET that is refused.</summary>
    private static async Task<(HttpStatusCode Status, string? ContentType, JsonElement Body)> ProblemAsync(HttpClient http, string path)
    {
        using (http)
        {
            using var response = await http.GetAsync(path);
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, response.Content.Headers.ContentType?.MediaType,
                text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
        }
    }

    private HttpClient Anonymous() => new() { BaseAddress = keyed.Address };

    [Fact]
    public async Task Key_InAuthorizationHeader_ReadsWorlds() =>
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(Credentials.KeyClient(keyed.Address, "acme")));

    [Fact]
    public async Task Key_InXApiKeyHeader_ReadsWorlds()
    {
        var http = Anonymous();
        http.DefaultRequestHeaders.Add(StudioAuthentication.ApiKeyHeader, Credentials.Keys["globex"]);

        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(http));
    }

    [Fact]
    public async Task Key_Wrong_Is401()
    {
        var http = Anonymous();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", StudioKeys.New());

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfAsync(http));
    }

    [Fact]
    public async Task Key_ItsHashInstead_Is401()
    {
        var http = Anonymous();
        http.DefaultRequestHeaders.Add(StudioAuthentication.ApiKeyHeader, StudioKeys.Hash(Credentials.Keys["acme"]));

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfAsync(http));
    }

    [Fact]
    public async Task NoCredentials_DevelopmentModeOff_Is401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfAsync(Anonymous()));

    [Fact]
    public async Task NoCredentials_DevelopmentModeOff_Is401ProblemSayingWhichCredentials()
    {
        var (status, type, body) = await ProblemAsync(Anonymous(), "/api/worlds");

        Assert.Equal((HttpStatusCode.Unauthorized, "application/problem+json", 401, true),
            (status, type, body.GetProperty("status").GetInt32(),
                body.GetProperty("detail").GetString()!.Contains("Authorization: ApiKey", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Token_WithoutReadScope_ReadIs403Problem()
    {
        var (status, type, body) = await ProblemAsync(Credentials.TokenClient(keyed.Address, "acme", "p-1", StudioScopes.Play),
            "/api/worlds");

        Assert.Equal((HttpStatusCode.Forbidden, "application/problem+json", 403, true),
            (status, type, body.GetProperty("status").GetInt32(), body.GetProperty("detail").GetString()!.Length > 0));
    }

    [Fact]
    public async Task NoCredentials_UnknownPath_Is401NotAHintOfWhatExists() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfAsync(Anonymous(), "/api/secrets"));

    [Fact]
    public async Task OpenApiDocument_NoCredentials_IsServed() =>
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(Anonymous(), WorldPlayApi.OpenApiPath));

    [Fact]
    public async Task ViewerPage_NoCredentials_IsServed() =>
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(Anonymous(), WorldPlayViewer.Path));

    [Fact]
    public async Task ViewerScript_NoCredentials_IsServed() =>
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(Anonymous(), WorldPlayViewer.Path + "/viewer.js"));

    [Fact]
    public async Task Tokens_MintedWithAKey_AnswerTenantPlayerAndDefaultScopes()
    {
        var (status, body) = await MintAsync(Credentials.KeyClient(keyed.Address, "acme"), new { player = "p-42" });

        Assert.Equal((HttpStatusCode.OK, "acme", "p-42", "read play"),
            (status, body.GetProperty("tenant").GetString(), body.GetProperty("player").GetString(),
                string.Join(' ', body.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()))));
    }

    [Fact]
    public async Task Tokens_MintedWithAKey_TokenCarriesTenantPlayerScopeAndLifetime()
    {
        var (_, body) = await MintAsync(Credentials.KeyClient(keyed.Address, "globex"),
            new { player = "p-7", scopes = new[] { "read" }, lifetimeSeconds = 120 });

        var token = new JsonWebToken(body.GetProperty("token").GetString());
        Assert.Equal(("globex", "p-7", "read", 120L, "HS256", body.GetProperty("expiresAt").GetDateTimeOffset()),
            (token.GetClaim("tenant").Value, token.Subject, token.GetClaim("scope").Value,
                (long)(token.ValidTo - token.IssuedAt).TotalSeconds, token.Alg, new DateTimeOffset(token.ValidTo)));
    }

    [Fact]
    public async Task Tokens_Minted_ReadWorldsAsBearer()
    {
        var (_, body) = await MintAsync(Credentials.KeyClient(keyed.Address, "acme"), new { player = "p-1" });
        var token = body.GetProperty("token").GetString()!;

        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(StudioCredentials.Bearer(keyed.Address, token)));
    }

    [Theory]
    [InlineData(59)]
    [InlineData(86401)]
    public async Task Tokens_LifetimeOutOfRange_Is400NamingTheField(int seconds)
    {
        var (status, body) = await MintAsync(Credentials.KeyClient(keyed.Address, "acme"), new { player = "p", lifetimeSeconds = seconds });

        Assert.Equal((HttpStatusCode.BadRequest, true), (status, body.GetProperty("errors").TryGetProperty("lifetimeSeconds", out _)));
    }

    [Fact]
    public async Task Tokens_UnknownScope_Is400NamingTheField()
    {
        var (status, body) = await MintAsync(Credentials.KeyClient(keyed.Address, "acme"),
            new { player = "p", scopes = new[] { "admin" } });

        Assert.Equal((HttpStatusCode.BadRequest, true), (status, body.GetProperty("errors").TryGetProperty("scopes", out _)));
    }

    [Fact]
    public async Task Tokens_NoPlayer_Is400NamingTheField()
    {
        var (status, body) = await MintAsync(Credentials.KeyClient(keyed.Address, "acme"), new { scopes = new[] { "read" } });

        Assert.Equal((HttpStatusCode.BadRequest, true), (status, body.GetProperty("errors").TryGetProperty("player", out _)));
    }

    [Fact]
    public async Task Tokens_AskedWithAToken_Is403()
    {
        var token = Credentials.Token("acme", "p-1", StudioScopes.All);

        var (status, _) = await MintAsync(StudioCredentials.Bearer(keyed.Address, token), new { player = "p-2" });

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task Tokens_AskedWithoutCredentials_Is401()
    {
        var (status, _) = await MintAsync(Anonymous(), new { player = "p-2" });

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Token_Expired_Is401()
    {
        var token = Credentials.Token("acme", "p-1", lifetime: TimeSpan.FromMinutes(5), issuedAt: DateTimeOffset.UtcNow.AddHours(-1));

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfAsync(StudioCredentials.Bearer(keyed.Address, token)));
    }

    [Fact]
    public async Task Token_PayloadChangedToAnotherTenant_Is401()
    {
        var parts = Credentials.Token("acme", "p-1").Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("\"acme\"", "\"globex\"", StringComparison.Ordinal);
        var forged = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfAsync(StudioCredentials.Bearer(keyed.Address, forged)));
    }

    [Fact]
    public async Task Token_SignedWithAnotherKey_Is401()
    {
        var other = StudioCredentials.For("acme").Token("acme", "p-1");

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfAsync(StudioCredentials.Bearer(keyed.Address, other)));
    }

    [Fact]
    public async Task Token_Unsigned_Is401()
    {
        var parts = Credentials.Token("acme", "p-1").Split('.');
        var none = $"{Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{parts[1]}.";

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfAsync(StudioCredentials.Bearer(keyed.Address, none)));
    }

    [Fact]
    public async Task Token_OfATenantNotConfigured_Is401()
    {
        var token = Credentials.Token("initech", "p-1");

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfAsync(StudioCredentials.Bearer(keyed.Address, token)));
    }

    [Fact]
    public async Task Token_WithoutReadScope_ReadIs403() =>
        Assert.Equal(HttpStatusCode.Forbidden,
            await StatusOfAsync(Credentials.TokenClient(keyed.Address, "acme", "p-1", StudioScopes.Play)));

    [Fact]
    public async Task Token_ApiKeyAsBearer_Is401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfAsync(StudioCredentials.Bearer(keyed.Address, Credentials.Keys["acme"])));

    [Theory]
    [InlineData(StudioScopes.Read, StudioPolicies.Play)]
    [InlineData(StudioScopes.Read, StudioPolicies.Create)]
    [InlineData(StudioScopes.Read | StudioScopes.Play, StudioPolicies.Create)]
    [InlineData(StudioScopes.All, StudioPolicies.MintTokens)]
    public async Task Token_ScopesWithoutThePolicysOwn_PolicyRefuses(StudioScopes scopes, string policy)
    {
        var caller = await CallerOfAsync(Credentials.Token("acme", "p-1", scopes));

        var decision = await keyed.Silo.Services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(caller, policy);

        Assert.False(decision.Succeeded, $"a token with scopes '{StudioCaller.ScopeText(scopes)}' passed {policy}");
    }

    [Theory]
    [InlineData(StudioScopes.Read, StudioPolicies.Read)]
    [InlineData(StudioScopes.Play, StudioPolicies.Play)]
    [InlineData(StudioScopes.Create, StudioPolicies.Create)]
    public async Task Token_ScopesWithThePolicysOwn_PolicyAllows(StudioScopes scopes, string policy)
    {
        var caller = await CallerOfAsync(Credentials.Token("acme", "p-1", scopes));

        var decision = await keyed.Silo.Services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(caller, policy);

        Assert.True(decision.Succeeded, $"a token with scopes '{StudioCaller.ScopeText(scopes)}' failed {policy}");
    }

    [Fact]
    public async Task Token_ValidatedAsTheServiceDoes_CallerIsTenantPlayerAndScopes()
    {
        var caller = await CallerOfAsync(Credentials.Token("globex", "p-9", StudioScopes.Read));

        Assert.Equal(new StudioCaller("globex", "p-9", StudioScopes.Read, IsApiKey: false),
            StudioCaller.From(new Microsoft.AspNetCore.Http.DefaultHttpContext { User = caller }));
    }

    [Fact]
    public async Task Token_InWebSocketSubprotocol_IsAccepted()
    {
        var token = Credentials.Token("acme", "p-1", StudioScopes.Read);

        Assert.Equal(HttpStatusCode.OK,
            await UpgradeStatusAsync($"{StudioTokens.WebSocketProtocol}, {StudioTokens.SubprotocolPrefix}{token}"));
    }

    [Fact]
    public async Task Token_InWebSocketSubprotocolSignedWithAnotherKey_Is401()
    {
        var token = StudioCredentials.For("acme").Token("acme", "p-1", StudioScopes.Read);

        Assert.Equal(HttpStatusCode.Unauthorized,
            await UpgradeStatusAsync($"{StudioTokens.WebSocketProtocol}, {StudioTokens.SubprotocolPrefix}{token}"));
    }

    [Fact]
    public async Task Token_InQueryString_IsNotAccepted()
    {
        var token = Credentials.Token("acme", "p-1", StudioScopes.Read);

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfAsync(Anonymous(), $"/api/worlds?access_token={token}"));
    }

    [Fact]
    public async Task KeysAndTokens_AfterCallsGoodAndBad_AppearInNoLogOrTrace()
    {
        var key = Credentials.Keys["acme"];
        var wrongKey = StudioKeys.New();
        var (_, minted) = await MintAsync(Credentials.KeyClient(keyed.Address, "acme"), new { player = "p-logs" });
        var token = minted.GetProperty("token").GetString()!;
        var foreign = StudioCredentials.For("acme").Token("acme", "p-logs");
        var expired = Credentials.Token("acme", "p-logs", issuedAt: DateTimeOffset.UtcNow.AddDays(-1));
        var before = keyed.Logs.Count;
        await StatusOfAsync(Credentials.KeyClient(keyed.Address, "acme"));
        var wrong = Anonymous();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", wrongKey);
        await StatusOfAsync(wrong);
        await StatusOfAsync(StudioCredentials.Bearer(keyed.Address, token));
        await StatusOfAsync(StudioCredentials.Bearer(keyed.Address, foreign));
        await StatusOfAsync(StudioCredentials.Bearer(keyed.Address, expired));
        await StatusOfAsync(StudioCredentials.Bearer(keyed.Address, token + "x"));
        await MintAsync(StudioCredentials.Bearer(keyed.Address, token), new { player = "p-logs-2" });
        await UpgradeStatusAsync($"{StudioTokens.SubprotocolPrefix}{foreign}");
        await UpgradeStatusAsync($"{StudioTokens.SubprotocolPrefix}{token}");

        var logs = keyed.Logs.Text;
        // The failed calls were logged (so the capture sees what authentication says), just never with what was presented.
        Assert.True(keyed.Logs.Count > before && logs.Contains("was not authenticated", StringComparison.Ordinal),
            "the failed authentications were not logged: the capture does not work");
        Assert.All(
            new[] { key, wrongKey, token, foreign, expired }.SelectMany(s => new[] { s, s.Split('.').Last(), s[^20..] }),
            secret => Assert.DoesNotContain(secret, logs, StringComparison.Ordinal));
    }

    /// <summary>The principal the token scheme makes of <paramref name="token"/>, as the service validates it.</summary>
    private async Task<System.Security.Claims.ClaimsPrincipal> CallerOfAsync(string token)
    {
        var result = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token,
            new StudioTokens(keyed.Silo.Services.GetRequiredService<StudioOptions>()).ValidationParameters());
        Assert.True(result.IsValid, $"the token did not validate: {result.Exception?.Message}");
        return new System.Security.Claims.ClaimsPrincipal(result.ClaimsIdentity);
    }

    /// <summary>The status of a WebSocket upgrade request to the read API (which answers it as a plain GET) offering
    /// <paramref name="subprotocols"/>: 200 when the subprotocol's token admitted it.</summary>
    private async Task<HttpStatusCode> UpgradeStatusAsync(string subprotocols)
    {
        using var http = Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/worlds");
        request.Headers.Connection.Add("Upgrade");
        request.Headers.Upgrade.Add(new ProductHeaderValue("websocket"));
        request.Headers.Add("Sec-WebSocket-Version", "13");
        request.Headers.Add("Sec-WebSocket-Key", Convert.ToBase64String(Guid.NewGuid().ToByteArray()));
        request.Headers.Add("Sec-WebSocket-Protocol", subprotocols);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
