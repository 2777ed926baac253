using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WorldPlay.Web.Studio;

/// <summary>API keys, player tokens, development mode, rate limits and request limits of the studio service.</summary>
public static class StudioAuthentication
{
    /// <summary>The scheme that admits every caller as tenant <c>dev</c> with every scope, in development mode only.</summary>
    public const string DevelopmentScheme = "worldplay-development";

    /// <summary>Adds authentication (keys, tokens, development mode), the scope policies and the rate limiters.</summary>
    public static IServiceCollection AddStudioAuthentication(this IServiceCollection services, StudioOptions options)
    {
        services.AddSingleton(options);
        services.AddAuthentication(DevelopmentScheme)
            .AddScheme<AuthenticationSchemeOptions, DevelopmentHandler>(DevelopmentScheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(StudioPolicies.Read, p => p.RequireClaim(StudioClaims.Tenant).RequireAssertion(c => Has(c.User, "read")))
            .AddPolicy(StudioPolicies.Play, p => p.RequireClaim(StudioClaims.Tenant).RequireAssertion(c => Has(c.User, "play")))
            .AddPolicy(StudioPolicies.Create, p => p.RequireClaim(StudioClaims.Tenant).RequireAssertion(c => Has(c.User, "create")))
            .AddPolicy(StudioPolicies.MintTokens, p => p.RequireClaim(StudioClaims.Credential, "key"));
        return services;
    }

    /// <summary>Maps <c>POST /api/tokens</c>.</summary>
    public static IEndpointRouteBuilder MapStudioTokens(this IEndpointRouteBuilder endpoints) => endpoints;

    private static bool Has(ClaimsPrincipal user, string scope) =>
        (user.FindFirstValue(StudioClaims.Scope) ?? "").Split(' ').Contains(scope, StringComparer.Ordinal);

    /// <summary>In development mode, everyone is tenant <c>dev</c> with every scope; otherwise it admits no one.</summary>
    private sealed class DevelopmentHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder, StudioOptions studio)
        : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!studio.Development)
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }
            var identity = new ClaimsIdentity(
                [
                    new Claim(StudioClaims.Tenant, StudioCaller.DevelopmentTenant),
                    new Claim(StudioClaims.Scope, StudioCaller.ScopeText(StudioScopes.All)),
                    new Claim(StudioClaims.Credential, "key"),
                ],
                DevelopmentScheme);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
        }
    }
}
