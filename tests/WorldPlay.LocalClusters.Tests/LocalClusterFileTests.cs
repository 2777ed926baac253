using System.Collections.Immutable;
using WorldPlay.Hosting;

namespace WorldPlay.LocalClusters.Tests;

/// <summary>The cluster file <c>cluster up</c> writes: read back whole, and the errors for a folder without one or a damaged one.</summary>
public sealed class LocalClusterFileTests : IDisposable
{
    /// <summary>A cluster whose processes are long gone (PIDs no live process has, or not with these command lines).</summary>
    internal static LocalCluster Stale(string folder) => new(
        new ClusterFile(ClientClusteringKind.AzureTable, AzureStorageAccount.Azurite(1, 1, 1), [], "local-stale", "worldplay-local"),
        folder,
        new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        new AzuriteProcess(
            new LocalProcess("azurite", 2147483646, "/tmp/azurite.log", "/nonexistent/azurite-data-stale"), 1, 1, 1, "/nonexistent"),
        [new SiloProcess(1, new LocalProcess("silo 1", 2147483645, "/tmp/silo-1.log", "local-stale"), 2, 3)]);

    private readonly string _folder = Directory.CreateTempSubdirectory("worldplay-localcluster-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WriteFile(string json)
    {
        File.WriteAllText(LocalCluster.FileIn(_folder), json);
        return LocalCluster.FileIn(_folder);
    }

    private string Problem() => Assert.Throws<ClusterFileException>(() => LocalCluster.Read(_folder)).Message;

    [Fact]
    public void Read_WrittenCluster_SameProcessesAndPorts()
    {
        var cluster = Stale(_folder);
        cluster.Write();

        var read = LocalCluster.Read(_folder)!;

        Assert.Equal(
            $"{cluster.StartedAt:o} {cluster.Azurite} {string.Join(" ", cluster.Silos)} {cluster.Connection.ClusterId}",
            $"{read.StartedAt:o} {read.Azurite} {string.Join(" ", read.Silos)} {read.Connection.ClusterId}");
    }

    [Fact]
    public void Read_WithoutAzurite_AzuriteIsNull()
    {
        (Stale(_folder) with { Azurite = null }).Write();

        Assert.Null(LocalCluster.Read(_folder)!.Azurite);
    }

    [Fact]
    public void Write_LocalSection_KeepsItsFieldOrder()
    {
        Stale(_folder).Write();

        Assert.Contains(
            "\"silos\": [\n      {\n        \"number\": 1,\n        \"siloPort\": 2,\n" +
            "        \"gatewayPort\": 3,\n        \"name\": \"silo 1\"",
            File.ReadAllText(LocalCluster.FileIn(_folder)).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Read_NoFile_IsNull()
    {
        Assert.Null(LocalCluster.Read(_folder));
    }

    [Fact]
    public void Read_NoLocalSection_SaysClusterUpDidNotStartIt()
    {
        var file = WriteFile("""{ "clustering": "Static", "gateways": ["127.0.0.1:30000"], "clusterId": "c", "serviceId": "s" }""");

        Assert.Equal(
            $"Cluster file '{file}': it has no 'local' section, so it describes a cluster that 'worldplay cluster up' did not start; " +
            "the cluster commands only manage clusters they started.",
            Problem());
    }

    [Fact]
    public void Read_SiloWithoutPid_SaysTheSectionIsDamaged()
    {
        WriteFile("""
            { "clustering": "Static", "gateways": ["127.0.0.1:30000"], "clusterId": "c", "serviceId": "s",
              "local": { "startedAt": "2026-01-01T00:00:00+00:00", "silos": [ { "name": "silo 1", "log": "l", "marker": "m",
                "number": 1, "siloPort": 2, "gatewayPort": 3 } ] } }
            """);

        Assert.Matches(
            @"its 'local' section is damaged \(.*'pid'.*\); stop what it started by hand \(see the PIDs in it\) and delete the file\.$",
            Problem());
    }

    [Fact]
    public void Read_BadConnectionFields_NamesTheField()
    {
        WriteFile("""{ "clustering": "Static", "gateways": [], "clusterId": "c", "serviceId": "s", "local": {} }""");

        Assert.Contains("field 'gateways' is empty", Problem());
    }
}
