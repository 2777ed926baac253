using System.Diagnostics;

namespace WorldPlay.LocalClusters.Tests;

/// <summary>Telling a process the cluster started from another that got its PID later.</summary>
public sealed class ProcessControlTests
{
    private static readonly int Self = Environment.ProcessId;

    [Fact]
    public void IsRunning_ThisProcessWithPartOfItsCommandLine_True()
    {
        var marker = Path.GetFileName(Environment.GetCommandLineArgs()[0]);

        Assert.True(ProcessControl.IsRunning(Self, marker), $"pid {Self} with '{marker}' in its command line");
    }

    [Fact]
    public void IsRunning_ThisProcessWithAnotherMarker_False()
    {
        Assert.False(ProcessControl.IsRunning(Self, $"not-this-{Guid.NewGuid():N}"), $"pid {Self} with a foreign marker");
    }

    [Fact]
    public async Task WaitForExitAsync_ExitedProcess_NoneLeft()
    {
        using var exited = Process.Start("/bin/sh", ["-c", "exit 0"]);
        await exited.WaitForExitAsync();
        var process = new LocalProcess("sh", exited.Id, "/dev/null", "sh");

        Assert.Empty(await ProcessControl.WaitForExitAsync([process], TimeSpan.FromSeconds(5)));
    }
}
