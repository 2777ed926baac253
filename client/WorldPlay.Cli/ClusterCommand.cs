using System.Collections.Immutable;
using System.CommandLine;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using WorldPlay.Core.Serialization;
using WorldPlay.Hosting;

namespace WorldPlay.Cli;

/// <summary><c>worldplay cluster up|status|kill-silo|down</c>: a cluster of silo processes on this machine with Azurite for
/// storage and membership, no Docker needed.</summary>
internal static class ClusterCommand
{
    private const string ServiceId = "worldplay-local";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var dir = new Option<DirectoryInfo>("--dir")
        {
            Description = "Folder for the cluster file (cluster.json), logs and Azurite's data.",
            DefaultValueFactory = _ => new DirectoryInfo(".worldplay"),
        };

        var silos = new Option<int>("--silos") { Description = "How many silo processes to start (1 to 9).", DefaultValueFactory = _ => 3 };
        silos.Validators.Add(r =>
        {
            if (r.Tokens is [var token] && int.TryParse(token.Value, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is < 1 or > 9)
            {
                r.AddError($"--silos must be between 1 and 9 (got {n}).");
            }
        });
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the cluster to answer before giving up and stopping what was started.", DefaultValueFactory = _ => 180 };
        var up = new Command("up", $"Start Azurite {LocalTools.AzuriteVersion} (installed with npm into the repository's .worldplay/tools when missing) and N silo processes on free ports, " +
            "with AzureTable clustering and Azure storage; wait until the cluster answers; write the cluster file.")
        {
            silos, dir, timeout,
        };
        up.SetAction((r, ct) => UpAsync(r.GetValue(silos), Folder(r.GetValue(dir)!), TimeSpan.FromSeconds(r.GetValue(timeout)), output, error, ct));

        var json = new Option<bool>("--json") { Description = "Print the status as JSON." };
        var status = new Command("status", "Which of the cluster's processes are alive, and the silos as the membership table sees them.") { dir, json };
        status.SetAction((r, ct) => StatusAsync(Folder(r.GetValue(dir)!), r.GetValue(json), output, ct));

        var number = new Argument<int>("silo") { Description = "The silo's number, as 'worldplay cluster status' lists it (1 to N)." };
        var killSilo = new Command("kill-silo", "Kill one silo process with SIGKILL (no shutdown, as when its machine dies), to test failover.") { number, dir };
        killSilo.SetAction(r => KillSilo(r.GetValue(number), Folder(r.GetValue(dir)!), output));

        var down = new Command("down", "Stop every process the cluster started (silos gracefully, then Azurite), by PID, and check that none is left.") { dir };
        down.SetAction((r, _) => DownAsync(Folder(r.GetValue(dir)!), output));

        return new Command("cluster", "A local cluster without Docker: Azurite and silo processes on this machine.") { up, status, killSilo, down };
    }

    private static string Folder(DirectoryInfo dir) => Path.GetFullPath(dir.FullName);

    private static async Task<int> UpAsync(int count, string folder, TimeSpan timeout, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new LocalClusterException("'worldplay cluster' runs on Linux and macOS; on Windows use WSL or docker-compose (docs/operations.md).");
        }
        OutputTarget.Folder(new DirectoryInfo(folder), "--dir");
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        if (LocalCluster.Read(folder) is { } existing)
        {
            var running = existing.Processes.Where(p => p.IsRunning).ToList();
            if (running.Count > 0)
            {
                throw new LocalClusterException($"A cluster is already up in {folder} ({string.Join(", ", running.Select(p => $"{p.Name} pid {p.Pid}"))}). " +
                    $"Stop it with 'worldplay cluster down --dir {folder}', or start another with a different --dir.");
            }
            error.WriteLine($"note: {LocalCluster.FileIn(folder)} describes a cluster whose processes are gone (stale PIDs {string.Join(", ", existing.Processes.Select(p => p.Pid))}); replacing it.");
        }

        var tools = LocalTools.Find(Environment.CurrentDirectory);
        void Say(string line) => console.MarkupLine($"[dim]{Markup.Escape(line)}[/]");
        var (node, azuriteScript) = await tools.AzuriteAsync(Say, cancellationToken);
        var siloDll = await tools.SiloAsync(Say, cancellationToken);

