using System.Text.Json.Nodes;

namespace WorldPlay.Cli.Tests;

/// <summary>The local cluster commands: a real Azurite (installed with npm into the repository's .worldplay/tools) and real
/// silo processes, in a scratch --dir so a developer's own cluster is never touched. They run alone, after the other tests:
/// beside the CPU-heavy README tour, calls to the killed silo's sessions outlasted their retries on a 2-core machine.</summary>
[Collection(nameof(ClusterTests))]
public sealed class ClusterTests
{
    [Fact]
    public async Task ClusterUpSimulateDown_TwoSilos_SameScenesAsEmbeddedAndNoProcessLeft()
    {
        using var scratch = new ScratchFolder();
        var dir = scratch.File("cluster");
        var clusterFile = Path.Combine(dir, "cluster.json");
        var embedded = await CliRun.Of("simulate", "--world", "harbor", "--turns", "30", "--seed", "5", "--json");

        var up = await CliRun.Of("cluster", "up", "--silos", "2", "--dir", dir);
        int[] pids = File.Exists(clusterFile) ? Pids(clusterFile) : [];
        CliRun onCluster, secondUp, down;
        try
        {
            onCluster = await CliRun.Of("simulate", "--cluster", clusterFile, "--world", "harbor", "--turns", "30", "--seed", "5",
                "--json");
            secondUp = await CliRun.Of("cluster", "up", "--silos", "2", "--dir", dir);
        }
        finally
        {
            down = await CliRun.Of("cluster", "down", "--dir", dir);
        }

        Assert.True(up.ExitCode == 0, $"cluster up failed: {up.Error}");
        Assert.Equal(
            (0, 3, 0, 30, embedded.Json["timelineHash"]!.GetValue<string>(), 2, 0, 0),
            (up.ExitCode, pids.Length, onCluster.ExitCode, onCluster.ExitCode == 0 ? onCluster.Json["turns"]!.GetValue<int>() : -1,
             onCluster.ExitCode == 0 ? onCluster.Json["timelineHash"]!.GetValue<string>() : onCluster.Error,
             secondUp.ExitCode, down.ExitCode, pids.Count(Alive)));
    }

    [Fact]
    public async Task Load_SiloKilledHalfwayOnATwoSiloCluster_EverySessionFinishesAndNoTurnIsLost()
    {
        using var scratch = new ScratchFolder();
        var dir = scratch.File("cluster");
        var clusterFile = Path.Combine(dir, "cluster.json");
        var outDir = scratch.File("run");

        // In memory, as long load runs use it: a killed silo's turns are still in Azurite, which stays up.
        var up = await CliRun.Of("cluster", "up", "--silos", "2", "--dir", dir, "--in-memory");
        CliRun load;
        try
        {
            load = await CliRun.Of("load", "--cluster", clusterFile, "--sessions", "6", "--turns", "60", "--kill-silo-at", "50", "--out",
                outDir);
        }
        finally
        {
            await CliRun.Of("cluster", "down", "--dir", dir);
        }
        var report = Path.Combine(outDir, "load.json");
        Assert.True(File.Exists(report),
            $"load wrote no report: cluster up exited {up.ExitCode} ({up.Error.Trim()}); load exited {load.ExitCode}: {Tail(load.Error)}");
        var json = JsonNode.Parse(File.ReadAllText(report))!.AsObject();

        // A session that fails on a cluster says why: its errors and the retries before them, by type.
        var completed = json["sessionsCompleted"]!.GetValue<int>();
        Assert.True(completed == 6,
            $"{completed} of 6 sessions completed; errors {json["errors"]?.ToJsonString()}, retries {json["retries"]?.ToJsonString()}");
        Assert.Equal(
            (0, 0, 0L, 360L, true),
            (up.ExitCode, load.ExitCode, json["lostTurns"]!.GetValue<long>(), json["turnsCommitted"]!.GetValue<long>(),
             json["siloKill"]?["pid"] is not null));
        Assert.False(File.Exists(Path.Combine(dir, "azurite", "__azurite_db_table__.json")), "Azurite wrote its tables to disk");
        // The silos' storage meters counted the run's requests to Azurite: about one transaction a turn, less what the killed silo
        // sent after its last reading (up to a second of its turns, which can be half of so short a run).
        var storage = json["storage"]!.AsObject();
        Assert.True(storage["counted"]!.GetValue<bool>(), storage.ToJsonString());
        Assert.InRange(storage["tableTransactions"]!.GetValue<long>(), 100, 2000);
        Assert.True(storage["perTurn"]!.GetValue<double>() > 0.3, storage.ToJsonString());
    }

    private static string Tail(string text) => text.Trim() is { Length: > 2000 } longText ? "..." + longText[^2000..] : text.Trim();

