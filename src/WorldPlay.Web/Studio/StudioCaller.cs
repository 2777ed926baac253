using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using WorldPlay.Core;

namespace WorldPlay.Web.Studio;

/// <summary>What a caller may do: read worlds and scenes, play scenes (say, converse, trigger, regenerate, fork), create worlds
/// and open scenes. An API key holds all three and may mint tokens; a player token holds the scopes it was minted with.</summary>
[Flags]
public enum StudioScopes
{
    None = 0,
    Read = 1,
    Play = 2,
    Create = 4,
    All = Read | Play | Create,
}

/// <summary>The names the authentication handlers write into a caller's claims and the authorization policies read.</summary>
public static class StudioClaims
{
    /// <summary>The tenant the caller belongs to (a slug).</summary>
    public const string Tenant = "tenant";

    /// <summary>The game's stable end-user id (JWT <c>sub</c>); absent for an API key itself.</summary>
    public const string Player = "sub";

    /// <summary>Space-separated scopes: <c>read</c>, <c>play</c>, <c>create</c>.</summary>
    public const string Scope = "scope";

    /// <summary>Set (to <c>key</c>) when the caller presented an API key rather than a token: only keys mint tokens.</summary>
    public const string Credential = "credential";
}

/// <summary>The authorization policies every studio endpoint names, one per scope.</summary>
public static class StudioPolicies
{
    public const string Read = "worldplay.read";
    public const string Play = "worldplay.play";
    public const string Create = "worldplay.create";

    /// <summary>Only an API key (not a token) may mint player tokens.</summary>
    public const string MintTokens = "worldplay.mint-tokens";
}

/// <summary>Who is calling, as the authentication handlers established it.</summary>
public sealed record StudioCaller(string Tenant, string? Player, StudioScopes Scopes, bool IsApiKey)
{
    /// <summary>The tenant of development mode: it sees the worlds a local <c>worldplay serve</c> plays, under their own keys.</summary>
    public const string DevelopmentTenant = "dev";

    /// <summary>The caller of an authenticated request; an unauthenticated one never reaches an endpoint that asks.</summary>
    public static StudioCaller From(HttpContext context)
    {
        var user = context.User;
        var tenant = user.FindFirstValue(StudioClaims.Tenant)
            ?? throw new InvalidOperationException("The request carries no tenant: map studio endpoints behind AddWorldPlayStudio's " +
                "authentication.");
        var scopes = StudioScopes.None;
        foreach (var scope in (user.FindFirstValue(StudioClaims.Scope) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            scopes |= scope switch
            {
                "read" => StudioScopes.Read,
                "play" => StudioScopes.Play,
                "create" => StudioScopes.Create,
                _ => StudioScopes.None,
            };
        }
        return new StudioCaller(tenant, user.FindFirstValue(StudioClaims.Player), scopes,
            user.FindFirstValue(StudioClaims.Credential) == "key");
    }

    /// <summary>The scopes as the <c>scope</c> claim writes them.</summary>
    public static string ScopeText(StudioScopes scopes) => string.Join(' ',
        new[] { (StudioScopes.Read, "read"), (StudioScopes.Play, "play"), (StudioScopes.Create, "create") }
            .Where(s => scopes.HasFlag(s.Item1)).Select(s => s.Item2));
}

/// <summary>Where a tenant's worlds live among the grains: tenant <c>acme</c>'s world <c>harbor</c> is grain key
/// <c>acme.harbor</c> (scene <c>harbor/dock</c> is <c>acme.harbor/dock</c>; branches and regenerated siblings keep the prefix, as
/// their keys grow from their parent's). Callers name worlds by slugs, which have no dot, so one tenant can never name another's
/// key. The development tenant has no prefix: it sees what a local <c>worldplay serve</c> simulated.</summary>
public static class TenantKeys
{
    /// <summary>The grain key of a tenant's world or scene key, which must start with a slug world key. A key that is not one
    /// is refused with an <see cref="ArgumentException"/> saying what a key looks like.</summary>
    public static string Internal(string tenant, string key)
    {
        var world = key.Split('/', 2)[0];
        if (!EntityId.IsSlug(world) || key.Contains('\\', StringComparison.Ordinal) || key.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{Shorten(key)}' is not a world key: use lower-case letters, digits and '-' " +
                "(at most 64), such as my-harbor; a scene key is world/scene, such as my-harbor/dock.");
        }
        return tenant == StudioCaller.DevelopmentTenant ? key : $"{tenant}.{key}";
    }

    /// <summary>The key a tenant knows a grain key by, or null when the grain belongs to another tenant.</summary>
    public static string? External(string tenant, string internalKey)
    {
        if (tenant == StudioCaller.DevelopmentTenant)
        {
            return internalKey.Split('/', 2)[0].Contains('.', StringComparison.Ordinal) ? null : internalKey;
        }
        var prefix = tenant + ".";
        return internalKey.StartsWith(prefix, StringComparison.Ordinal) ? internalKey[prefix.Length..] : null;
    }

    private static string Shorten(string key) => key.Length <= 80 ? key : key[..80] + "...";
}