        var logs = Path.Combine(folder, "logs");
        var data = Path.Combine(folder, "azurite");
        Directory.CreateDirectory(logs);
        Directory.CreateDirectory(data);
        var ports = DistinctFreePorts(3 + (2 * count));
        var connectionString = AzureStorageAccount.Azurite(ports[0], ports[1], ports[2]);
        var clusterId = $"local-{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var cluster = new LocalCluster(
            new ClusterFile(ClientClusteringKind.AzureTable, connectionString, [], clusterId, ServiceId), folder, DateTimeOffset.UtcNow, null, []);

        try
        {
            var azuriteLog = Path.Combine(logs, "azurite.log");
            var azuritePid = ProcessControl.StartDetached(node,
                [azuriteScript, "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--location", data,
                 "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                 "--blobPort", $"{ports[0]}", "--queuePort", $"{ports[1]}", "--tablePort", $"{ports[2]}"],
                azuriteLog, new Dictionary<string, string>());
            cluster = cluster with { Azurite = new AzuriteProcess(new LocalProcess("azurite", azuritePid, azuriteLog, data), ports[0], ports[1], ports[2], data) };
            cluster.Write();
            await WaitForPortsAsync(cluster.Azurite.Process, [ports[0], ports[2]], TimeSpan.FromSeconds(30), cancellationToken);
            Say($"Azurite {LocalTools.AzuriteVersion} (pid {azuritePid}) serves blobs on 127.0.0.1:{ports[0]} and tables on 127.0.0.1:{ports[2]}; data in {data}.");

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
                var pid = ProcessControl.StartDetached(LocalTools.Dotnet, [siloDll, $"--{WorldPlayOptions.Section}:ClusterId", clusterId], log, environment);
                started.Add(new SiloProcess(i + 1, new LocalProcess($"silo {i + 1}", pid, log, clusterId), siloPort, gatewayPort));
                cluster = cluster with { Silos = started.ToImmutable() };
                cluster.Write();
            }

            await WaitForClusterAsync(console, cluster, timeout, cancellationToken);
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

        var table = new Table().Border(TableBorder.Rounded).AddColumns("process", "pid", "address", "log");
        table.AddRow("azurite", $"{cluster.Azurite!.Process.Pid}", $"blob 127.0.0.1:{cluster.Azurite.BlobPort}, table 127.0.0.1:{cluster.Azurite.TablePort}", Markup.Escape(cluster.Azurite.Process.Log));
        foreach (var silo in cluster.Silos)
        {
            table.AddRow($"silo {silo.Number}", $"{silo.Process.Pid}", $"127.0.0.1:{silo.SiloPort}, gateway {silo.GatewayPort}", Markup.Escape(silo.Process.Log));
        }
        console.Write(table);
        console.MarkupLine($"Cluster [bold]{Markup.Escape(clusterId)}[/] is up with {count} silo(s). Cluster file: [bold]{Markup.Escape(LocalCluster.FileIn(folder))}[/]");
        console.MarkupLine($"Play a scene on it: [bold]worldplay simulate --cluster {Markup.Escape(LocalCluster.FileIn(folder))} --turns 300[/]");
        return 0;
    }

    private static async Task WaitForClusterAsync(IAnsiConsole console, LocalCluster cluster, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var count = cluster.Silos.Length;
        await console.Status().StartAsync($"Waiting for {count} silo(s) to join the cluster...", async context =>
        {
            var active = 0;
            string? lastProblem = null;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var silo in cluster.Silos.Where(s => !s.Process.IsRunning))
                {
                    throw new LocalClusterException($"Silo {silo.Number} (pid {silo.Process.Pid}) exited while starting. Its log ({silo.Process.Log}) ends: {LocalTools.Tail(ReadLog(silo.Process.Log), 4)}");
                }
                if (clock.Elapsed > timeout)
                {
                    throw new LocalClusterException($"The cluster did not answer within {timeout.TotalSeconds:0} s ({active} of {count} silos active{(lastProblem is null ? "" : $"; last: {lastProblem}")}). See the logs in {Path.GetDirectoryName(cluster.Silos[0].Process.Log)}.");
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
                context.Status($"Waiting for the cluster: {active} of {count} silo(s) active ({clock.Elapsed.TotalSeconds:0} s)");
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        });
    }

    private static async Task<int> StatusAsync(string folder, bool json, TextWriter output, CancellationToken cancellationToken)
    {
        var cluster = LocalCluster.Read(folder) ?? throw new LocalClusterException($"No cluster in {folder}: there is no {LocalCluster.FileName}. Start one with 'worldplay cluster up'.");
        var processes = cluster.Processes.Select(p => (Process: p, Alive: p.IsRunning)).ToList();
        var (members, membershipProblem) = cluster.Azurite is { } azurite && azurite.Process.IsRunning
            ? await MembershipAsync(cluster, cancellationToken)
            : ([], "Azurite is not running, so the membership table cannot be read.");

        if (json)
        {
            var node = new JsonObject
            {
                ["clusterId"] = cluster.Connection.ClusterId,
                ["processes"] = new JsonArray([.. processes.Select(p => (JsonNode)new JsonObject { ["name"] = p.Process.Name, ["pid"] = p.Process.Pid, ["alive"] = p.Alive, ["log"] = p.Process.Log })]),
                ["membership"] = new JsonArray([.. members.Select(m => (JsonNode)new JsonObject { ["address"] = m.Address, ["name"] = m.Name, ["status"] = m.Status, ["iAmAlive"] = m.IAmAlive })]),
            };
            if (membershipProblem is not null)
            {
                node["membershipProblem"] = membershipProblem;
            }
            output.WriteLine(node.ToJsonString(CoreSerialization.IndentedJson));
            return 0;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        console.MarkupLine($"Cluster [bold]{Markup.Escape(cluster.Connection.ClusterId)}[/], started {cluster.StartedAt:u}; file {Markup.Escape(LocalCluster.FileIn(folder))}");
        var table = new Table().Border(TableBorder.Rounded).AddColumns("process", "pid", "alive", "log");
        foreach (var (process, alive) in processes)
        {
            table.AddRow(process.Name, $"{process.Pid}", alive ? "[green]yes[/]" : "[red]no[/]", Markup.Escape(process.Log));
        }
        console.Write(table);
        if (membershipProblem is not null)
        {
            console.MarkupLine($"[yellow]{Markup.Escape(membershipProblem)}[/]");
        }
        else
        {
            var membership = new Table().Border(TableBorder.Rounded).Title("membership table").AddColumns("silo", "name", "status", "last I-am-alive");
            foreach (var m in members)
            {
                membership.AddRow(Markup.Escape(m.Address), Markup.Escape(m.Name), m.Status == "Active" ? $"[green]{m.Status}[/]" : Markup.Escape(m.Status), Markup.Escape(m.IAmAlive));
            }
            console.Write(membership);
        }
        return 0;
    }

    private static int KillSilo(int number, string folder, TextWriter output)
    {
        var cluster = LocalCluster.Read(folder) ?? throw new LocalClusterException($"No cluster in {folder}: there is no {LocalCluster.FileName}.");
        var silo = cluster.Silos.FirstOrDefault(s => s.Number == number)
            ?? throw new LocalClusterException($"There is no silo {number}; this cluster has silos 1 to {cluster.Silos.Length}.");
        if (!silo.Process.IsRunning)
        {
            throw new LocalClusterException($"Silo {number} (pid {silo.Process.Pid}) is not running any more; nothing to kill.");
        }
        ProcessControl.Kill(silo.Process.Pid);
        output.WriteLine($"Killed silo {number} (pid {silo.Process.Pid}) with SIGKILL. The other silos declare it dead once their probes fail; 'worldplay cluster status' shows when.");
        return 0;
    }

    private static async Task<int> DownAsync(string folder, TextWriter output)
    {
        var cluster = LocalCluster.Read(folder) ?? throw new LocalClusterException($"Nothing to stop: there is no {LocalCluster.FileName} in {folder}.");
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
            throw new LocalClusterException($"Could not stop {string.Join(", ", left.Select(p => $"{p.Name} (pid {p.Pid})"))}; the cluster file stays in {folder}.");
        }
        File.Delete(LocalCluster.FileIn(folder));
        foreach (var process in cluster.Processes)
        {
            var how = gone.Contains(process) ? "was already gone" : forced.Contains(process) ? "killed after it did not stop in time" : "stopped";
            output.WriteLine($"{process.Name} (pid {process.Pid}): {how}");
        }
        output.WriteLine($"Cluster {cluster.Connection.ClusterId} is down; no process it started is left. Logs and Azurite's data stay in {folder}.");
        return 0;
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

    private static async Task<(IReadOnlyList<Member> Members, string? Problem)> MembershipAsync(LocalCluster cluster, CancellationToken cancellationToken)
    {
        try
        {
            var table = AzureStorageAccount.Connect(cluster.Connection.AzureStorage!, retries: 1).Tables.GetTableClient("OrleansSiloInstances");
            var members = new List<Member>();
            await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == cluster.Connection.ClusterId, cancellationToken: cancellationToken))
            {
                if (row.GetString("Address") is not { } address)
                {
                    continue; // the table's version row
                }
                members.Add(new Member($"{address}:{row.GetString("Port")}@{row.GetString("Generation")}", row.GetString("SiloName") ?? "", row.GetString("Status") ?? "", row.GetString("IAmAliveTime") ?? ""));
            }
            return (members, members.Count == 0 ? "The membership table has no silo of this cluster yet." : null);
        }
        catch (Azure.RequestFailedException e)
        {
            return ([], $"The membership table could not be read: HTTP {e.Status} {e.ErrorCode}.");
        }
    }

    private sealed record Member(string Address, string Name, string Status, string IAmAlive);

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
                    throw new LocalClusterException($"{process.Name} (pid {process.Pid}) did not open port {port}{(process.IsRunning ? $" within {timeout.TotalSeconds:0} s" : "; it exited")}. Its log ({process.Log}) ends: {LocalTools.Tail(ReadLog(process.Log), 4)}");
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
