using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using WorldPlay.Client;
using WorldPlay.Hosting;

namespace WorldPlay.Cli.Tests;

/// <summary>The timeline commands on a world on a cluster (<c>--cluster FILE --world KEY</c>): an embedded silo in this process,
/// described by a Static cluster file that points at its gateway, with one world simulated on it through the CLI.</summary>
public sealed class ClusterModeTests
{
    [Fact]
    public async Task ReplayForkExport_WorldOnACluster_SameStatesAsTheFileForms()
    {
        using var scratch = new ScratchFolder();
        var silo = await WorldPlaySilo.StartEmbeddedAsync();
        try
        {
            var cluster = WriteClusterFile(scratch, silo);
            var simulate = await CliRun.Of("simulate", "--cluster", cluster, "--world", "harbor", "--turns", "20", "--seed", "5", "--json");
            var key = Assert.Single(await new WorldPlayClient(silo.Services.GetRequiredService<IGrainFactory>()).WorldsAsync());

            var replay = await CliRun.Of("replay", "--cluster", cluster, "--world", key, "--at-turn", "10", "--json");
            var fork = await CliRun.Of("fork", "--cluster", cluster, "--world", key, "--at-turn", "10", "--name", "harbor-other", "--json");
            var branchReplay = await CliRun.Of("replay", "--cluster", cluster, "--world", "harbor-other", "--at-turn", "10", "--json");
            var exported = scratch.File("exported.wptl");
            var export = await CliRun.Of("export", "--cluster", cluster, "--world", key, "--out", exported);
            var fileReplay = await CliRun.Of("replay", exported, "--branch", key, "--at-turn", "10", "--json");
            var fileBranchReplay = await CliRun.Of("replay", exported, "--branch", "harbor-other", "--at-turn", "10", "--json");
            var diff = await CliRun.Of("diff", "--cluster", cluster, "--world", key, "--against", "harbor-other", "--json");

            string Hash(CliRun run) => run.ExitCode == 0 ? run.Json["stateHash"]!.GetValue<string>() : run.Error;
            var hash = Hash(replay);
            Assert.Equal(
                (0, 0, "harbor-other", key, 10, hash, 0, hash, hash, 0),
                (simulate.ExitCode, replay.ExitCode,
                 fork.ExitCode == 0 ? fork.Json["branch"]!.GetValue<string>() : fork.Error,
                 fork.ExitCode == 0 ? fork.Json["parent"]!.GetValue<string>() : fork.Error,
                 fork.ExitCode == 0 ? fork.Json["forkTurn"]!.GetValue<int>() : -1,
                 Hash(branchReplay), export.ExitCode, Hash(fileReplay), Hash(fileBranchReplay), diff.ExitCode));
        }
        finally
        {
            await silo.StopAsync(CancellationToken.None);
            silo.Dispose();
        }
    }

    [Theory]
    [InlineData("replay")]
    [InlineData("fork")]
    public async Task Command_FileAndCluster_OneErrorLineAndBadInput(string command)
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("world.wptl", "not read");
        var cluster = scratch.Write("cluster.json", "{}");

        var run = await CliRun.Of(command, file, "--cluster", cluster, "--world", "harbor", "--at-turn", "1");

        Assert.Equal((2, 1, true),
            (run.ExitCode, run.Error.Trim().Split('\n').Length, run.Error.StartsWith("error:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Replay_ClusterWithoutWorld_SaysWhatToGive()
    {
        using var scratch = new ScratchFolder();

        var run = await CliRun.Of("replay", "--cluster", scratch.Write("cluster.json", "{}"));

        Assert.Equal((2, true), (run.ExitCode, run.Error.Contains("--world KEY", StringComparison.Ordinal)));
    }

    private static string WriteClusterFile(ScratchFolder scratch, IHost silo)
    {
        var gateway = silo.Services.GetRequiredService<IOptions<EndpointOptions>>().Value.GatewayPort;
        var ids = silo.Services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        return scratch.Write("cluster.json",
            $$"""{ "clustering": "Static", "gateways": ["127.0.0.1:{{gateway}}"],""" +
            $$""" "clusterId": "{{ids.ClusterId}}", "serviceId": "{{ids.ServiceId}}" }""");
    }
}
