using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using WorldPlay.Hosting;

namespace WorldPlay.Cli;

/// <summary>A cluster <c>worldplay cluster up</c> started on this machine: how clients reach it (the cluster file's connection
/// fields) and the processes it started, so status, kill-silo and down can find them by PID.</summary>
internal sealed record LocalCluster(ClusterFile Connection, string Folder, DateTimeOffset StartedAt, AzuriteProcess? Azurite, ImmutableArray<SiloProcess> Silos)
{
    public const string FileName = "cluster.json";

    public static string FileIn(string folder) => Path.Combine(folder, FileName);

    /// <summary>Every process it started, Azurite first.</summary>
    public IEnumerable<LocalProcess> Processes => Azurite is null ? Silos.Select(s => s.Process) : [Azurite.Process, .. Silos.Select(s => s.Process)];

    /// <summary>The cluster recorded in <paramref name="folder"/>, or null when there is no cluster file.</summary>
    public static LocalCluster? Read(string folder)
    {
        var file = FileIn(folder);
        if (!File.Exists(file))
        {
            return null;
        }
        var connection = ClusterFile.Read(file);
        var json = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        if (json["local"] is not JsonObject local)
        {
            throw new ClusterFileException(file, ["it has no 'local' section, so it describes a cluster that 'worldplay cluster up' did not start; the cluster commands only manage clusters they started"]);
        }
        try
        {
            return new LocalCluster(
                connection,
                folder,
                local["startedAt"]!.GetValue<DateTimeOffset>(),
                local["azurite"] is JsonObject a ? new AzuriteProcess(Process(a), a["blobPort"]!.GetValue<int>(), a["queuePort"]!.GetValue<int>(), a["tablePort"]!.GetValue<int>(), a["data"]!.GetValue<string>()) : null,
                [.. local["silos"]!.AsArray().Select(s => new SiloProcess(s!["number"]!.GetValue<int>(), Process(s.AsObject()), s["siloPort"]!.GetValue<int>(), s["gatewayPort"]!.GetValue<int>()))]);
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or FormatException or JsonException)
        {
            throw new ClusterFileException(file, [$"its 'local' section is damaged ({e.Message}); stop what it started by hand (see the PIDs in it) and delete the file"]);
        }

        static LocalProcess Process(JsonObject o) => new(o["name"]!.GetValue<string>(), o["pid"]!.GetValue<int>(), o["log"]!.GetValue<string>(), o["marker"]!.GetValue<string>());
    }

    public void Write()
    {
        var json = Connection.ToJson();
        var local = new JsonObject
        {
            ["startedAt"] = StartedAt,
            ["silos"] = new JsonArray([.. Silos.Select(s => (JsonNode)With(s.Process, new JsonObject { ["number"] = s.Number, ["siloPort"] = s.SiloPort, ["gatewayPort"] = s.GatewayPort }))]),
        };
        if (Azurite is { } a)
        {
            local["azurite"] = With(a.Process, new JsonObject { ["blobPort"] = a.BlobPort, ["queuePort"] = a.QueuePort, ["tablePort"] = a.TablePort, ["data"] = a.Data });
        }
        json["local"] = local;
        Directory.CreateDirectory(Folder);
        var file = FileIn(Folder);
        File.WriteAllText(file + ".tmp", json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Move(file + ".tmp", file, overwrite: true);

        static JsonObject With(LocalProcess p, JsonObject o)
        {
            o["name"] = p.Name;
            o["pid"] = p.Pid;
            o["log"] = p.Log;
            o["marker"] = p.Marker;
            return o;
        }
    }
}

/// <summary>A process the cluster command started: its PID, its log, and a piece of its command line that tells it apart
/// from an unrelated process that later got the same PID.</summary>
internal sealed record LocalProcess(string Name, int Pid, string Log, string Marker)
{
    public bool IsRunning => ProcessControl.IsRunning(Pid, Marker);
}

internal sealed record AzuriteProcess(LocalProcess Process, int BlobPort, int QueuePort, int TablePort, string Data);

internal sealed record SiloProcess(int Number, LocalProcess Process, int SiloPort, int GatewayPort);
