using Microsoft.Extensions.Options;

namespace WorldPlay.Hosting.Tests;

/// <summary>The validator on options built in code, as a host that skips the configuration would build them.</summary>
public sealed class WorldPlayOptionsValidatorTests
{
    private static string Failures(WorldPlayOptions options) =>
        new WorldPlayOptionsValidator().Validate(Options.DefaultName, options).FailureMessage ?? "";

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var result = new WorldPlayOptionsValidator().Validate(Options.DefaultName, new WorldPlayOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_MalformedConnectionString_DoesNotRepeatIt()
    {
        var message = Failures(new WorldPlayOptions { Storage = StorageKind.Azure, AzureStorage = "AccountKey=sekrit;x" });

        Assert.StartsWith("WorldPlay:AzureStorage ", message);
    }

    [Fact]
    public void Validate_DashboardOnTheSiloPort_IsRefused()
    {
        var message = Failures(new WorldPlayOptions { Dashboard = new DashboardSettings(true, 11111) });

        Assert.Contains("WorldPlay:Dashboard:Port 11111 is also the silo or gateway port; choose another.", message);
    }

    [Fact]
    public void Validate_ServiceIdWithHash_NamesTheRefusedCharacters()
    {
        var message = Failures(new WorldPlayOptions { ServiceId = "game#2" });

        Assert.Contains("WorldPlay:ServiceId is 'game#2'; it may not contain / \\ # ? or control characters.", message);
    }

    [Fact]
    public void Validate_BothAzureWithoutConnectionString_NamesBoth()
    {
        var message = Failures(new WorldPlayOptions { Clustering = ClusteringKind.AzureTable, Storage = StorageKind.Azure });

        Assert.StartsWith("Clustering AzureTable and Storage Azure need an Azure Storage connection string", message);
    }

    [Fact]
    public void Problems_SameAsTheValidator()
    {
        var options = new WorldPlayOptions { SiloPort = 30000, Mind = new MindSettings("gpt") };

        Assert.Equal(new WorldPlayOptionsValidator().Validate(null, options).Failures, options.Problems());
    }
}