    [Fact]
    public async Task Down_NoCluster_SaysNothingToStop()
    {
        using var scratch = new ScratchFolder();

        var run = await CliRun.Of("cluster", "down", "--dir", scratch.Path);

        Assert.Equal((2, true), (run.ExitCode, run.Error.Contains("Nothing to stop", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Status_NoCluster_SaysHowToStartOne()
    {
        using var scratch = new ScratchFolder();

        var run = await CliRun.Of("cluster", "status", "--dir", scratch.Path);

        Assert.Equal((2, true), (run.ExitCode, run.Error.Contains("worldplay cluster up", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task KillSilo_StalePid_SaysItIsNotRunning()
    {
        using var scratch = new ScratchFolder();
        scratch.Write("cluster.json", StaleCluster);

        var run = await CliRun.Of("cluster", "kill-silo", "1", "--dir", scratch.Path);

        Assert.Equal((2, true), (run.ExitCode, run.Error.Contains("is not running any more", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task KillSilo_UnknownNumber_SaysTheRange()
    {
        using var scratch = new ScratchFolder();
        scratch.Write("cluster.json", StaleCluster);

        var run = await CliRun.Of("cluster", "kill-silo", "4", "--dir", scratch.Path);

        Assert.Equal((2, true), (run.ExitCode, run.Error.Contains("silos 1 to 1", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Down_StalePids_RemovesTheFileAndSaysTheyWereGone()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("cluster.json", StaleCluster);

        var run = await CliRun.Of("cluster", "down", "--dir", scratch.Path);

        Assert.Equal((0, false, true),
            (run.ExitCode, File.Exists(file), run.Output.Contains("was already gone", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Status_StalePids_ShowsProcessesDead()
    {
        using var scratch = new ScratchFolder();
        scratch.Write("cluster.json", StaleCluster);

        var run = await CliRun.Of("cluster", "status", "--dir", scratch.Path, "--json");

        Assert.All(run.Json["processes"]!.AsArray(), p => Assert.False(p!["alive"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Simulate_MissingClusterFile_NamesTheFile()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.File("nope.json");

        var run = await CliRun.Of("simulate", "--cluster", file, "--turns", "5");

        Assert.Equal((2, true), (run.ExitCode, run.Error.Contains(file, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Simulate_ClusterFileWithBadField_NamesTheField()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("c.json", """{ "clustering": "Static", "gateways": [], "clusterId": "c", "serviceId": "s" }""");

        var run = await CliRun.Of("simulate", "--cluster", file, "--turns", "5");

        Assert.Equal((2, true), (run.ExitCode, run.Error.Contains("field 'gateways' is empty", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Simulate_NobodyAtTheGateway_SaysWhereItLooked()
    {
        using var scratch = new ScratchFolder();
        var port = Hosting.WorldPlaySilo.FreePort();
        var file = scratch.Write("c.json",
            $$"""{ "clustering": "Static", "gateways": ["127.0.0.1:{{port}}"], "clusterId": "c", "serviceId": "s" }""");

        var run = await CliRun.Of("simulate", "--cluster", file, "--turns", "5");

        Assert.Equal((2, true), (run.ExitCode, run.Error.Contains($"127.0.0.1:{port}", StringComparison.Ordinal)));
    }

    /// <summary>A cluster file whose processes are long gone (PIDs no live process has, or not with these command lines).</summary>
    internal const string StaleCluster = $$"""
        {
          "clustering": "AzureTable",
          "azureStorage": "{{StaleStorage}}",
          "clusterId": "local-stale",
          "serviceId": "worldplay-local",
          "local": {
            "startedAt": "2026-01-01T00:00:00+00:00",
            "azurite": {{StaleAzurite}},
            "silos": [ {{StaleSilo}} ]
          }
        }
        """;

    private const string StaleStorage =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;";

    private const string StaleAzurite =
        """{ "name": "azurite", "pid": 2147483646, "log": "/tmp/azurite.log", "marker": "/nonexistent/azurite-data-stale",""" +
        """ "blobPort": 1, "queuePort": 1, "tablePort": 1, "data": "/nonexistent/azurite-data-stale" }""";

    private const string StaleSilo =
        """{ "name": "silo 1", "pid": 2147483645, "log": "/tmp/silo-1.log", "marker": "local-stale", "number": 1,""" +
        """ "siloPort": 2, "gatewayPort": 3 }""";

    private static int[] Pids(string clusterFile)
    {
        var local = JsonNode.Parse(File.ReadAllText(clusterFile))!["local"]!;
        return [local["azurite"]!["pid"]!.GetValue<int>(), .. local["silos"]!.AsArray().Select(s => s!["pid"]!.GetValue<int>())];
    }

    /// <summary>Whether the process runs (a zombie, exited but not yet reaped, does not).</summary>
    private static bool Alive(int pid) =>
        File.Exists($"/proc/{pid}/status") && !File.ReadAllText($"/proc/{pid}/status").Contains("State:\tZ", StringComparison.Ordinal);
}

[CollectionDefinition(nameof(ClusterTests), DisableParallelization = true)]
public sealed class ClusterTestsRunAlone;
