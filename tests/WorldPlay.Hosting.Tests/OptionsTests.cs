using Microsoft.Extensions.Configuration;

namespace WorldPlay.Hosting.Tests;

/// <summary>The WorldPlay configuration section: defaults, and a readable message for every mistake.</summary>
public sealed class OptionsTests
{
    private const string Azurite =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";

    internal static WorldPlayOptions Read(params (string Key, string Value)[] values) =>
        WorldPlayOptions.FromConfiguration(
            new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build());

    internal static string Problem(params (string Key, string Value)[] values) =>
        Assert.Throws<WorldPlayConfigurationException>(() => Read(values)).Message;

    [Fact]
    public void Options_NothingConfigured_EmbeddedDefaults()
    {
        var options = Read();

        Assert.Equal(
            (ClusteringKind.Localhost, StorageKind.Memory, "procedural", false, 11111, 30000),
            (options.Clustering, options.Storage, options.Mind.Default, options.Dashboard.Enabled, options.SiloPort, options.GatewayPort));
    }

    [Fact]
    public void Storage_UnknownValue_ListsAllowedValues()
    {
        var message = Problem(("WorldPlay:Storage", "Cosmos"));

        Assert.Contains("WorldPlay:Storage is 'Cosmos'; allowed: Memory, Azure.", message);
    }

    [Fact]
    public void Clustering_UnknownValue_ListsAllowedValues()
    {
        var message = Problem(("WorldPlay:Clustering", "Consul"));

        Assert.Contains("allowed: Localhost, AzureTable", message);
    }

    [Fact]
    public void Storage_NumberForEnum_IsRefused()
    {
        var message = Problem(("WorldPlay:Storage", "1"));

        Assert.Contains("allowed: Memory, Azure", message);
    }

    [Fact]
    public void AzureStorage_Missing_SaysWhichKeyToSet()
    {
        var message = Problem(("WorldPlay:Storage", "Azure"));

        Assert.Contains(
            "set WorldPlay:AzureStorage (environment: WORLDPLAY_WorldPlay__AzureStorage) or ConnectionStrings:AzureStorage", message);
    }

    [Fact]
    public void AzureTableClustering_WithoutConnectionString_NamesClustering()
    {
        var message = Problem(("WorldPlay:Clustering", "AzureTable"));

        Assert.StartsWith("Clustering AzureTable needs an Azure Storage connection string", message);
    }

    [Fact]
    public void ConnectionStrings_AzureStorage_IsAccepted()
    {
        var options = Read(("WorldPlay:Storage", "Azure"), ("ConnectionStrings:AzureStorage", Azurite));

        Assert.Equal(Azurite, options.AzureStorage);
    }

