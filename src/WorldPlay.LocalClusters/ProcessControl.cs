using System.Diagnostics;
using System.Runtime.InteropServices;

namespace WorldPlay.LocalClusters;

/// <summary>Starting background processes that outlive this command, and finding and signalling them again by PID.</summary>
public static class ProcessControl
{
    private const int SigTerm = 15;

    /// <summary>Starts <paramref name="program"/> in the background with its output appended to <paramref name="log"/>, immune to
    /// the terminal closing, and returns its PID. The shell execs the program, so the PID is the program's own.</summary>
    public static int StartDetached(
        string program, IEnumerable<string> arguments, string log, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("log=\"$1\"; shift; trap '' HUP; exec \"$@\" </dev/null >>\"$log\" 2>&1");
        start.ArgumentList.Add("worldplay-cluster");
        start.ArgumentList.Add(log);
        start.ArgumentList.Add(program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        return process.Id;
    }

    /// <summary>Whether <paramref name="pid"/> runs and is still the process that was started (its command line holds
    /// <paramref name="marker"/>), not another that reused the PID.</summary>
    public static bool IsRunning(int pid, string marker)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                // A zombie (exited, not yet reaped) has an empty command line, so it counts as gone. So, for a moment, has a
                // process that is replacing its program (exec: the shell that starts Azurite or a silo execs it), which must not:
                // an empty command line is read again until it shows the new program, or the process turns out a zombie.
                for (var attempt = 0; ; attempt++)
                {
                    var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
                    if (commandLine.Length > 0 || attempt == 20 || IsZombie(pid))
                    {
                        return commandLine.Contains(marker, StringComparison.Ordinal);
                    }
                    Thread.Sleep(25);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Whether the process has exited and waits to be reaped (state Z or X in /proc/PID/stat).</summary>
    private static bool IsZombie(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var state = stat.LastIndexOf(')') is var end and >= 0 && end + 2 < stat.Length ? stat[end + 2] : 'Z';
        return state is 'Z' or 'X';
    }

    /// <summary>Asks the process to stop (SIGTERM), as Ctrl+C would.</summary>
    public static void Terminate(int pid)
    {
        if (kill(pid, SigTerm) != 0)
        {
            Kill(pid);
        }
    }

    /// <summary>Stops the process at once (SIGKILL): no shutdown, as when a machine dies.</summary>
    public static void Kill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>Waits until none of <paramref name="processes"/> runs, or <paramref name="timeout"/> passes; returns those still
    /// running.</summary>
    public static async Task<IReadOnlyList<LocalProcess>> WaitForExitAsync(IReadOnlyCollection<LocalProcess> processes, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var running = processes.Where(p => p.IsRunning).ToList();
            if (running.Count == 0 || clock.Elapsed > timeout)
            {
                return running;
            }
            await Task.Delay(200);
        }
    }

    // DllImport rather than LibraryImport: the source-generated form needs unsafe code enabled for the whole library.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int kill(int pid, int signal);
}
