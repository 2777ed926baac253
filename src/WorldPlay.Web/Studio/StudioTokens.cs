using System.Collections.Immutable;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace WorldPlay.Web.Studio;

/// <summary>What <c>POST /api/tokens</c> takes: the game's stable id of the player, the scopes (default read and play) and the
/// lifetime in seconds (60 to 86400, default 900).</summary>
public sealed record TokenRequest(string? Player, ImmutableArray<string>? Scopes = null, int? LifetimeSeconds = null);

/// <summary>A minted player token and what it carries.</summary>
public sealed record TokenAnswer(string Token, DateTimeOffset ExpiresAt, string Tenant, string Player, ImmutableArray<string> Scopes);

/// <summary>Player tokens: JWTs signed with HS256 by <see cref="StudioOptions.TokenSigningKey"/>, carrying the tenant, the
/// player (<c>sub</c>) and the scopes, valid for a lifetime the key holder chose.</summary>
public sealed class StudioTokens(StudioOptions options)
{
    /// <summary>The <c>iss</c> of every token.</summary>
    public const string Issuer = "worldplay";

    /// <summary>The <c>aud</c> of every token.</summary>
    public const string Audience = "worldplay-studio";

    /// <summary>The subprotocol prefix a browser's WebSocket passes its token in (it cannot set headers):
    /// <c>new WebSocket(url, ["worldplay.v1", "worldplay.bearer." + token])</c>. The server answers with
    /// <see cref="WebSocketProtocol"/>, never with this one.</summary>
    public const string SubprotocolPrefix = "worldplay.bearer.";

    /// <summary>The subprotocol the server accepts a scene's WebSocket with.</summary>
    public const string WebSocketProtocol = "worldplay.v1";

    public const int MinLifetimeSeconds = 60;
    public const int MaxLifetimeSeconds = 24 * 60 * 60;
    public const int DefaultLifetimeSeconds = 15 * 60;
    public const int MaxPlayerLength = 128;

    /// <summary>How far a silo's clock may be from the minting silo's.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private static readonly JsonWebTokenHandler Handler = new();

    private readonly SymmetricSecurityKey _key = new([.. options.TokenSigningKey]);

    /// <summary>A token for <paramref name="player"/> of <paramref name="tenant"/>, issued at <paramref name="issuedAt"/>.</summary>
    public string Mint(string tenant, string player, StudioScopes scopes, TimeSpan lifetime, DateTimeOffset issuedAt) =>
        Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = (issuedAt + lifetime).UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                [StudioClaims.Tenant] = tenant,
                [StudioClaims.Player] = player,
                [StudioClaims.Scope] = StudioCaller.ScopeText(scopes),
            },
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });

    /// <summary>How a presented token is checked: this signing key and HS256 only, issuer, audience, and lifetime within
    /// <see cref="ClockSkew"/>.</summary>
    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = _key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ValidateIssuerSigningKey = true,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        NameClaimType = StudioClaims.Player,
    };

    /// <summary>The token a WebSocket upgrade request carries in its subprotocols, or null.</summary>
    public static string? FromSubprotocol(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return null;
        }
        return context.WebSockets.WebSocketRequestedProtocols
            .FirstOrDefault(p => p.StartsWith(SubprotocolPrefix, StringComparison.Ordinal)) is { } offered
            ? offered[SubprotocolPrefix.Length..]
            : null;
    }

    internal IResult Answer(StudioCaller caller, TokenRequest? request, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var player = request?.Player?.Trim();
        if (string.IsNullOrEmpty(player) || player.Length > MaxPlayerLength || player.Any(char.IsControl))
        {
            errors["player"] = [$"player is the game's stable id of the player: 1 to {MaxPlayerLength} characters, no control characters."];
        }
        var scopes = StudioScopes.None;
        foreach (var scope in request?.Scopes ?? ["read", "play"])
        {
            scopes |= scope switch
            {
                "read" => StudioScopes.Read,
                "play" => StudioScopes.Play,
                "create" => StudioScopes.Create,
                _ => Refuse(errors, $"'{Shorten(scope)}' is not a scope; scopes are read, play and create."),
            };
        }
        if (scopes == StudioScopes.None && !errors.ContainsKey("scopes"))
        {
            errors["scopes"] = ["scopes needs at least one of read, play, create (or leave it out for read and play)."];
        }
        var lifetime = request?.LifetimeSeconds ?? DefaultLifetimeSeconds;
        if (lifetime is < MinLifetimeSeconds or > MaxLifetimeSeconds)
        {
            errors["lifetimeSeconds"] = [$"lifetimeSeconds is {lifetime}; it takes {MinLifetimeSeconds} to {MaxLifetimeSeconds} (24 h)."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The token request is not valid.");
        }
        // A key holds every scope of its tenant; a development caller too. A token never reaches here (only keys mint).
        scopes &= caller.Scopes;
        var now = clock.GetUtcNow();
        var expiresAt = now.AddSeconds(lifetime);
        var token = Mint(caller.Tenant, player!, scopes, TimeSpan.FromSeconds(lifetime), now);
        return TypedResults.Ok(new TokenAnswer(token, DateTimeOffset.FromUnixTimeSeconds(expiresAt.ToUnixTimeSeconds()), caller.Tenant,
            player!, [.. StudioCaller.ScopeText(scopes).Split(' ', StringSplitOptions.RemoveEmptyEntries)]));

        StudioScopes Refuse(Dictionary<string, string[]> found, string message)
        {
            found["scopes"] = [message];
            return StudioScopes.None;
        }
    }

    private static string Shorten(string? text) => text is null ? "null" : text.Length <= 40 ? text : text[..40] + "...";
}

/// <summary>Maps <c>POST /api/tokens</c>.</summary>
public static class StudioTokenEndpoints
{
    public static IEndpointRouteBuilder MapStudioTokenEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/tokens", (TokenRequest? request, HttpContext context, StudioTokens tokens, TimeProvider clock) =>
                tokens.Answer(StudioCaller.From(context), request, clock))
            .RequireAuthorization(StudioPolicies.MintTokens)
            .WithTags("Studio")
            .WithName("MintToken")
            .WithSummary("Mints a short-lived player token (API keys only): tenant of the key, player id, scopes, lifetime.")
            .Produces<TokenAnswer>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return endpoints;
    }
}
