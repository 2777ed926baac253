using System.Collections.Immutable;
using Microsoft.Extensions.Configuration;
using WorldPlay.Core;
using WorldPlay.Hosting;

namespace WorldPlay.Web.Studio;

/// <summary>Reads the studio's credentials from configuration (<c>WorldPlay:Studio</c>) or a keys file, and checks them: key
/// hashes, never keys; a signing key of 32 bytes or more; development mode only when asked for.</summary>
public static class StudioConfiguration
{
    /// <summary>The configuration section: <c>Development</c>, <c>KeysFile</c>, <c>TokenSigningKey</c> (base64) and
    /// <c>Tenants:&lt;tenant&gt;:Keys:N</c> (<c>sha256:</c> hashes).</summary>
    public const string Section = WorldPlayOptions.Section + ":Studio";

    /// <summary>The fewest bytes a token signing key may have (HS256 wants at least its hash size).</summary>
    public const int MinSigningKeyBytes = 32;

    /// <summary>The studio options <c>WorldPlay:Studio</c> describes, with the keys file it names merged in. With
    /// <paramref name="required"/> (the HTTP API is served), it must admit someone: keys, or development mode.</summary>
    /// <exception cref="WorldPlayConfigurationException">Every problem, one line each.</exception>
    public static StudioOptions FromConfiguration(IConfiguration configuration, bool required)
    {
        var section = configuration.GetSection(Section);
        var problems = new List<string>();
        var development = false;
        if (Trimmed(section["Development"]) is { } switchText && !bool.TryParse(switchText, out development))
        {
            problems.Add($"{Section}:Development is '{switchText}'; allowed: true, false.");
        }
        var tenants = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        ImmutableArray<byte> signingKey = [];
        if (Trimmed(section["KeysFile"]) is { } path)
        {
            try
            {
                var file = StudioKeysFile.Read(path);
                signingKey = file.SigningKeyBytes();
                foreach (var (tenant, keys) in file.Tenants)
                {
                    tenants[tenant] = keys.Keys;
                }
            }
            catch (StudioKeysFileException e)
            {
                problems.Add($"{Section}:KeysFile: {e.Message}");
            }
        }
        if (Trimmed(section["TokenSigningKey"]) is { } configuredKey)
        {
            if (SigningKeyProblem($"{Section}:TokenSigningKey", configuredKey) is { } problem)
            {
                problems.Add(problem);
            }
            else
            {
                signingKey = [.. Convert.FromBase64String(configuredKey)];
            }
        }
        foreach (var tenant in section.GetSection("Tenants").GetChildren())
        {
            var where = $"{Section}:Tenants:{tenant.Key}";
            foreach (var unknown in tenant.GetChildren().Where(c => !c.Key.Equals("Keys", StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add($"{where}:{unknown.Key} is not a tenant setting; a tenant has Keys:0, Keys:1, ... (sha256: hashes).");
            }
            var keysSection = tenant.GetSection("Keys");
            string[] hashes = keysSection.Value is { } single ? [single] : [.. keysSection.GetChildren().Select(c => c.Value ?? "")];
            problems.AddRange(TenantProblems($"{where}:Keys", tenant.Key, hashes));
            tenants[tenant.Key] = tenants.TryGetValue(tenant.Key, out var fromFile) ? [.. fromFile, .. hashes] : [.. hashes];
        }
        var options = new StudioOptions
        {
            Development = development,
            Tenants = tenants.ToImmutableDictionary(t => t.Key, t => new StudioTenant([.. t.Value.Distinct(StringComparer.Ordinal)])),
            TokenSigningKey = signingKey,
        };
        if (problems.Count == 0)
        {
            problems.AddRange(Problems(options));
        }
        if (problems.Count == 0 && required && !development && tenants.Values.All(k => k.IsEmpty))
        {
            problems.Add($"{WorldPlayOptions.Section}:Http:Enabled serves the studio API, which admits callers by API key: set " +
                $"{Section}:KeysFile (a file 'worldplay keys new' writes) or {Section}:Tenants:<tenant>:Keys:0 (a sha256: hash), " +
                $"or {Section}:Development=true (no credentials; for development only).");
        }
        return problems.Count > 0 ? throw new WorldPlayConfigurationException(problems) : options;
    }

    /// <summary>What <c>worldplay serve --keys FILE</c> (and <c>--dev</c>) serves with.</summary>
    /// <exception cref="StudioKeysFileException">The file is missing or malformed.</exception>
    public static StudioOptions FromKeysFile(string path, bool development)
    {
        var file = StudioKeysFile.Read(path);
        return new StudioOptions
        {
            Development = development,
            Tenants = file.Tenants.ToImmutableDictionary(t => t.Key, t => new StudioTenant(t.Value.Keys), StringComparer.Ordinal),
            TokenSigningKey = file.SigningKeyBytes(),
        };
    }

    /// <summary>What is wrong with <paramref name="options"/> as a whole: a bad tenant name or hash, a short signing key, a key
    /// hash two tenants share.</summary>
    public static IEnumerable<string> Problems(StudioOptions options)
    {
        if (!options.TokenSigningKey.IsEmpty && options.TokenSigningKey.Length < MinSigningKeyBytes)
        {
            yield return $"The token signing key has {options.TokenSigningKey.Length} bytes; it needs {MinSigningKeyBytes} or more.";
        }
        foreach (var (tenant, keys) in options.Tenants)
        {
            foreach (var problem in TenantProblems($"tenant {tenant}", tenant, keys.KeyHashes))
            {
                yield return problem;
            }
        }
        foreach (var shared in options.Tenants.SelectMany(t => t.Value.KeyHashes.Distinct().Select(h => (Hash: h, Tenant: t.Key)))
                     .GroupBy(k => k.Hash.ToLowerInvariant()).Where(g => g.Count() > 1))
        {
            yield return $"One key hash ({shared.Key[..15]}...) belongs to tenants " +
                $"{string.Join(" and ", shared.Select(k => k.Tenant).Order(StringComparer.Ordinal))}; " +
                "a key belongs to one tenant.";
        }
    }

    internal static string? SigningKeyProblem(string where, string? base64)
    {
        var bytes = new byte[((base64 ?? "").Length * 3 / 4) + 3];
        return !Convert.TryFromBase64String(base64 ?? "", bytes, out var length)
            ? $"{where} is not base64; it takes {MinSigningKeyBytes} or more random bytes in base64 (openssl rand -base64 32)."
            : length < MinSigningKeyBytes
                ? $"{where} has {length} bytes; it takes {MinSigningKeyBytes} or more random bytes in base64 (openssl rand -base64 32)."
                : null;
    }

    internal static IEnumerable<string> TenantProblems(string where, string tenant, IEnumerable<string> hashes)
    {
        if (!EntityId.IsSlug(tenant))
        {
            yield return $"{where}: the tenant '{tenant}' is not a name of lower-case letters, digits and '-' (at most 64), such as acme.";
        }
        var index = 0;
        foreach (var hash in hashes)
        {
            if (!StudioKeys.IsHash(hash))
            {
                // A plain key pasted here would be echoed into the error output: say only what kind of text it is.
                yield return (hash ?? "").StartsWith(StudioKeys.Prefix, StringComparison.Ordinal)
                    ? $"{where}[{index}] is a key, not its hash: configure only hashes (sha256:<64 hex digits>); 'worldplay keys new' " +
                        "prints a key and stores its hash. Treat that key as leaked and make a new one."
                    : $"{where}[{index}] is not a key hash; it takes sha256: and 64 hex digits, as 'worldplay keys new' stores.";
            }
            index++;
        }
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
