using System.Collections.Immutable;

namespace WorldPlay.Web.Studio;

/// <summary>How the studio service admits callers: development mode (no credentials, tenant <c>dev</c>, every scope), or
/// tenants with hashed API keys, a token signing key, and limits.</summary>
public sealed record StudioOptions
{
    /// <summary>When true, calls without credentials are served as tenant <see cref="StudioCaller.DevelopmentTenant"/> with every
    /// scope. Never on unless asked for.</summary>
    public bool Development { get; init; }

    /// <summary>The tenants by name, each with the hashes of its API keys.</summary>
    public ImmutableDictionary<string, StudioTenant> Tenants { get; init; } = ImmutableDictionary<string, StudioTenant>.Empty;

    /// <summary>The HS256 key player tokens are signed with (32 bytes or more); every silo of a cluster needs the same.</summary>
    public ImmutableArray<byte> TokenSigningKey { get; init; } = [];

    /// <summary>The limits of a tenant that names none of its own.</summary>
    public StudioLimits Limits { get; init; } = new();

    /// <summary>Development mode: what <c>worldplay serve --dev</c> and the tests of the read-only API run; its limits are
    /// <see cref="StudioLimits.Development"/> unless given.</summary>
    public static StudioOptions DevelopmentMode(StudioLimits? limits = null) =>
        new() { Development = true, Limits = limits ?? StudioLimits.Development };

    /// <summary>The limits of <paramref name="tenant"/>.</summary>
    public StudioLimits LimitsOf(string tenant) => Tenants.TryGetValue(tenant, out var t) && t.Limits is { } own ? own : Limits;
}

/// <summary>A tenant: the SHA-256 hashes of its API keys (<c>sha256:</c> + 64 hex digits) and, optionally, its own limits.</summary>
public sealed record StudioTenant(ImmutableArray<string> KeyHashes, StudioLimits? Limits = null);

/// <summary>What one tenant and one player may ask for; beyond it the answer is 429 (with <c>Retry-After</c>), 413 or 400.</summary>
public sealed record StudioLimits(
    int RequestsPerMinutePerTenant = 6000,
    int RequestsPerMinutePerPlayer = 600,
    int ScenesPerTenant = 100,
    int ScenesPerPlayer = 5,
    int MaxBodyBytes = 64 * 1024,
    int MaxWorldBodyBytes = 1024 * 1024,
    int MaxLineLength = 4000,
    int MaxWorldEntities = 2000,
    int MaxTurnsPerCall = 50)
{
    /// <summary>The limits of development mode: request rates and open scenes high enough that one local designer, the browser
    /// tests and <c>worldplay load --api</c> with hundreds of sessions never meet them; the size limits stay as they are.</summary>
    public static StudioLimits Development { get; } = new(
        RequestsPerMinutePerTenant: 10_000_000, RequestsPerMinutePerPlayer: 10_000_000, ScenesPerTenant: 100_000, ScenesPerPlayer: 100_000);
}
