using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using WorldPlay.Hosting;

namespace WorldPlay.LocalClusters;

/// <summary>A cluster <c>worldplay cluster up</c> started on this machine: how clients reach it (the cluster file's connection
/// fields) and the processes it started, so status, kill-silo and down can find them by PID.</summary>
public sealed record LocalCluster(
    ClusterFile Connection, string Folder, DateTimeOffset StartedAt, AzuriteProcess? Azurite, ImmutableArray<SiloProcess> Silos)
{
    public const string FileName = "cluster.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string FileIn(string folder) => Path.Combine(folder, FileName);

    /// <summary>Every process it started, Azurite first.</summary>
    public IEnumerable<LocalProcess> Processes =>
        Azurite is null ? Silos.Select(s => s.Process) : [Azurite.Process, .. Silos.Select(s => s.Process)];

    /// <summary>The cluster recorded in <paramref name="folder"/>, or null when there is no cluster file.</summary>
    /// <exception cref="ClusterFileException">Its connection fields are wrong, or its <c>local</c> section is missing or
    /// damaged.</exception>
    public static LocalCluster? Read(string folder)
    {
        var file = FileIn(folder);
        if (!File.Exists(file))
        {
            return null;
        }
        var connection = ClusterFile.Read(file);
        LocalSection? local;
        try
        {
            local = JsonSerializer.Deserialize<FileWithLocal>(File.ReadAllText(file), Json)?.Local;
        }
        catch (JsonException e)
        {
            throw new ClusterFileException(file,
                [$"its 'local' section is damaged ({e.Message}); stop what it started by hand (see the PIDs in it) and delete the file"]);
        }
        if (local is null)
        {
            throw new ClusterFileException(file, ["it has no 'local' section, so it describes a cluster that 'worldplay cluster up' " +
                "did not start; the cluster commands only manage clusters they started"]);
        }
        return new LocalCluster(
            connection, folder, local.StartedAt, local.Azurite?.ToProcess(), [.. local.Silos.Select(s => s.ToProcess())]);
    }

    /// <summary>Writes the cluster file: the connection fields, and the processes under <c>local</c>.</summary>
    public void Write()
    {
        var json = Connection.ToJson();
        var local = new LocalSection(StartedAt, [.. Silos.Select(SiloEntry.Of)], Azurite is null ? null : AzuriteEntry.Of(Azurite));
        json["local"] = JsonSerializer.SerializeToNode(local, Json);
        Directory.CreateDirectory(Folder);
        var file = FileIn(Folder);
        File.WriteAllText(file + ".tmp", json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Move(file + ".tmp", file, overwrite: true);
    }

    // The file's layout: each process's fields sit beside its ports, in the order they have always been written.
    private sealed record FileWithLocal(LocalSection? Local = null);

    private sealed record LocalSection(DateTimeOffset StartedAt, ImmutableArray<SiloEntry> Silos, AzuriteEntry? Azurite = null);

    private sealed record SiloEntry(int Number, int SiloPort, int GatewayPort, string Name, int Pid, string Log, string Marker)
    {
        public static SiloEntry Of(SiloProcess s) =>
            new(s.Number, s.SiloPort, s.GatewayPort, s.Process.Name, s.Process.Pid, s.Process.Log, s.Process.Marker);

        public SiloProcess ToProcess() => new(Number, new LocalProcess(Name, Pid, Log, Marker), SiloPort, GatewayPort);
    }

    private sealed record AzuriteEntry(
        int BlobPort, int QueuePort, int TablePort, string Data, string Name, int Pid, string Log, string Marker)
    {
        public static AzuriteEntry Of(AzuriteProcess a) =>
            new(a.BlobPort, a.QueuePort, a.TablePort, a.Data, a.Process.Name, a.Process.Pid, a.Process.Log, a.Process.Marker);

        public AzuriteProcess ToProcess() => new(new LocalProcess(Name, Pid, Log, Marker), BlobPort, QueuePort, TablePort, Data);
    }
}

/// <summary>A process the cluster command started: its PID, its log, and a piece of its command line that tells it apart
/// from an unrelated process that later got the same PID.</summary>
public sealed record LocalProcess(string Name, int Pid, string Log, string Marker)
{
    public bool IsRunning => ProcessControl.IsRunning(Pid, Marker);
}

/// <summary>Azurite as a local cluster runs it: its process, ports and data folder.</summary>
public sealed record AzuriteProcess(LocalProcess Process, int BlobPort, int QueuePort, int TablePort, string Data);

/// <summary>One silo of a local cluster: its number (1 to N), process and ports.</summary>
public sealed record SiloProcess(int Number, LocalProcess Process, int SiloPort, int GatewayPort);
