using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;
using WorldPlay.Core.Serialization;

namespace WorldPlay.Cli.Operations;

/// <summary><c>worldplay cluster up|status|kill-silo|down</c>: a cluster of silo processes on this machine with Azurite for
/// storage and membership, no Docker needed.</summary>
internal static class ClusterCommand
{
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
            if (r.Tokens is [var token]
                && int.TryParse(token.Value, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is < 1 or > 9)
            {
                r.AddError($"--silos must be between 1 and 9 (got {n}).");
            }
        });
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds to wait for the cluster to answer before giving up and stopping what was started.",
            DefaultValueFactory = _ => 180,
        };
        var inMemory = new Option<bool>("--in-memory")
        {
            Description = "Azurite keeps its data in memory only: lost at 'cluster down', kept through silo kills. For long load runs "
                + "(Azurite's disk persistence rewrites its whole table database every few seconds and stalls them).",
        };
        var up = new Command("up", $"Start Azurite {LocalTools.AzuriteVersion} (installed with npm into the repository's " +
            ".worldplay/tools when missing) and N silo processes on free ports, " +
            "with AzureTable clustering and Azure storage; wait until the cluster answers; write the cluster file.\n" +
            "Example: worldplay cluster up --silos 3 --in-memory")
        {
            silos, dir, timeout, inMemory,
        };
        up.SetAction((r, ct) => UpAsync(
            r.GetValue(silos), Folder(r.GetValue(dir)!), TimeSpan.FromSeconds(r.GetValue(timeout)), r.GetValue(inMemory), output, error,
            ct));

        var json = new Option<bool>("--json") { Description = "Print the status as JSON." };
        var status = new Command("status", "Which of the cluster's processes are alive, and the silos as the membership table sees them.")
        {
            dir, json,
        };
        status.SetAction((r, ct) => StatusAsync(Folder(r.GetValue(dir)!), r.GetValue(json), output, ct));

        var number = new Argument<int>("silo") { Description = "The silo's number, as 'worldplay cluster status' lists it (1 to N)." };
        var killSilo = new Command(
            "kill-silo", "Kill one silo process with SIGKILL (no shutdown, as when its machine dies), to test failover.")
        {
            number, dir,
        };
        killSilo.SetAction(r => KillSilo(r.GetValue(number), Folder(r.GetValue(dir)!), output));

        var down = new Command(
            "down", "Stop every process the cluster started (silos gracefully, then Azurite), by PID, and check that none is left.")
        {
            dir,
        };
        down.SetAction((r, _) => DownAsync(Folder(r.GetValue(dir)!), output));

        return new Command("cluster", "A local cluster without Docker: Azurite and silo processes on this machine.")
        {
            up, status, killSilo, down,
        };
    }

    private static string Folder(DirectoryInfo dir) => Path.GetFullPath(dir.FullName);

    private static async Task<int> UpAsync(
        int count, string folder, TimeSpan timeout, bool inMemory, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        OutputTarget.Folder(new DirectoryInfo(folder), "--dir");
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        var cluster = await LocalClusterControl.UpAsync(
            folder, count, timeout, Environment.CurrentDirectory, new UpProgress(console, error), cancellationToken, inMemory);

        var table = new Table().Border(TableBorder.Rounded).AddColumns("process", "pid", "address", "log");
        var azurite = cluster.Azurite!;
        table.AddRow("azurite", $"{azurite.Process.Pid}", $"blob 127.0.0.1:{azurite.BlobPort}, table 127.0.0.1:{azurite.TablePort}",
            Markup.Escape(azurite.Process.Log));
        foreach (var silo in cluster.Silos)
        {
            table.AddRow($"silo {silo.Number}", $"{silo.Process.Pid}", $"127.0.0.1:{silo.SiloPort}, gateway {silo.GatewayPort}",
                Markup.Escape(silo.Process.Log));
        }
        console.Write(table);
        var file = Markup.Escape(LocalCluster.FileIn(folder));
        console.MarkupLine(
            $"Cluster [bold]{Markup.Escape(cluster.Connection.ClusterId)}[/] is up with {count} silo(s). Cluster file: [bold]{file}[/]");
        console.MarkupLine($"Play a scene on it: [bold]worldplay simulate --cluster {file} --turns 300[/]");
        return 0;
    }

    /// <summary>Steps in dim lines, warnings on standard error, the wait for the silos as a live status line.</summary>
    private sealed class UpProgress(IAnsiConsole console, TextWriter error) : IClusterUpProgress
    {
        public void Warn(string message) => error.WriteLine(message);

        public void Step(string message) => console.MarkupLine($"[dim]{Markup.Escape(message)}[/]");

        public Task WaitAsync(string status, Func<Action<string>, Task> wait) =>
            console.Status().StartAsync(status, context => wait(line => context.Status(line)));
    }

    private static async Task<int> StatusAsync(string folder, bool json, TextWriter output, CancellationToken cancellationToken)
    {
        var (cluster, processes, members, membershipProblem) = await LocalClusterControl.StatusAsync(folder, cancellationToken);

        if (json)
        {
            var node = new JsonObject
            {
                ["clusterId"] = cluster.Connection.ClusterId,
                ["processes"] = new JsonArray([.. processes.Select(p => (JsonNode)new JsonObject
                {
                    ["name"] = p.Process.Name, ["pid"] = p.Process.Pid, ["alive"] = p.Alive, ["log"] = p.Process.Log,
                })]),
                ["membership"] = new JsonArray([.. members.Select(m => (JsonNode)new JsonObject
                {
                    ["address"] = m.Address, ["name"] = m.Name, ["status"] = m.Status, ["iAmAlive"] = m.IAmAlive,
                })]),
            };
            if (membershipProblem is not null)
            {
                node["membershipProblem"] = membershipProblem;
            }
            output.WriteLine(node.ToJsonString(CoreSerialization.IndentedJson));
            return 0;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        console.MarkupLine($"Cluster [bold]{Markup.Escape(cluster.Connection.ClusterId)}[/], started {cluster.StartedAt:u}; " +
            $"file {Markup.Escape(LocalCluster.FileIn(folder))}");
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
            var membership = new Table().Border(TableBorder.Rounded).Title("membership table")
                .AddColumns("silo", "name", "status", "last I-am-alive");
            foreach (var m in members)
            {
                var memberStatus = m.Status == "Active" ? $"[green]{m.Status}[/]" : Markup.Escape(m.Status);
                membership.AddRow(Markup.Escape(m.Address), Markup.Escape(m.Name), memberStatus, Markup.Escape(m.IAmAlive));
            }
            console.Write(membership);
        }
        return 0;
    }

    private static int KillSilo(int number, string folder, TextWriter output)
    {
        var silo = LocalClusterControl.KillSilo(folder, number);
        output.WriteLine($"Killed silo {number} (pid {silo.Process.Pid}) with SIGKILL. " +
            "The other silos declare it dead once their probes fail; 'worldplay cluster status' shows when.");
        return 0;
    }

    private static async Task<int> DownAsync(string folder, TextWriter output)
    {
        var (cluster, stopped) = await LocalClusterControl.DownAsync(folder);
        foreach (var (process, outcome) in stopped)
        {
            var how = outcome switch
            {
                StopOutcome.AlreadyGone => "was already gone",
                StopOutcome.Killed => "killed after it did not stop in time",
                _ => "stopped",
            };
            output.WriteLine($"{process.Name} (pid {process.Pid}): {how}");
        }
        output.WriteLine(
            $"Cluster {cluster.Connection.ClusterId} is down; no process it started is left. Logs and Azurite's data stay in {folder}.");
        return 0;
    }
}
