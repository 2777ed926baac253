using System.Text.RegularExpressions;

namespace WorldPlay.Hosting.Tests;

/// <summary>docker-compose.yml cannot run here, so its silo settings are checked against the keys the silo reads.</summary>
public sealed partial class ComposeTests
{
    [Fact]
    public void Compose_WorldPlayEnvironmentVariables_AreKnownKeys()
    {
        var compose = File.ReadAllText(Path.Combine(Repository.Root, "docker-compose.yml"));
        var known = WorldPlayOptions.Keys.Select(k => k.EnvironmentVariable).ToHashSet(StringComparer.Ordinal);

        var unknown = WorldPlayVariable().Matches(compose).Select(m => m.Value).Where(v => !known.Contains(v)).Distinct().ToList();

        Assert.Empty(unknown);
    }

    [Fact]
    public void Compose_EverySilo_AdvertisesItsOwnAddress()
    {
        var compose = File.ReadAllText(Path.Combine(Repository.Root, "docker-compose.yml"));

        var advertised = AdvertisedAddress().Matches(compose).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(["silo1", "silo2", "silo3"], advertised);
    }

    [GeneratedRegex(@"WORLDPLAY_WorldPlay__[A-Za-z_]+")]
    private static partial Regex WorldPlayVariable();

    [GeneratedRegex(@"WORLDPLAY_WorldPlay__AdvertisedAddress:\s*(\S+)")]
    private static partial Regex AdvertisedAddress();
}
