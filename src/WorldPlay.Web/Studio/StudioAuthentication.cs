using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace WorldPlay.Web.Studio;

/// <summary>Who may call the studio service: API keys (<c>Authorization: ApiKey wpk_...</c> or <c>X-Api-Key</c>), player tokens
/// (<c>Authorization: Bearer ...</c>, or a WebSocket's <c>worldplay.bearer.&lt;token&gt;</c> subprotocol), and development mode;
/// the scope policies, and the fallback policy that makes every endpoint without its own policy ask for <c>read</c>.</summary>
public static class StudioAuthentication
{
    /// <summary>The default scheme: it forwards each request to the scheme of the credential it carries.</summary>
    public const string Scheme = "worldplay";

    /// <summary>API keys, looked up by hash.</summary>
    public const string ApiKeyScheme = "worldplay-key";

    /// <summary>Player tokens (JWT, HS256).</summary>
    public const string TokenScheme = "worldplay-token";

    /// <summary>The scheme that admits every caller as tenant <c>dev</c> with every scope, in development mode only.</summary>
    public const string DevelopmentScheme = "worldplay-development";

    /// <summary>The header a key may also come in.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    private const string ApiKeyAuthorization = "ApiKey ";
    private const string BearerAuthorization = "Bearer ";

    /// <summary>Adds authentication (keys, tokens, development mode), the scope policies and the fallback policy.</summary>
    /// <exception cref="ArgumentException"><paramref name="options"/> has a bad tenant, key hash or signing key.</exception>
    public static IServiceCollection AddStudioAuthentication(this IServiceCollection services, StudioOptions options)
    {
        if (StudioConfiguration.Problems(options).ToList() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(" ", problems));
        }
        var ephemeral = options.TokenSigningKey.IsEmpty;
        if (ephemeral)
        {
            // Tokens then live as long as this process: fine for development, and said at start where keys are configured.
            options = options with { TokenSigningKey = StudioKeys.NewSigningKey() };
        }
        services.AddSingleton(options);
        services.AddSingleton(new StudioKeyRing(options));
        services.AddSingleton(new StudioTokens(options));
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService(s => new StartNotes(options, ephemeral, s.GetRequiredService<ILogger<StudioOptions>>()));
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "WorldPlay studio", o => o.ForwardDefaultSelector = SchemeOf)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyScheme, null)
            .AddScheme<AuthenticationSchemeOptions, DevelopmentHandler>(DevelopmentScheme, null)
            .AddJwtBearer(TokenScheme, o =>
            {
                o.MapInboundClaims = false;
                o.IncludeErrorDetails = true;
                o.TokenValidationParameters = new StudioTokens(options).ValidationParameters();
                o.Events = new JwtBearerEvents
                {
                    OnMessageReceived = c =>
                    {
                        if (!c.Request.Headers.Authorization.Any(a => a?.StartsWith(BearerAuthorization, StringComparison.Ordinal) == true))
                        {
                            c.Token = StudioTokens.FromSubprotocol(c.HttpContext);
                        }
                        return Task.CompletedTask;
                    },
                    OnTokenValidated = c =>
                    {
                        // A token outlives nothing it names: a tenant taken out of the configuration loses its tokens at once.
                        var tenant = c.Principal?.FindFirstValue(StudioClaims.Tenant);
                        if (tenant is null || !(options.Tenants.ContainsKey(tenant)
                                || (options.Development && tenant == StudioCaller.DevelopmentTenant)))
                        {
                            c.Fail("The token's tenant is not configured here.");
                        }
                        return Task.CompletedTask;
                    },
                };
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(StudioPolicies.Read, p => p.RequireClaim(StudioClaims.Tenant).RequireAssertion(c => Has(c.User, "read")))
            .AddPolicy(StudioPolicies.Play, p => p.RequireClaim(StudioClaims.Tenant).RequireAssertion(c => Has(c.User, "play")))
            .AddPolicy(StudioPolicies.Create, p => p.RequireClaim(StudioClaims.Tenant).RequireAssertion(c => Has(c.User, "create")))
            .AddPolicy(StudioPolicies.MintTokens, p => p.RequireClaim(StudioClaims.Tenant).RequireClaim(StudioClaims.Credential, "key"))
            // Every endpoint that names no policy (the read API, anything added later) needs a read credential; the OpenAPI
            // document and the viewer's page and assets say AllowAnonymous.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireClaim(StudioClaims.Tenant)
                .RequireAssertion(c => Has(c.User, "read")).Build());
        return services;
    }

    /// <summary>Maps <c>POST /api/tokens</c>.</summary>
    public static IEndpointRouteBuilder MapStudioTokens(this IEndpointRouteBuilder endpoints) => endpoints.MapStudioTokenEndpoint();

    private static bool Has(ClaimsPrincipal user, string scope) =>
        (user.FindFirstValue(StudioClaims.Scope) ?? "").Split(' ').Contains(scope, StringComparer.Ordinal);

    private static string SchemeOf(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith(ApiKeyAuthorization, StringComparison.OrdinalIgnoreCase)
            || context.Request.Headers.ContainsKey(ApiKeyHeader))
        {
            return ApiKeyScheme;
        }
        return authorization.StartsWith(BearerAuthorization, StringComparison.OrdinalIgnoreCase)
            || StudioTokens.FromSubprotocol(context) is not null
            ? TokenScheme
            : DevelopmentScheme;
    }

    /// <summary>An API key: the tenant whose configured hashes hold its hash, with every scope, allowed to mint tokens.</summary>
    private sealed class ApiKeyHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder, StudioKeyRing keys)
        : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var authorization = Request.Headers.Authorization.ToString();
            var key = authorization.StartsWith(ApiKeyAuthorization, StringComparison.OrdinalIgnoreCase)
                ? authorization[ApiKeyAuthorization.Length..].Trim()
                : Request.Headers[ApiKeyHeader].ToString().Trim();
            // The failure messages below reach the logs, so they never quote the key.
            if (key.Length == 0)
            {
                return Task.FromResult(AuthenticateResult.Fail("The API key is empty."));
            }
            if (keys.TenantOf(key) is not { } tenant)
            {
                return Task.FromResult(AuthenticateResult.Fail("The API key is not one of this service's keys."));
            }
            var identity = new ClaimsIdentity(
                [
                    new Claim(StudioClaims.Tenant, tenant),
                    new Claim(StudioClaims.Scope, StudioCaller.ScopeText(StudioScopes.All)),
                    new Claim(StudioClaims.Credential, "key"),
                ],
                ApiKeyScheme);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
        }

        protected override Task HandleChallengeAsync(AuthenticationProperties properties)
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            Response.Headers.Append(HeaderNames.WWWAuthenticate, "ApiKey");
            return Task.CompletedTask;
        }
    }

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

        protected override Task HandleChallengeAsync(AuthenticationProperties properties)
        {
            // No credential at all: say which ones the service takes.
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            Response.Headers.Append(HeaderNames.WWWAuthenticate, "Bearer");
            Response.Headers.Append(HeaderNames.WWWAuthenticate, "ApiKey");
            return Task.CompletedTask;
        }
    }

    /// <summary>Says at start what an operator must know: development mode is on, or tokens die with this process.</summary>
    private sealed class StartNotes(StudioOptions options, bool ephemeralSigningKey, ILogger logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (options.Development)
            {
                logger.LogWarning("Studio development mode is on: calls without credentials are served as tenant 'dev' with every " +
                    "scope. Never expose this port.");
            }
            if (ephemeralSigningKey && !options.Tenants.IsEmpty)
            {
                logger.LogWarning("No token signing key is configured (WorldPlay:Studio:TokenSigningKey or a keys file): player " +
                    "tokens are signed with a key made at start, valid on this silo only and only until it stops.");
            }
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
