using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WorldPlay.Cli.Tests;

/// <summary>The README's commands as written: every <c>dotnet run --project client/WorldPlay.Cli -- ...</c> line, read from
/// README.md and run in order in this process (the built worldplay command, not <c>dotnet run</c>) at small sizes.</summary>
internal static partial class ReadmeTour
{
    public const string Prefix = "dotnet run --project client/WorldPlay.Cli -- ";

    private const string ClusterCovered =
        "starts Azurite and silo processes (minutes, and a fixed .worldplay folder); " +
        "ClusterTests.ClusterUpSimulateDown_TwoSilos_SameScenesAsEmbeddedAndNoProcessLeft runs cluster up, simulate --cluster and " +
        "cluster down in a scratch --dir";

    /// <summary>README lines this tour does not run, each with why and the tests that cover it instead.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotRunHere = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["cluster up --silos 3"] = ClusterCovered,
        ["simulate --cluster .worldplay/cluster.json --turns 300"] = ClusterCovered,
        ["cluster kill-silo 2"] = "needs the running cluster above; ClusterTests.Load_SiloKilledHalfwayOnATwoSiloCluster_" +
            "EverySessionFinishesAndNoTurnIsLost kills a silo of a running cluster, ClusterTests.KillSilo_* check the command's argument",
        ["cluster down"] = ClusterCovered,
    };

    /// <summary>Every worldplay command line of README.md, in order, without the <see cref="Prefix"/> and comments.</summary>
    public static IReadOnlyList<string> Commands { get; } = Read(File.ReadAllText(Path.Combine(Repository.Root, "README.md")));

    public static IEnumerable<object[]> ToRun => Commands.Where(c => !NotRunHere.ContainsKey(c)).Select(c => new object[] { c });

    internal static IReadOnlyList<string> Read(string readme) =>
        [.. Continuation().Replace(readme.ReplaceLineEndings("\n"), " ").Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(l => l[Prefix.Length..])
            .Select(l => l.Contains(" #", StringComparison.Ordinal) ? l[..l.IndexOf(" #", StringComparison.Ordinal)] : l)
            .Select(l => Spaces().Replace(l, " ").Trim())];

    [GeneratedRegex(@"\\\n\s*")]
    private static partial Regex Continuation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

/// <summary>Plays the README's commands once, in order, and keeps each one's result. Sizes shrink: --turns and turn numbers
/// (--at-turn, --from, --to) by ten, --limit and --repeats to 1, --sessions to 2. Outputs under /tmp and bare file names
/// go to a scratch folder; repository paths (../shared/data too, as in the bench run tests) are read from the repository.
/// A server started in the background (fake-llm, serve) listens on a free port, whose address replaces the README's port
/// (8089, 5080) in later lines. A command that serves until Ctrl+C runs until it says where it serves, then is cancelled as
/// Ctrl+C would.</summary>
public sealed partial class ReadmeTourRun : IAsyncLifetime, IDisposable
{
    private static readonly string[] ServeUntilStopped = ["fake-llm", "serve"];

    private readonly ScratchFolder _scratch = new();
    private readonly List<(CancellationTokenSource Stop, Task<CliRun> Run)> _background = [];
    private readonly Dictionary<string, string> _ports = new(StringComparer.Ordinal);

