using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using WorldPlay.Core;

namespace WorldPlay.Web.Studio;

/// <summary>API keys: <c>wpk_</c> and 43 characters of random base64url, known to the service only by their SHA-256 hash
/// (<c>sha256:</c> and 64 lower-case hex digits).</summary>
public static class StudioKeys
{
    /// <summary>What every key starts with, so a leaked one is recognisable (secret scanners, logs).</summary>
    public const string Prefix = "wpk_";

    private const string HashPrefix = "sha256:";

    /// <summary>A new random key (256 bits).</summary>
    public static string New() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The hash a keys file or configuration stores for <paramref name="key"/>.</summary>
    public static string Hash(string key) => HashPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>True when <paramref name="text"/> is a stored hash: <c>sha256:</c> and 64 hex digits.</summary>
    public static bool IsHash(string? text) =>
        text is not null && text.Length == HashPrefix.Length + 64 && text.StartsWith(HashPrefix, StringComparison.Ordinal)
        && IsHex(text.AsSpan(HashPrefix.Length));

    /// <summary>The 32 bytes of a stored hash.</summary>
    internal static byte[] HashBytes(string hash) => Convert.FromHexString(hash.AsSpan(HashPrefix.Length));

    /// <summary>A new random token signing key (256 bits).</summary>
    public static ImmutableArray<byte> NewSigningKey() => [.. RandomNumberGenerator.GetBytes(32)];

    private static bool IsHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }
        return true;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Every configured key's hash and its tenant; finds the tenant of a presented key comparing hashes in constant time.</summary>
public sealed class StudioKeyRing
{
    private readonly ImmutableArray<(byte[] Hash, string Tenant)> _keys;

    public StudioKeyRing(StudioOptions options) =>
        _keys = [.. options.Tenants.SelectMany(t => t.Value.KeyHashes.Select(h => (StudioKeys.HashBytes(h), t.Key)))];

    /// <summary>True when at least one key is configured.</summary>
    public bool IsEmpty => _keys.IsEmpty;

    /// <summary>The tenant <paramref name="key"/> belongs to, or null. Every hash is compared, each in constant time, so the
    /// time taken says nothing about which hash came close.</summary>
    public string? TenantOf(string key)
    {
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        string? tenant = null;
        foreach (var (hash, owner) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, presented))
            {
                tenant = owner;
            }
        }
        return tenant;
    }
}

/// <summary>A keys file, as <c>worldplay keys new</c> writes it and <c>worldplay serve --keys</c> and the silo
/// (<c>WorldPlay:Studio:KeysFile</c>) read it: the token signing key and each tenant's key hashes, never a key itself.</summary>
public sealed record StudioKeysFile(
    [property: JsonPropertyName("tokenSigningKey")] string TokenSigningKey,
    [property: JsonPropertyName("tenants")] ImmutableSortedDictionary<string, StudioKeysFile.TenantKeys> Tenants)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>One tenant's key hashes.</summary>
    public sealed record TenantKeys([property: JsonPropertyName("keys")] ImmutableArray<string> Keys);

    /// <summary>An empty file with a new signing key.</summary>
    public static StudioKeysFile Empty() =>
        new(Convert.ToBase64String([.. StudioKeys.NewSigningKey()]), ImmutableSortedDictionary<string, TenantKeys>.Empty);

    /// <summary>Reads and checks the file at <paramref name="path"/>.</summary>
    /// <exception cref="StudioKeysFileException">The file is missing, unreadable or not a keys file; the message says which.</exception>
    public static StudioKeysFile Read(string path)
    {
        StudioKeysFile? file;
        try
        {
            file = JsonSerializer.Deserialize<StudioKeysFile>(File.ReadAllText(path), Json);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new StudioKeysFileException($"No keys file at '{path}'; make one with 'worldplay keys new --tenant NAME --file {path}'.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StudioKeysFileException($"The keys file '{path}' cannot be read: {e.Message}");
        }
        catch (JsonException e)
        {
            throw new StudioKeysFileException($"'{path}' is not a keys file as 'worldplay keys new' writes it: " +
                $"{e.Message.Split(" Path:", 2)[0].Split(Environment.NewLine)[0]} (at {e.Path ?? "$"}, line {e.LineNumber + 1}).");
        }
        if (file is null)
        {
            throw new StudioKeysFileException($"'{path}' is not a keys file as 'worldplay keys new' writes it: it holds null.");
        }
        var problems = file.Problems().ToList();
        return problems.Count == 0 ? file : throw new StudioKeysFileException($"The keys file '{path}': {string.Join(" ", problems)}");
    }

    /// <summary>This file with <paramref name="hash"/> added to <paramref name="tenant"/>'s keys.</summary>
    public StudioKeysFile WithKey(string tenant, string hash) => this with
    {
        Tenants = Tenants.SetItem(tenant, new TenantKeys(Tenants.TryGetValue(tenant, out var keys) ? keys.Keys.Add(hash) : [hash])),
    };

    /// <summary>Writes the file readable by its owner only (it holds the signing key), replacing it whole.</summary>
    public void Write(string path)
    {
        var full = Path.GetFullPath(path);
        var scratch = full + ".tmp-" + Guid.NewGuid().ToString("N");
        File.WriteAllText(scratch, JsonSerializer.Serialize(this, Json) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(scratch, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(scratch, full, overwrite: true);
    }

    /// <summary>The signing key's bytes; <see cref="Problems"/> has checked it.</summary>
    public ImmutableArray<byte> SigningKeyBytes() => [.. Convert.FromBase64String(TokenSigningKey)];

    /// <summary>What is wrong with the file's contents, one sentence each.</summary>
    public IEnumerable<string> Problems()
    {
        if (StudioConfiguration.SigningKeyProblem("tokenSigningKey", TokenSigningKey) is { } key)
        {
            yield return key;
        }
        foreach (var (tenant, keys) in Tenants)
        {
            if (keys is null || keys.Keys.IsDefault)
            {
                yield return $"tenants.{tenant} holds no keys list; a tenant is {{\"keys\": [\"sha256:...\"]}}.";
                continue;
            }
            foreach (var problem in StudioConfiguration.TenantProblems($"tenants.{tenant}", tenant, keys.Keys))
            {
                yield return problem;
            }
        }
    }
}

/// <summary>A keys file is missing, unreadable or malformed; the message is one line saying what to do.</summary>
public sealed class StudioKeysFileException(string message) : Exception(message);
