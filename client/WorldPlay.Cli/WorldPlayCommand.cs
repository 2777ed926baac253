using System.CommandLine;
using WorldPlay.Core;
using WorldPlay.Core.Worlds;

namespace WorldPlay.Cli;

/// <summary>The <c>worldplay</c> command: its subcommands and how errors a user can cause are reported.</summary>
public static class WorldPlayCommand
{
    /// <summary>Exit code for input the user can fix (unknown world, bad file, bad option value).</summary>
    public const int BadInput = 2;

    /// <summary>Exit code when a run finished but the world breaks its own laws.</summary>
    public const int LawsBroken = 3;

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var root = new RootCommand(
            "WorldPlay: multi-character role-play worlds on Orleans. Characters, worlds and scenes are virtual actors; " +
            "every change to a world is an event checked against its laws, and every timeline can be replayed.")
        {
            SimulateCommand.Create(output ?? Console.Out, error ?? Console.Error),
            ReplayCommand.Create(output ?? Console.Out),
        };
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return await root.Parse(args).InvokeAsync(configuration);
        }
        catch (Exception e) when (IsUserError(e))
        {
            (error ?? Console.Error).WriteLine($"error: {e.Message}");
            return BadInput;
        }
    }

    private static bool IsUserError(Exception e) =>
        e is WorldFileException or TimelineFileException or ArgumentException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException;
}