    [Fact]
    public void AzureStorage_Malformed_DoesNotRepeatTheString()
    {
        var message = Problem(("WorldPlay:Storage", "Azure"), ("WorldPlay:AzureStorage", "AccountKey=sekrit-key-value;nonsense"));

        Assert.Contains("not a usable Azure Storage connection string", message, StringComparison.Ordinal);
        Assert.DoesNotContain("sekrit", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Port_OutOfRange_SaysTheRange()
    {
        var message = Problem(("WorldPlay:GatewayPort", "70000"));

        Assert.Contains("WorldPlay:GatewayPort is '70000'; a port is a whole number from 1 to 65535.", message);
    }

    [Fact]
    public void Ports_Equal_AreRefused()
    {
        var message = Problem(("WorldPlay:SiloPort", "4000"), ("WorldPlay:GatewayPort", "4000"));

        Assert.Contains("need two different ports", message);
    }

    [Fact]
    public void Key_Misspelt_SuggestsTheKnownOne()
    {
        var message = Problem(("WorldPlay:Storge", "Azure"));

        Assert.Contains("WorldPlay:Storge is not a WorldPlay setting; did you mean WorldPlay:Storage?", message);
    }

    [Fact]
    public void Dashboard_SetAsValue_PointsAtItsKeys()
    {
        var message = Problem(("WorldPlay:Dashboard", "true"));

        Assert.Contains("set its keys: WorldPlay:Dashboard:Enabled, WorldPlay:Dashboard:Port", message);
    }

    [Fact]
    public void Dashboard_NotABoolean_ListsAllowedValues()
    {
        var message = Problem(("WorldPlay:Dashboard:Enabled", "yes"));

        Assert.Contains("WorldPlay:Dashboard:Enabled is 'yes'; allowed: true, false.", message);
    }

    [Fact]
    public void Mind_Unknown_ListsKnownMinds()
    {
        var message = Problem(("WorldPlay:Mind:Default", "gpt"));

        Assert.Contains("'gpt' is not a known mind; known: ", message);
    }

    [Fact]
    public void Problems_Several_AllReportedAtOnce()
    {
        var exception = Assert.Throws<WorldPlayConfigurationException>(
            () => Read(("WorldPlay:Storage", "Disk"), ("WorldPlay:SiloPort", "x"), ("WorldPlay:Clustering", "AzureTable")));

        Assert.Equal(3, exception.Problems.Count);
    }

    [Fact]
    public void Port_Hexadecimal_IsRefused()
    {
        var message = Problem(("WorldPlay:SiloPort", "0x10"));

        Assert.Contains("WorldPlay:SiloPort is '0x10'; a port is a whole number from 1 to 65535.", message);
    }

    [Fact]
    public void Values_Padded_AreTrimmed()
    {
        var options = Read(("WorldPlay:SiloPort", " 4000 "), ("WorldPlay:Storage", " azure "), ("WorldPlay:AzureStorage", $" {Azurite} "));

        Assert.Equal("4000 Azure " + Azurite, $"{options.SiloPort} {options.Storage} {options.AzureStorage}");
    }

    [Fact]
    public void ClusterId_Blank_KeepsTheDefault()
    {
        var options = Read(("WorldPlay:ClusterId", "  "));

        Assert.Equal("worldplay", options.ClusterId);
    }

    [Fact]
    public void ClusterId_WithSlash_NamesTheRefusedCharacters()
    {
        var message = Problem(("WorldPlay:ClusterId", "east/1"));

        Assert.Contains("WorldPlay:ClusterId is 'east/1'; it may not contain / \\ # ? or control characters.", message);
    }

    [Fact]
    public void Http_OnTheGatewayPort_IsRefused()
    {
        var message = Problem(("WorldPlay:Http:Enabled", "true"), ("WorldPlay:Http:Port", "30000"));

        Assert.Contains("WorldPlay:Http:Port 30000 is also the silo or gateway port; choose another.", message);
    }

    [Fact]
    public void Key_MisspeltInASection_SuggestsTheKnownOne()
    {
        var message = Problem(("WorldPlay:Mind:Modle", "big"));

        Assert.Contains("WorldPlay:Mind:Modle is not a WorldPlay setting; did you mean WorldPlay:Mind:Model?", message);
    }

    [Fact]
    public void Key_FarFromEveryKey_ListsTheKnownKeys()
    {
        var message = Problem(("WorldPlay:Xylophone:Notes", "8"));

        Assert.Contains("WorldPlay:Xylophone is not a WorldPlay setting; known: Clustering, Storage, AzureStorage, ClusterId,", message);
    }

    [Fact]
    public void Keys_UnknownBesideAMistake_BothReported()
    {
        var exception = Assert.Throws<WorldPlayConfigurationException>(
            () => Read(("WorldPlay:Storge", "Azure"), ("WorldPlay:SiloPort", "x")));

        Assert.Equal(2, exception.Problems.Count);
    }

    [Fact]
    public void Keys_EnvironmentForm_UsesPrefixAndDoubleUnderscores()
    {
        var key = WorldPlayOptions.Keys.Single(k => k.Key == "Dashboard:Enabled");

        Assert.Equal("WORLDPLAY_WorldPlay__Dashboard__Enabled", key.EnvironmentVariable);
    }
}
