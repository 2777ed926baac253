using Microsoft.Extensions.Configuration;
using WorldPlay.Hosting;
using WorldPlay.Web.Studio;

namespace WorldPlay.Web.Tests;

/// <summary>The studio's credentials as a silo reads them from <c>WorldPlay:Studio</c>: hashes only, a signing key long enough,
/// a keys file merged in, and never a served API that admits no one by accident.</summary>
public sealed class StudioConfigurationAuthTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("worldplay-studio-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static StudioOptions Read(bool required, params (string Key, string Value)[] values) =>
        StudioConfiguration.FromConfiguration(
            new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build(),
            required);

    private static string Problem(bool required, params (string Key, string Value)[] values) =>
        Assert.Throws<WorldPlayConfigurationException>(() => Read(required, values)).Message;

    [Fact]
    public void Tenants_HashConfigured_KeyFindsItsTenant()
    {
        var key = StudioKeys.New();

        var options = Read(true, ("WorldPlay:Studio:Tenants:acme:Keys:0", StudioKeys.Hash(key)));

        Assert.Equal("acme", new StudioKeyRing(options).TenantOf(key));
    }

    [Fact]
    public void Tenants_AnotherKey_FindsNoTenant()
    {
        var options = Read(true, ("WorldPlay:Studio:Tenants:acme:Keys:0", StudioKeys.Hash(StudioKeys.New())));

        Assert.Null(new StudioKeyRing(options).TenantOf(StudioKeys.New()));
    }

    [Fact]
    public void Tenants_PlainKeyConfigured_RefusedWithoutEchoingIt()
    {
        var key = StudioKeys.New();

        var message = Problem(true, ("WorldPlay:Studio:Tenants:acme:Keys:0", key));

        Assert.Equal((true, false),
            (message.Contains("is a key, not its hash", StringComparison.Ordinal), message.Contains(key, StringComparison.Ordinal)));
    }

    [Fact]
    public void Tenants_NameNotASlug_Refused() =>
        Assert.Contains("'Acme Corp' is not a name",
            Problem(true, ("WorldPlay:Studio:Tenants:Acme Corp:Keys:0", StudioKeys.Hash(StudioKeys.New()))), StringComparison.Ordinal);

    [Fact]
    public void Tenants_OneHashTwoTenants_Refused()
    {
        var hash = StudioKeys.Hash(StudioKeys.New());

        var message = Problem(true, ("WorldPlay:Studio:Tenants:acme:Keys:0", hash), ("WorldPlay:Studio:Tenants:globex:Keys:0", hash));

        Assert.Contains("belongs to tenants acme and globex", message, StringComparison.Ordinal);
    }

    [Fact]
    public void SigningKey_TooShort_Refused() =>
        Assert.Contains("has 16 bytes",
            Problem(true, ("WorldPlay:Studio:TokenSigningKey", Convert.ToBase64String(new byte[16])),
                ("WorldPlay:Studio:Development", "true")),
            StringComparison.Ordinal);

    [Fact]
    public void HttpServed_NeitherKeysNorDevelopment_RefusedSayingWhatToSet() =>
        Assert.Contains("set WorldPlay:Studio:KeysFile", Problem(true), StringComparison.Ordinal);

    [Fact]
    public void HttpNotServed_NothingConfigured_Accepted() =>
        Assert.Equal(new StudioOptions().Tenants, Read(false).Tenants);

    [Fact]
    public void Development_Set_IsOn() =>
        Assert.True(Read(true, ("WorldPlay:Studio:Development", "true")).Development);

    [Fact]
    public void Development_NotABoolean_Refused() =>
        Assert.Contains("allowed: true, false", Problem(true, ("WorldPlay:Studio:Development", "yes")), StringComparison.Ordinal);

    [Fact]
    public void KeysFile_Written_IsMergedWithConfiguredTenants()
    {
        var path = Path.Combine(_folder, "keys.json");
        var fileKey = StudioKeys.New();
        StudioKeysFile.Empty().WithKey("acme", StudioKeys.Hash(fileKey)).Write(path);
        var configuredKey = StudioKeys.New();

        var ring = new StudioKeyRing(Read(true, ("WorldPlay:Studio:KeysFile", path),
            ("WorldPlay:Studio:Tenants:globex:Keys:0", StudioKeys.Hash(configuredKey))));

        Assert.Equal(("acme", "globex"), (ring.TenantOf(fileKey), ring.TenantOf(configuredKey)));
    }

    [Fact]
    public void KeysFile_SigningKey_IsTheOptionsSigningKey()
    {
        var path = Path.Combine(_folder, "keys.json");
        var file = StudioKeysFile.Empty().WithKey("acme", StudioKeys.Hash(StudioKeys.New()));
        file.Write(path);

        Assert.Equal(file.SigningKeyBytes().ToArray(), Read(true, ("WorldPlay:Studio:KeysFile", path)).TokenSigningKey.ToArray());
    }

    [Fact]
    public void KeysFile_Missing_OneProblemNamingTheCommandThatMakesIt()
    {
        var problems = Assert.Throws<WorldPlayConfigurationException>(
            () => Read(true, ("WorldPlay:Studio:KeysFile", Path.Combine(_folder, "absent.json")))).Problems;

        Assert.Contains("worldplay keys new", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void KeysFile_NotJson_OneProblemOnOneLine()
    {
        var path = Path.Combine(_folder, "bad.json");
        File.WriteAllText(path, "{ \"tenants\": ");

        var problems = Assert.Throws<WorldPlayConfigurationException>(() => Read(true, ("WorldPlay:Studio:KeysFile", path))).Problems;

        Assert.DoesNotContain('\n', Assert.Single(problems));
    }

    [Fact]
    public void KeysFile_UnknownField_Refused()
    {
        var path = Path.Combine(_folder, "extra.json");
        File.WriteAllText(path, $"{{\"tokenSigningKey\":\"{Convert.ToBase64String(new byte[32])}\",\"tenants\":{{}},\"keys\":[]}}");

        Assert.Contains("is not a keys file", Assert.Throws<StudioKeysFileException>(() => StudioKeysFile.Read(path)).Message,
            StringComparison.Ordinal);
    }
}
