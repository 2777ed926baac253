using System.Diagnostics;
using System.Text;

namespace WorldPlay.Hosting.Tests;

/// <summary>The real silo host as a child process, with what it prints.</summary>
internal sealed class SiloProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private SiloProcess(Process process)
    {
        _process = process;
    }

    public static SiloProcess Start(IReadOnlyDictionary<string, string>? environment = null, params string[] arguments)
    {
        var start = new ProcessStartInfo(Dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Repository.SiloDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        var silo = new SiloProcess(Process.Start(start)!);
        silo._process.OutputDataReceived += (_, e) => { lock (silo._output) { silo._output.AppendLine(e.Data); } };
        silo._process.ErrorDataReceived += (_, e) => { lock (silo._error) { silo._error.AppendLine(e.Data); } };
        silo._process.BeginOutputReadLine();
        silo._process.BeginErrorReadLine();
        return silo;
    }

    public int Pid => _process.Id;

    public string Output { get { lock (_output) { return _output.ToString(); } } }

    public string Error { get { lock (_error) { return _error.ToString(); } } }

    /// <summary>Waits for the process to end; kills it and fails when it has not ended in <paramref name="bound"/>.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan bound)
    {
        using var timeout = new CancellationTokenSource(bound);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"The silo did not exit within {bound.TotalSeconds:0} s. Output: {Output} Error: {Error}");
        }
        _process.WaitForExit(); // flushes the redirected streams
        return _process.ExitCode;
    }

    /// <summary>Waits until the silo prints <paramref name="text"/>; fails when it exits first or the bound passes.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan bound)
    {
        var clock = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || clock.Elapsed > bound)
            {
                Assert.Fail($"The silo never printed '{text}'. Output: {Output} Error: {Error}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Sends SIGTERM, as a container runtime or systemd does when stopping a service.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", $"{_process.Id}"]);
        kill.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    private static string Dotnet =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
