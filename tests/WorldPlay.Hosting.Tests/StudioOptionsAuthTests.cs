namespace WorldPlay.Hosting.Tests;

/// <summary>The <c>WorldPlay:Studio</c> keys as the silo's option check sees them: their names are known (WorldPlay.Web's
/// StudioConfiguration reads their values), a misspelt one is still caught.</summary>
public sealed class StudioOptionsAuthTests
{
    [Fact]
    public void Studio_KnownKeysAndATenantsKeys_Accepted()
    {
        var options = OptionsTests.Read(("WorldPlay:Http:Enabled", "true"), ("WorldPlay:Studio:Development", "true"),
            ("WorldPlay:Studio:KeysFile", "studio-keys.json"), ("WorldPlay:Studio:TokenSigningKey", Convert.ToBase64String(new byte[32])),
            ("WorldPlay:Studio:Tenants:acme:Keys:0", "sha256:" + new string('a', 64)));

        Assert.True(options.Http.Enabled);
    }

    [Fact]
    public void Studio_KeyMisspelt_SuggestsTheKnownOne() =>
        Assert.Contains("WorldPlay:Studio:KeyFile is not a WorldPlay setting; did you mean WorldPlay:Studio:KeysFile?",
            OptionsTests.Problem(("WorldPlay:Studio:KeyFile", "keys.json")), StringComparison.Ordinal);

    [Fact]
    public void Studio_DevelopmentNotABoolean_Refused() =>
        Assert.Contains("WorldPlay:Studio:Development is 'yes'; allowed: true, false.",
            OptionsTests.Problem(("WorldPlay:Studio:Development", "yes")), StringComparison.Ordinal);
}
