namespace WorldPlay.Hosting.Tests;

/// <summary>Cluster files: what a client reads to find a cluster, and the errors that name the file and the field.</summary>
public sealed class ClusterFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("worldplay-clusterfile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(_folder, "cluster.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static string Problem(string path) => Assert.Throws<ClusterFileException>(() => ClusterFile.Read(path)).Message;

    [Fact]
    public void Read_MissingFile_NamesFileAndHowToMakeOne()
    {
        var path = Path.Combine(_folder, "nowhere.json");

        var message = Problem(path);

        Assert.Contains(path, message, StringComparison.Ordinal);
        Assert.Contains("worldplay cluster up", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotJson_NamesFileAndLine()
    {
        var path = Write("{\n  \"clustering\": \"Static\",\n  oops\n}");

        Assert.Contains("is not valid JSON (line 3", Problem(path));
    }

    [Fact]
    public void Read_UnknownClustering_NamesFieldAndAllowedValues()
    {
        var path = Write("""{ "clustering": "Consul", "clusterId": "c", "serviceId": "s" }""");

        Assert.Contains("field 'clustering' is 'Consul'; allowed: AzureTable, Static", Problem(path));
    }

    [Fact]
    public void Read_AzureTableWithoutConnectionString_NamesTheField()
    {
        var path = Write("""{ "clustering": "AzureTable", "clusterId": "c", "serviceId": "s" }""");

        Assert.Contains("field 'azureStorage' is missing", Problem(path));
    }

    [Fact]
    public void Read_StaticWithBadGateway_NamesTheEntry()
    {
        var path = Write("""{ "clustering": "Static", "gateways": ["127.0.0.1:30000", "nohost"], "clusterId": "c", "serviceId": "s" }""");

        Assert.Contains("field 'gateways[1]' is \"nohost\"", Problem(path));
    }

    [Fact]
    public void Read_MissingIds_NamesEachField()
    {
        var path = Write("""{ "clustering": "Static", "gateways": ["127.0.0.1:30000"] }""");

        var message = Problem(path);

        Assert.Contains("field 'clusterId' is missing", message, StringComparison.Ordinal);
        Assert.Contains("field 'serviceId' is missing", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ErrorMessage_StartsWithTheFile()
    {
        var path = Write("[]");

        Assert.StartsWith($"Cluster file '{path}':", Problem(path));
    }

    [Fact]
    public void Read_WrittenFile_SameConnection()
    {
        var cluster = new ClusterFile(ClientClusteringKind.Static, null, ["127.0.0.1:30001", "silo2:30000"], "worldplay", "worldplay");
        var path = Write(cluster.ToJson().ToJsonString());

        var read = ClusterFile.Read(path);

        Assert.Equal((cluster.Clustering, cluster.ClusterId, cluster.ServiceId, string.Join(",", cluster.Gateways)),
            (read.Clustering, read.ClusterId, read.ServiceId, string.Join(",", read.Gateways)));
    }

    [Fact]
    public void Read_ComposeClusterFile_IsValid()
    {
        var cluster = ClusterFile.Read(Path.Combine(Repository.Root, "cluster.compose.json"));

        Assert.Equal(3, cluster.Gateways.Length);
    }
}