    internal Dictionary<string, CliRun> Results { get; } = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        foreach (var command in ReadmeTour.Commands.Where(c => !ReadmeTour.NotRunHere.ContainsKey(c)))
        {
            var background = command.EndsWith(" &", StringComparison.Ordinal);
            var written = command.TrimEnd('&', ' ').Split(' ');
            var args = Shrink(written);
            if (background || ServeUntilStopped.Contains(args[0]))
            {
                var port = Array.IndexOf(written, "--port") is var at and >= 0 && at + 1 < written.Length ? written[at + 1] : null;
                Results[command] = await UntilServingAsync(args, keepRunning: background, port);
            }
            else
            {
                Results[command] = await CliRun.Of(args);
            }
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var (stop, run) in _background)
        {
            await stop.CancelAsync();
            await run;
            stop.Dispose();
        }
    }

    public void Dispose() => _scratch.Dispose();

    /// <summary>Starts a command that serves until stopped and waits until it prints where it serves; stops it unless
    /// <paramref name="keepRunning"/> (a README line ending in &amp;, which later lines use).</summary>
    private async Task<CliRun> UntilServingAsync(string[] args, bool keepRunning, string? readmePort)
    {
        var output = new SharedWriter();
        var error = new SharedWriter();
        var stop = new CancellationTokenSource();
        var run = Task.Run(async () =>
            new CliRun(await WorldPlayCommand.RunAsync(args, output, error, stop.Token), output.Text, error.Text));
        var waited = 0;
        while (!output.Text.Contains("Ctrl+C", StringComparison.Ordinal) && !run.IsCompleted && waited++ < 1200)
        {
            await Task.Delay(100);
        }
        var serving = new CliRun(run.IsCompleted ? (await run).ExitCode : 0, output.Text, error.Text);
        if (readmePort is not null && PortIn().Match(output.Text) is { Success: true } served)
        {
            _ports[readmePort] = served.Groups[1].Value;
        }
        if (keepRunning)
        {
            _background.Add((stop, run));
            return serving;
        }
        await stop.CancelAsync();
        var stopped = await run;
        stop.Dispose();
        return stopped with { ExitCode = serving.ExitCode != 0 ? serving.ExitCode : stopped.ExitCode };
    }

    private string[] Shrink(string[] args)
    {
        var shrunk = new string[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            var option = i > 0 ? args[i - 1] : "";
            var value = args[i];
            shrunk[i] = option switch
            {
                "--turns" or "--at-turn" or "--from" or "--to" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) =>
                    Math.Max(2, n / 10).ToString(CultureInfo.InvariantCulture),
                "--limit" or "--repeats" => "1",
                "--sessions" => "2",
                "--port" => "0",
                _ => Path(value),
            };
        }
        return shrunk;
    }

    private string Path(string value)
    {
        foreach (var (written, served) in _ports)
        {
            if (value.Contains($"127.0.0.1:{written}", StringComparison.Ordinal))
            {
                return value.Replace($"127.0.0.1:{written}", $"127.0.0.1:{served}", StringComparison.Ordinal);
            }
        }
        if (value.StartsWith('-') || value.Contains("://", StringComparison.Ordinal))
        {
            return value;
        }
        if (value.StartsWith("/tmp/", StringComparison.Ordinal))
        {
            return _scratch.File(value["/tmp/".Length..]);
        }
        var looksLikeFile = value.Contains('/', StringComparison.Ordinal) || value.EndsWith(".wptl", StringComparison.Ordinal)
            || value.EndsWith(".json", StringComparison.Ordinal) || value.EndsWith(".jsonl", StringComparison.Ordinal);
        if (!looksLikeFile)
        {
            return value;
        }
        var inRepository = System.IO.Path.Combine(Repository.Root, value);
        return File.Exists(inRepository) || Directory.Exists(inRepository) ? inRepository : _scratch.File(value);
    }

    [GeneratedRegex(@"127\.0\.0\.1:(\d+)")]
    private static partial Regex PortIn();
}

public sealed class ReadmeTourTests(ReadmeTourRun tour) : IClassFixture<ReadmeTourRun>
{
    public static IEnumerable<object[]> Commands => ReadmeTour.ToRun;

    [Theory]
    [MemberData(nameof(Commands))]
    public void ReadmeCommand_RunAsWritten_ExitsZero(string command)
    {
        var run = tour.Results[command];

        Assert.True(run.ExitCode == 0, $"'{command}' exited {run.ExitCode}:\n{run.Error}\n{Tail(run.Output)}");
    }

    [Fact]
    public void ReadmeCommands_NotRunHere_AreExactlyTheListedOnes() =>
        Assert.Equal(
            ReadmeTour.NotRunHere.Keys.Order(StringComparer.Ordinal),
            ReadmeTour.Commands.Where(ReadmeTour.NotRunHere.ContainsKey).Order(StringComparer.Ordinal));

    [Fact]
    public void Readme_Tour_HasTheCommandsOfEveryCommandGroup() =>
        Assert.Equal(
            ["bench", "diff", "export", "fake-llm", "fork", "keys", "load", "prefs", "replay", "serve", "simulate", "synth", "why"],
            ReadmeTour.ToRun.Select(c => ((string)c[0]).Split(' ')[0]).Where(c => !c.StartsWith('-')).Distinct()
                .Order(StringComparer.Ordinal));

    [Fact]
    public void WorldFormatDoc_MinimalExample_SameAsDocsWorldsLighthouse()
    {
        var doc = File.ReadAllText(Path.Combine(Repository.Root, "docs", "world-format.md"));
        var section = doc[doc.IndexOf("## A minimal complete example", StringComparison.Ordinal)..];
        var start = section.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        var example = JsonNode.Parse(section[start..section.IndexOf("```", start, StringComparison.Ordinal)]);

        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root, "docs", "worlds", "lighthouse.json")));

        Assert.True(JsonNode.DeepEquals(example, file), "docs/world-format.md's minimal example differs from docs/worlds/lighthouse.json");
    }

    private static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];
}

/// <summary>A text writer that a command writes on one thread while the test reads it on another.</summary>
internal sealed class SharedWriter : StringWriter
{
    private readonly Lock _gate = new();

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return ToString();
            }
        }
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            base.Write(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            base.Write(value);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (_gate)
        {
            base.Write(buffer, index, count);
        }
    }

    public override void WriteLine(string? value)
    {
        lock (_gate)
        {
            base.WriteLine(value);
        }
    }
}
