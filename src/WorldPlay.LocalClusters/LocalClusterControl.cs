using System.Collections.Immutable;
using System.Diagnostics;
using System.Net.Sockets;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using WorldPlay.Hosting;

namespace WorldPlay.LocalClusters;

/// <summary>What <c>cluster up</c> tells its user while it works.</summary>
public interface IClusterUpProgress
{
    /// <summary>A warning, such as a stale cluster file being replaced.</summary>
    void Warn(string message);

    /// <summary>One step done or begun (installing Azurite, building the silo, Azurite listening).</summary>
    void Step(string message);

    /// <summary>Runs <paramref name="wait"/>, which reports how far the silos are through the callback it is given;
    /// <paramref name="status"/> is the first such report.</summary>
    Task WaitAsync(string status, Func<Action<string>, Task> wait);
}

/// <summary>How a process of a local cluster ended when the cluster was brought down.</summary>
public enum StopOutcome
{
    /// <summary>It stopped when asked (SIGTERM).</summary>
    Stopped,

    /// <summary>It had exited before the cluster was brought down.</summary>
    AlreadyGone,

    /// <summary>It did not stop in time and was killed (SIGKILL).</summary>
    Killed,
}

/// <summary>A silo as the membership table sees it.</summary>
public sealed record Member(string Address, string Name, string Status, string IAmAlive);

/// <summary>A local cluster's processes (alive or not) and its membership table, or why that table could not be read.</summary>
public sealed record LocalClusterStatus(
    LocalCluster Cluster,
    IReadOnlyList<(LocalProcess Process, bool Alive)> Processes,
    IReadOnlyList<Member> Members,
    string? MembershipProblem);

/// <summary>Starts, inspects and stops a cluster of silo processes on this machine, with Azurite for storage and membership;
/// the cluster file in its folder records what was started, so later calls find the processes by PID.</summary>
public static class LocalClusterControl
{
    private const string ServiceId = "worldplay-local";

