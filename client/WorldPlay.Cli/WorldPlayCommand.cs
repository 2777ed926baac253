using System.CommandLine;
using System.CommandLine.Parsing;
using WorldPlay.Cli.Bench;
using WorldPlay.Cli.Operations;
using WorldPlay.Cli.Preferences;
using WorldPlay.Cli.Scenes;
using WorldPlay.Cli.Synthesis;
using WorldPlay.Cli.Timelines;
using WorldPlay.Core;
using WorldPlay.Core.Worlds;
using WorldPlay.Hosting;

namespace WorldPlay.Cli;

/// <summary>The <c>worldplay</c> command: its subcommands and how errors a user can cause are reported.</summary>
public static class WorldPlayCommand
{
    /// <summary>Exit code for input the user can fix (unknown world, bad file, bad option value).</summary>
    public const int BadInput = 2;

    /// <summary>Exit code when a run finished but the world breaks its own laws.</summary>
    public const int LawsBroken = 3;

    /// <summary>Exit code when a run could not go on: a turn kept failing (the model, a silo or storage away) after every retry.
    /// The world keeps every turn committed before it.</summary>
    public const int RunStopped = 4;

    /// <summary>Exit code when a load run found turns acknowledged to it missing from storage, or gaps in a stored timeline.</summary>
    public const int TurnsLost = 5;

    /// <summary>Exit code for a failure nobody foresaw (a bug): one line, and the stack trace only with WORLDPLAY_TRACE=1.</summary>
    public const int Unexpected = 1;

    /// <summary>Runs the command <paramref name="args"/> ask for; <paramref name="cancellationToken"/> stops it as Ctrl+C does.</summary>
    public static async Task<int> RunAsync(
        string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand(
            "WorldPlay: multi-character role-play worlds on Orleans. Characters, worlds and scenes are virtual actors; " +
            "every change to a world is an event checked against its laws, and every timeline can be replayed.")
        {
            SimulateCommand.Create(output ?? Console.Out, error ?? Console.Error),
            ReplayCommand.Create(output ?? Console.Out),
            DiffCommand.Create(output ?? Console.Out),
            WhyCommand.Create(output ?? Console.Out),
            ForkCommand.Create(output ?? Console.Out),
            ExportCommand.Create(output ?? Console.Out),
            ExportCommand.CreateImport(output ?? Console.Out),
            ClusterCommand.Create(output ?? Console.Out, error ?? Console.Error),
            ServeCommand.Create(output ?? Console.Out, error ?? Console.Error),
            KeysCommand.Create(output ?? Console.Out, error ?? Console.Error),
            FakeLlmCommand.Create(output ?? Console.Out, error ?? Console.Error),
            BenchCommand.Create(output ?? Console.Out, error ?? Console.Error),
            LoadCommand.Create(output ?? Console.Out, error ?? Console.Error),
            SynthCommand.Create(output ?? Console.Out, error ?? Console.Error),
            PrefsCommand.Create(output ?? Console.Out, error ?? Console.Error),
        };
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
            EnableDefaultExceptionHandler = false,
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // One clear message per mistake, and where to read more, instead of the whole help text.
            foreach (var mistake in parsed.Errors)
            {
                configuration.Error.WriteLine($"error: {mistake.Message}");
            }
            configuration.Error.WriteLine($"Run '{string.Join(' ', ["worldplay", .. CommandPath(parsed.CommandResult)])} --help' to see " +
                "what it takes.");
            return BadInput;
        }
        try
        {
            return await parsed.InvokeAsync(configuration, cancellationToken);
        }
        catch (Exception e) when (IsUserError(e))
        {
            (error ?? Console.Error).WriteLine($"error: {e.Message}");
            return BadInput;
        }
        catch (Exception e) when (WorldPlay.Client.Resilience.IsTransient(e) || e is WorldPlay.Contracts.ModelUnreachableException)
        {
            (error ?? Console.Error).WriteLine($"error: {e.Message.Split('\n', 2)[0]}");
            return RunStopped;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var trace = Environment.GetEnvironmentVariable("WORLDPLAY_TRACE") == "1";
            (error ?? Console.Error).WriteLine(trace
                ? $"error: unexpected {e}"
                : $"error: unexpected {e.GetType().Name}: {e.Message.Split('\n', 2)[0]} (a bug; run again with WORLDPLAY_TRACE=1 for " +
                    "where it happened)");
            return Unexpected;
        }
    }

    private static IEnumerable<string> CommandPath(CommandResult? result) =>
        result is null || result.Parent is not CommandResult parent ? [] : [.. CommandPath(parent), result.Command.Name];

    private static bool IsUserError(Exception e) =>
        e is WorldFileException or TimelineFileException or WorldPlay.Evaluation.Transcripts.TranscriptFormatException or ArgumentException
            or WorldPlay.Evaluation.Calibration.LabelledCorpusException or WorldPlay.Synthesis.Preferences.SignalFileException
            or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException
            or ClusterFileException or ClusterUnreachableException or LocalClusterException or OutputTargetException
            or PortTakenException;
}
