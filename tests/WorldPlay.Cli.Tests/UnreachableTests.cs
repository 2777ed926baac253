using System.Net;
using System.Net.Sockets;

namespace WorldPlay.Cli.Tests;

/// <summary>A port someone else holds, and a model endpoint nobody answers at: one error line each, a documented exit code,
/// and no retries where a retry cannot help.</summary>
public sealed class UnreachableTests
{
    [Fact]
    public async Task Serve_PortTaken_OneErrorLineExitTwo()
    {
        using var holder = Listening(out var port);

        var run = await CliRun.Of("serve", "--dev", "--port", $"{port}");

        Assert.Equal((2, $"error: port {port} on 127.0.0.1 is taken; choose another with --port, or --port 0 for any free port."),
            (run.ExitCode, run.Error.Trim()));
    }

    [Fact]
    public async Task FakeLlm_PortTaken_OneErrorLineExitTwo()
    {
        using var holder = Listening(out var port);

        var run = await CliRun.Of("fake-llm", "--port", $"{port}");

        Assert.Equal((2, $"error: port {port} on 127.0.0.1 is taken; choose another with --port, or --port 0 for any free port."),
            (run.ExitCode, run.Error.Trim()));
    }

    [Fact]
    public async Task Simulate_EndpointRefusesConnections_StopsWithOneLineNamingTheEndpoint()
    {
        var endpoint = $"http://127.0.0.1:{ClosedPort()}/v1";

        var run = await CliRun.Of("simulate", "--mind", "openai", "--endpoint", endpoint, "--model", "m", "--turns", "5", "--quiet");

        Assert.Equal((4, 1), (run.ExitCode, run.ErrorLines.Length));
        Assert.StartsWith($"error: the run stopped: The LLM endpoint {endpoint} cannot be reached: the connection was refused", run.Error,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_EndpointRefusesWithoutOut_OffersNoResume()
    {
        var endpoint = $"http://127.0.0.1:{ClosedPort()}/v1";

        var run = await CliRun.Of("simulate", "--mind", "openai", "--endpoint", endpoint, "--model", "m", "--turns", "5", "--quiet");

        Assert.DoesNotContain("resume", run.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Simulate_EndpointRefusesWithOut_SaysWhereThePlayedTurnsAre()
    {
        using var scratch = new ScratchFolder();
        var endpoint = $"http://127.0.0.1:{ClosedPort()}/v1";

        var run = await CliRun.Of("simulate", "--mind", "openai", "--endpoint", endpoint, "--model", "m", "--turns", "5", "--quiet",
            "--out", scratch.File("t.wptl"));

        Assert.EndsWith($"are saved in {scratch.File("t.wptl")}; go on with 'worldplay simulate --from {scratch.File("t.wptl")}'.",
            run.Error.TrimEnd(), StringComparison.Ordinal);
    }

    /// <summary>A listener on a free port, holding it until disposed.</summary>
    private static TcpListener Listening(out int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        port = ((IPEndPoint)listener.LocalEndpoint).Port;
        return listener;
    }

    /// <summary>A port that was free a moment ago and that nothing listens on now.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
