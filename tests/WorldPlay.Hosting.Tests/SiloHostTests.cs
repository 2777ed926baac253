using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace WorldPlay.Hosting.Tests;

/// <summary>The silo host as operators meet it: help, configuration errors, failing fast without storage, the startup line,
/// graceful stop.</summary>
public sealed class SiloHostTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    /// <summary>Azurite's well-known development key, aimed at a port where nothing listens.</summary>
    private static string ClosedStorage(int port) => AzureStorageAccount.Azurite(port, port, port);

    private static Dictionary<string, string> AzureCluster(int storagePort) => new()
    {
        ["WORLDPLAY_WorldPlay__Clustering"] = "AzureTable",
        ["WORLDPLAY_WorldPlay__Storage"] = "Azure",
        ["WORLDPLAY_WorldPlay__AzureStorage"] = ClosedStorage(storagePort),
        ["WORLDPLAY_WorldPlay__SiloPort"] = $"{WorldPlaySilo.FreePort()}",
        ["WORLDPLAY_WorldPlay__GatewayPort"] = $"{WorldPlaySilo.FreePort()}",
        ["WORLDPLAY_WorldPlay__AdvertisedAddress"] = "127.0.0.1",
    };

    [Fact]
    public async Task Silo_StorageUnreachable_ExitsWithCodeFourAndOneLine()
    {
        var port = WorldPlaySilo.FreePort();
        using var silo = SiloProcess.Start(AzureCluster(port));

        var code = await silo.ExitCodeAsync(Bound);

        var lines = silo.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal((4, 1), (code, lines.Length));
    }

    [Fact]
    public async Task Silo_StorageUnreachable_SaysEndpointAndWhatToCheckWithoutTheKey()
    {
        var port = WorldPlaySilo.FreePort();
        using var silo = SiloProcess.Start(AzureCluster(port));

        await silo.ExitCodeAsync(Bound);

        Assert.Equal(
            (true, true, false),
            (silo.Error.Contains($"http://127.0.0.1:{port}/devstoreaccount1", StringComparison.Ordinal),
             silo.Error.Contains("WORLDPLAY_WorldPlay__AzureStorage", StringComparison.Ordinal),
             silo.Error.Contains("Eby8vdM02", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Silo_CommandLineOverridesEnvironment_ConfigurationErrorExitsWithCodeTwo()
    {
        using var silo = SiloProcess.Start(new Dictionary<string, string> { ["WORLDPLAY_WorldPlay__Storage"] = "Memory" },
            "--WorldPlay:Storage", "Disk");

        var code = await silo.ExitCodeAsync(Bound);

        Assert.Equal((2, true),
            (code, silo.Error.Contains("WorldPlay:Storage is 'Disk'; allowed: Memory, Azure.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Silo_Help_ListsEveryKeyWithItsEnvironmentForm()
    {
        using var silo = SiloProcess.Start(null, "--help");

        await silo.ExitCodeAsync(Bound);

        Assert.All(WorldPlayOptions.Keys, key => Assert.Contains(key.EnvironmentVariable, silo.Output));
    }

    [Fact]
    public async Task Silo_Localhost_PrintsWhatItConnectedToAndStopsGracefullyOnSigterm()
    {
        var (siloPort, gatewayPort) = (WorldPlaySilo.FreePort(), WorldPlaySilo.FreePort());
        using var silo = SiloProcess.Start(null, "--WorldPlay:SiloPort", $"{siloPort}", "--WorldPlay:GatewayPort", $"{gatewayPort}");
        await silo.WaitForOutputAsync("is up:", Bound);

        silo.Terminate();
        var code = await silo.ExitCodeAsync(Bound);

        Assert.Equal((0, true),
            (code, silo.Output.Contains($"silo port {siloPort}, gateway port {gatewayPort}", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AddWorldPlay_StorageUnreachable_HostStartFailsBeforeJoining()
    {
        var options = new WorldPlayOptions
        {
            Clustering = ClusteringKind.AzureTable,
            Storage = StorageKind.Azure,
            AzureStorage = ClosedStorage(WorldPlaySilo.FreePort()),
            SiloPort = WorldPlaySilo.FreePort(),
            GatewayPort = WorldPlaySilo.FreePort(),
            AdvertisedAddress = "127.0.0.1",
        };
        using var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.ClearProviders())
            .UseOrleans(silo => silo.AddWorldPlay(options))
            .Build();

        var failure = await Record.ExceptionAsync(() => host.StartAsync());

        Assert.IsType<StorageUnreachableException>(Innermost<StorageUnreachableException>(failure));
    }

    private static T? Innermost<T>(Exception? e)
        where T : Exception => e switch
        {
            null => null,
            T found => found,
            AggregateException aggregate => aggregate.InnerExceptions.Select(Innermost<T>).FirstOrDefault(f => f is not null),
            _ => Innermost<T>(e.InnerException),
        };
}
