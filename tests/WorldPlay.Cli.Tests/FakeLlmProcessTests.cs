using System.Diagnostics;
using System.Text;

namespace WorldPlay.Cli.Tests;

/// <summary><c>worldplay fake-llm</c> as a user runs it: a child process that prints its endpoint first, serves, and on
/// SIGTERM stops gracefully and reports what it served. Sends the signal with kill(1), as on Linux and macOS.</summary>
public sealed class FakeLlmProcessTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task FakeLlm_SigTermAfterARequest_ExitsZeroAndReportsIt()
    {
        var start = new ProcessStartInfo(Dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "worldplay.dll"), "fake-llm", "--port", "0"])
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var endpoint = await FirstLineAsync(process, output);
            using var http = new HttpClient();
            await http.GetStringAsync(new Uri(endpoint.Replace("/v1", "/healthz", StringComparison.Ordinal)));

            using (var kill = Process.Start("kill", ["-TERM", $"{process.Id}"]))
            {
                await kill.WaitForExitAsync();
            }
            using var bound = new CancellationTokenSource(Bound);
            await process.WaitForExitAsync(bound.Token);
            process.WaitForExit(); // flushes the redirected output

            Assert.Equal((0, true), (process.ExitCode, output.ToString().Contains("Stopped after", StringComparison.Ordinal)));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>The first line printed, which is the endpoint to use; fails when the process exits first or the bound passes.</summary>
    private static async Task<string> FirstLineAsync(Process process, StringBuilder output)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Bound && !process.HasExited)
        {
            lock (output)
            {
                if (output.ToString().Split('\n') is [var first, _, ..]
                    && first.Trim().StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
                {
                    return first.Trim();
                }
            }
            await Task.Delay(50);
        }
        Assert.Fail($"fake-llm never printed its endpoint. Output: {output}");
        return "";
    }

    private static string Dotnet =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
