using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorldPlay.Web.Studio;

namespace WorldPlay.Testing;

/// <summary>A test-only way to call the studio service as any tenant: header <c>X-Test-Tenant</c> names the tenant,
/// <c>X-Test-Scopes</c> the scopes (default every one) and <c>X-Test-Player</c> the player. Pass <see cref="Add"/> as
/// <see cref="WorldPlay.Web.ServedSilo.StartAsync"/>'s services; tests of the real keys and tokens use those instead.</summary>
public static class HeaderTenants
{
    public const string Scheme = "worldplay-test-headers";

    public static void Add(IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, Handler>(Scheme, null);
        services.PostConfigure<AuthenticationOptions>(o =>
        {
            o.DefaultScheme = Scheme;
            o.DefaultAuthenticateScheme = Scheme;
            o.DefaultChallengeScheme = Scheme;
        });
    }

    /// <summary>A client whose every request is tenant <paramref name="tenant"/>'s.</summary>
    public static HttpClient Client(Uri address, string tenant, string scopes = "read play create", string? player = null)
    {
        var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Add("X-Test-Tenant", tenant);
        http.DefaultRequestHeaders.Add("X-Test-Scopes", scopes);
        if (player is not null)
        {
            http.DefaultRequestHeaders.Add("X-Test-Player", player);
        }
        return http;
    }

    private sealed class Handler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue("X-Test-Tenant", out var tenant))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }
            var claims = new List<Claim>
            {
                new(StudioClaims.Tenant, tenant.ToString()),
                new(StudioClaims.Scope, Request.Headers.TryGetValue("X-Test-Scopes", out var s) ? s.ToString() : "read play create"),
            };
            if (Request.Headers.TryGetValue("X-Test-Player", out var player))
            {
                claims.Add(new Claim(StudioClaims.Player, player.ToString()));
            }
            else
            {
                claims.Add(new Claim(StudioClaims.Credential, "key"));
            }
            var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, HeaderTenants.Scheme));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, HeaderTenants.Scheme)));
        }
    }
}
