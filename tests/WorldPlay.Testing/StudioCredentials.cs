using System.Collections.Immutable;
using System.Net.Http.Headers;
using WorldPlay.Web.Studio;

namespace WorldPlay.Testing;

/// <summary>Real studio credentials for tests: one API key per tenant (the options hold only their hashes) and a signing key,
/// so a test serves with keys (<c>ServedSilo.StartAsync(credentials.Options)</c>) and calls with a key or a minted token.</summary>
public sealed class StudioCredentials
{
    private StudioCredentials(StudioOptions options, ImmutableDictionary<string, string> keys)
    {
        Options = options;
        Keys = keys;
    }

    /// <summary>What to serve with: the tenants' key hashes, a random signing key, development mode off.</summary>
    public StudioOptions Options { get; }

    /// <summary>Each tenant's API key, in plain text (the service only knows its hash).</summary>
    public ImmutableDictionary<string, string> Keys { get; }

    /// <summary>A key for each of <paramref name="tenants"/>.</summary>
    public static StudioCredentials For(params string[] tenants)
    {
        var keys = tenants.ToImmutableDictionary(t => t, _ => StudioKeys.New());
        var options = new StudioOptions
        {
            Tenants = keys.ToImmutableDictionary(k => k.Key, k => new StudioTenant([StudioKeys.Hash(k.Value)])),
            TokenSigningKey = StudioKeys.NewSigningKey(),
        };
        return new StudioCredentials(options, keys);
    }

    /// <summary>A client calling with <paramref name="tenant"/>'s API key (<c>Authorization: ApiKey ...</c>).</summary>
    public HttpClient KeyClient(Uri address, string tenant) => new()
    {
        BaseAddress = address,
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("ApiKey", Keys[tenant]) },
    };

    /// <summary>A player token signed as the service signs them, without asking it (<c>POST /api/tokens</c> is what games do).
    /// <paramref name="issuedAt"/> in the past makes an expired one.</summary>
    public string Token(string tenant, string player, StudioScopes scopes = StudioScopes.Read | StudioScopes.Play,
        TimeSpan? lifetime = null, DateTimeOffset? issuedAt = null) =>
        new StudioTokens(Options).Mint(tenant, player, scopes, lifetime ?? TimeSpan.FromMinutes(15), issuedAt ?? DateTimeOffset.UtcNow);

    /// <summary>A client calling with a player token (<c>Authorization: Bearer ...</c>).</summary>
    public HttpClient TokenClient(Uri address, string tenant, string player,
        StudioScopes scopes = StudioScopes.Read | StudioScopes.Play) => Bearer(address, Token(tenant, player, scopes));

    /// <summary>A client calling with <paramref name="token"/> as its bearer token.</summary>
    public static HttpClient Bearer(Uri address, string token) => new()
    {
        BaseAddress = address,
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
    };
}