    /// <summary>Starts Azurite and <paramref name="count"/> silos, waits until all are active, and writes the cluster file. On
    /// failure everything started is stopped again and the file is removed.</summary>
    /// <param name="repository">A folder inside the WorldPlay repository, whose silo host the cluster runs.</param>
    /// <param name="inMemory">Azurite keeps its data in memory only (lost at <c>cluster down</c>, kept through silo kills): its
    /// disk persistence rewrites the whole table database as one JSON file every few seconds, which stalls a long load run.</param>
    public static async Task<LocalCluster> UpAsync(
        string folder, int count, TimeSpan timeout, string repository, IClusterUpProgress progress, CancellationToken cancellationToken,
        bool inMemory = false)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new LocalClusterException(
                "'worldplay cluster' runs on Linux and macOS; on Windows use WSL or docker-compose (docs/operations.md).");
        }
        if (LocalCluster.Read(folder) is { } existing)
        {
            var running = existing.Processes.Where(p => p.IsRunning).ToList();
            if (running.Count > 0)
            {
                throw new LocalClusterException(
                    $"A cluster is already up in {folder} ({string.Join(", ", running.Select(p => $"{p.Name} pid {p.Pid}"))}). " +
                    $"Stop it with 'worldplay cluster down --dir {folder}', or start another with a different --dir.");
            }
            progress.Warn($"note: {LocalCluster.FileIn(folder)} describes a cluster whose processes are gone " +
                $"(stale PIDs {string.Join(", ", existing.Processes.Select(p => p.Pid))}); replacing it.");
        }

        var tools = LocalTools.Find(repository);
        var (node, azuriteScript) = await tools.AzuriteAsync(progress.Step, cancellationToken);
        var siloDll = await tools.SiloAsync(progress.Step, cancellationToken);

        var logs = Path.Combine(folder, "logs");
        var data = Path.Combine(folder, "azurite");
        Directory.CreateDirectory(logs);
        Directory.CreateDirectory(data);
        var ports = DistinctFreePorts(3 + (2 * count));
        var connectionString = AzureStorageAccount.Azurite(ports[0], ports[1], ports[2]);
        var clusterId = $"local-{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var cluster = new LocalCluster(
            new ClusterFile(ClientClusteringKind.AzureTable, connectionString, [], clusterId, ServiceId),
            folder, DateTimeOffset.UtcNow, null, []);

        try
        {
            var azuriteLog = Path.Combine(logs, "azurite.log");
            var azuritePid = ProcessControl.StartDetached(node,
                [azuriteScript, "--silent", "--disableTelemetry", "--skipApiVersionCheck",
                 .. inMemory ? (string[])["--inMemoryPersistence"] : ["--location", data],
                 "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                 "--blobPort", $"{ports[0]}", "--queuePort", $"{ports[1]}", "--tablePort", $"{ports[2]}"],
                azuriteLog, new Dictionary<string, string>());
            // The marker is what its command line holds: the data folder, or, in memory, its table port.
            var marker = inMemory ? $"--tablePort {ports[2]}" : data;
            var azurite = new AzuriteProcess(
                new LocalProcess("azurite", azuritePid, azuriteLog, marker), ports[0], ports[1], ports[2], data);
            cluster = cluster with { Azurite = azurite };
            cluster.Write();
            await WaitForPortsAsync(azurite.Process, [ports[0], ports[2]], TimeSpan.FromSeconds(30), cancellationToken);
            progress.Step($"Azurite {LocalTools.AzuriteVersion} (pid {azuritePid}) serves blobs on 127.0.0.1:{ports[0]} and tables on " +
                $"127.0.0.1:{ports[2]}; {(inMemory ? "data in its memory only" : $"data in {data}")}.");

            var started = ImmutableArray.CreateBuilder<SiloProcess>();
            for (var i = 0; i < count; i++)
            {
                var (siloPort, gatewayPort) = (ports[3 + (2 * i)], ports[4 + (2 * i)]);
                var log = Path.Combine(logs, $"silo-{i + 1}.log");
                var environment = new Dictionary<string, string>
                {
                    [WorldPlayOptions.EnvironmentVariable("Clustering")] = nameof(ClusteringKind.AzureTable),
                    [WorldPlayOptions.EnvironmentVariable("Storage")] = nameof(StorageKind.Azure),
                    [WorldPlayOptions.EnvironmentVariable("AzureStorage")] = connectionString,
                    [WorldPlayOptions.EnvironmentVariable("ServiceId")] = ServiceId,
                    [WorldPlayOptions.EnvironmentVariable("SiloPort")] = $"{siloPort}",
                    [WorldPlayOptions.EnvironmentVariable("GatewayPort")] = $"{gatewayPort}",
                    [WorldPlayOptions.EnvironmentVariable("AdvertisedAddress")] = "127.0.0.1",
                };
                // The cluster id goes on the command line (it holds no secret) so the process can be told apart by it later.
                var pid = ProcessControl.StartDetached(
                    LocalTools.Dotnet, [siloDll, $"--{WorldPlayOptions.Section}:ClusterId", clusterId], log, environment);
                started.Add(new SiloProcess(i + 1, new LocalProcess($"silo {i + 1}", pid, log, clusterId), siloPort, gatewayPort));
                cluster = cluster with { Silos = started.ToImmutable() };
                cluster.Write();
            }

            await progress.WaitAsync($"Waiting for {count} silo(s) to join the cluster...",
                status => WaitForClusterAsync(cluster, timeout, status, cancellationToken));
        }
        catch (Exception e)
        {
            // Leave nothing behind: a half-started cluster is worse than none. The logs stay for reading.
            foreach (var process in cluster.Processes)
            {
                ProcessControl.Kill(process.Pid);
            }
            await ProcessControl.WaitForExitAsync([.. cluster.Processes], TimeSpan.FromSeconds(10));
            File.Delete(LocalCluster.FileIn(folder));
            if (e is LocalClusterException or OperationCanceledException)
            {
                throw;
            }
            throw new LocalClusterException($"The cluster did not come up, so everything it started was stopped: {e.Message} Logs: {logs}");
        }
        return cluster;
    }

    /// <summary>Which of the cluster's processes are alive, and the silos as the membership table sees them.</summary>
    public static async Task<LocalClusterStatus> StatusAsync(string folder, CancellationToken cancellationToken)
    {
        var cluster = LocalCluster.Read(folder)
            ?? throw new LocalClusterException(
                $"No cluster in {folder}: there is no {LocalCluster.FileName}. Start one with 'worldplay cluster up'.");
        var processes = cluster.Processes.Select(p => (Process: p, Alive: p.IsRunning)).ToList();
        var (members, membershipProblem) = cluster.Azurite is { } azurite && azurite.Process.IsRunning
            ? await MembershipAsync(cluster, cancellationToken)
            : ([], "Azurite is not running, so the membership table cannot be read.");
        return new LocalClusterStatus(cluster, processes, members, membershipProblem);
    }

    /// <summary>Kills silo <paramref name="number"/> with SIGKILL (no shutdown, as when its machine dies); returns it.</summary>
    public static SiloProcess KillSilo(string folder, int number)
    {
        var cluster = LocalCluster.Read(folder)
            ?? throw new LocalClusterException($"No cluster in {folder}: there is no {LocalCluster.FileName}.");
        var silo = cluster.Silos.FirstOrDefault(s => s.Number == number)
            ?? throw new LocalClusterException($"There is no silo {number}; this cluster has silos 1 to {cluster.Silos.Length}.");
        if (!silo.Process.IsRunning)
        {
            throw new LocalClusterException($"Silo {number} (pid {silo.Process.Pid}) is not running any more; nothing to kill.");
        }
        ProcessControl.Kill(silo.Process.Pid);
        return silo;
    }

    /// <summary>Stops every process the cluster started (silos gracefully, then Azurite), checks that none is left, and removes
    /// the cluster file; returns the cluster and how each process ended, in the order they were started.</summary>
    public static async Task<(LocalCluster Cluster, IReadOnlyList<(LocalProcess Process, StopOutcome Outcome)> Stopped)> DownAsync(
        string folder)
    {
        var cluster = LocalCluster.Read(folder)
            ?? throw new LocalClusterException($"Nothing to stop: there is no {LocalCluster.FileName} in {folder}.");
        var silos = cluster.Silos.Select(s => s.Process).ToList();
        var gone = cluster.Processes.Where(p => !p.IsRunning).ToList();

        // Silos first and gracefully (they leave the membership table), Azurite last, since the silos write to it while stopping.
        var forced = await StopAsync(silos.Except(gone).ToList(), TimeSpan.FromSeconds(30));
        if (cluster.Azurite is { } azurite && !gone.Contains(azurite.Process))
        {
            forced = [.. forced, .. await StopAsync([azurite.Process], TimeSpan.FromSeconds(10))];
        }

        var left = cluster.Processes.Where(p => p.IsRunning).ToList();
        if (left.Count > 0)
        {
            throw new LocalClusterException(
                $"Could not stop {string.Join(", ", left.Select(p => $"{p.Name} (pid {p.Pid})"))}; the cluster file stays in {folder}.");
        }
        File.Delete(LocalCluster.FileIn(folder));
        return (cluster, [.. cluster.Processes.Select(p =>
            (p, gone.Contains(p) ? StopOutcome.AlreadyGone : forced.Contains(p) ? StopOutcome.Killed : StopOutcome.Stopped))]);
    }

    private static async Task WaitForClusterAsync(
        LocalCluster cluster, TimeSpan timeout, Action<string> status, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var count = cluster.Silos.Length;
        var active = 0;
        string? lastProblem = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var silo in cluster.Silos.Where(s => !s.Process.IsRunning))
            {
                throw new LocalClusterException($"Silo {silo.Number} (pid {silo.Process.Pid}) exited while starting. " +
                    $"Its log ({silo.Process.Log}) ends: {LocalTools.Tail(ReadLog(silo.Process.Log), 4)}");
            }
            if (clock.Elapsed > timeout)
            {
                throw new LocalClusterException(
                    $"The cluster did not answer within {timeout.TotalSeconds:0} s ({active} of {count} silos active" +
                    $"{(lastProblem is null ? "" : $"; last: {lastProblem}")}). " +
                    $"See the logs in {Path.GetDirectoryName(cluster.Silos[0].Process.Log)}.");
            }
            try
            {
                using var client = await WorldPlayClientHosting.ConnectAsync(cluster.Connection, cancellationToken: cancellationToken);
                var management = client.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
                active = (await management.GetHosts(onlyActive: true)).Count;
                await client.StopAsync(CancellationToken.None);
                if (active >= count)
                {
                    return;
                }
            }
            catch (Exception e) when (e is ClusterUnreachableException or OrleansException or TimeoutException)
            {
                lastProblem = e.Message;
            }
            status($"Waiting for the cluster: {active} of {count} silo(s) active ({clock.Elapsed.TotalSeconds:0} s)");
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    /// <summary>SIGTERM, a bounded wait, then SIGKILL for whatever still runs; returns the processes that had to be killed.</summary>
    private static async Task<IReadOnlyList<LocalProcess>> StopAsync(IReadOnlyList<LocalProcess> processes, TimeSpan grace)
    {
        foreach (var process in processes)
        {
            ProcessControl.Terminate(process.Pid);
        }
        var stubborn = await ProcessControl.WaitForExitAsync([.. processes], grace);
        foreach (var process in stubborn)
        {
            ProcessControl.Kill(process.Pid);
        }
        await ProcessControl.WaitForExitAsync([.. stubborn], TimeSpan.FromSeconds(5));
        return stubborn;
    }

    private static async Task<(IReadOnlyList<Member> Members, string? Problem)> MembershipAsync(
        LocalCluster cluster, CancellationToken cancellationToken)
    {
        try
        {
            var table = AzureStorageAccount.Connect(cluster.Connection.AzureStorage!, retries: 1)
                .Tables.GetTableClient("OrleansSiloInstances");
            var members = new List<Member>();
            var rows = table.QueryAsync<TableEntity>(
                e => e.PartitionKey == cluster.Connection.ClusterId, cancellationToken: cancellationToken);
            await foreach (var row in rows)
            {
                if (row.GetString("Address") is not { } address)
                {
                    continue; // the table's version row
                }
                members.Add(new Member($"{address}:{row.GetString("Port")}@{row.GetString("Generation")}", row.GetString("SiloName") ?? "",
                    row.GetString("Status") ?? "", row.GetString("IAmAliveTime") ?? ""));
            }
            return (members, members.Count == 0 ? "The membership table has no silo of this cluster yet." : null);
        }
        catch (Azure.RequestFailedException e)
        {
            return ([], $"The membership table could not be read: HTTP {e.Status} {e.ErrorCode}.");
        }
    }

    private static async Task WaitForPortsAsync(LocalProcess process, int[] ports, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        foreach (var port in ports)
        {
            while (true)
            {
                try
                {
                    using var socket = new TcpClient();
                    await socket.ConnectAsync("127.0.0.1", port, cancellationToken);
                    break;
                }
                catch (SocketException) when (clock.Elapsed < timeout && process.IsRunning)
                {
                    await Task.Delay(200, cancellationToken);
                }
                catch (SocketException)
                {
                    throw new LocalClusterException($"{process.Name} (pid {process.Pid}) did not open port {port}" +
                        $"{(process.IsRunning ? $" within {timeout.TotalSeconds:0} s" : "; it exited")}. " +
                        $"Its log ({process.Log}) ends: {LocalTools.Tail(ReadLog(process.Log), 4)}");
                }
            }
        }
    }

    private static string ReadLog(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return new StreamReader(stream).ReadToEnd();
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    private static int[] DistinctFreePorts(int count)
    {
        var ports = new HashSet<int>();
        while (ports.Count < count)
        {
            ports.Add(WorldPlaySilo.FreePort());
        }
        return [.. ports];
    }
}
