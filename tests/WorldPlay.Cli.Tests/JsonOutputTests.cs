using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WorldPlay.Cli.Tests;

/// <summary>A timeline written by the worldplay program itself, for the commands that read one.</summary>
public sealed class JsonOutputFixture : IAsyncLifetime, IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public string Folder => _scratch.Path;

    public string Timeline => _scratch.File("t.wptl");

    internal ProgramRun Simulate { get; private set; } = new(-1, "", "");

    public async Task InitializeAsync()
    {
        Simulate = await ProgramRun.Of(Folder, "simulate", "--turns", "30", "--seed", "3", "--json", "--out", Timeline);
        Directory.CreateDirectory(_scratch.File("cluster"));
        _scratch.Write("cluster/cluster.json", ClusterTests.StaleCluster);
        PrefsTests.WriteSignals(_scratch, "en");
        await CliRun.Of("prefs", "denoise", Signals, "--out", Clean);
        _scratch.Write("varied.jsonl", PrefsDiversityTests.Varied);
        _scratch.Write("collapsed.jsonl", PrefsDiversityTests.Collapsed);
    }

    /// <summary>Hand-made preference signals (PrefsTests.WriteSignals) and the same denoised.</summary>
    public string Signals => _scratch.File("s.jsonl");

    public string Clean => _scratch.File("clean.jsonl");

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _scratch.Dispose();
}

/// <summary>Every command that takes <c>--json</c>, run as its own process (the built worldplay.dll): its standard output is
/// one JSON document and nothing else, whatever it reports on the way (progress and notes go to standard error).</summary>
public sealed class JsonOutputTests(JsonOutputFixture fixture) : IClassFixture<JsonOutputFixture>
{
    /// <summary>How each command with --json is run here; a command that gains --json must be added.</summary>
    private static readonly IReadOnlyDictionary<string, Func<JsonOutputFixture, string[]>> Cases =
        new Dictionary<string, Func<JsonOutputFixture, string[]>>(StringComparer.Ordinal)
        {
            ["simulate"] = _ => [],
            ["replay"] = f => ["replay", f.Timeline, "--at-turn", "10", "--json"],
            ["diff"] = f => ["diff", f.Timeline, "--from", "5", "--to", "20", "--json"],
            ["why"] = f => ["why", f.Timeline, "--relationship", "greaves:oren", "--json"],
            ["fork"] = f => ["fork", Copy(f, "fork.wptl"), "--at-turn", "10", "--name", "calmer", "--json"],
            ["export"] = f => ["export", f.Timeline, "--format", "json", "--out", Path.Combine(f.Folder, "e.json"), "--json"],
            ["import"] = f => ["import", f.Timeline, "--out", Path.Combine(f.Folder, "i.wptl"), "--json"],
            ["keys new"] = f => ["keys", "new", "--tenant", "acme", "--file", Path.Combine(f.Folder, "keys.json"), "--json"],
            ["cluster status"] = f => ["cluster", "status", "--dir", Path.Combine(f.Folder, "cluster"), "--json"],
            ["bench calibrate"] = _ => ["bench", "calibrate", BenchCalibrateTests.Fixture, "--json"],
            ["synth"] = f => ["synth", "--scenarios", SharedData.Path("rpbench-auto", "scenes.jsonl"), "--limit", "1", "--sessions", "1",
                "--turns", "6", "--best-of", "2", "--rounds", "1", "--out", Path.Combine(f.Folder, "synth"), "--json"],
            ["prefs collect"] = f => ["prefs", "collect", "--selfplay", "--scenarios", SharedData.Path("rpbench-auto", "scenes.jsonl"),
                "--limit", "1", "--sessions", "1", "--turns", "8", "--out", Path.Combine(f.Folder, "collected.jsonl"), "--json"],
            ["prefs denoise"] = f => ["prefs", "denoise", f.Signals, "--out", Path.Combine(f.Folder, "denoised.jsonl"), "--json"],
            ["prefs export"] = f => ["prefs", "export", f.Clean, "--format", "kto", "--out", Path.Combine(f.Folder, "kto.jsonl"), "--json"],
            ["prefs diversity"] = f => ["prefs", "diversity", Path.Combine(f.Folder, "varied.jsonl"),
                Path.Combine(f.Folder, "collapsed.jsonl"), "--json"],
        };

    public static IEnumerable<object[]> Commands => Cases.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_Json_StandardOutputIsOneJsonDocument(string command)
    {
        var run = command == "simulate" ? fixture.Simulate : await ProgramRun.Of(fixture.Folder, Cases[command](fixture));

        Assert.True(run.ParsesAsJson(), $"exit {run.ExitCode}; stdout:\n{run.Output}\nstderr:\n{run.Error}");
    }

    [Fact]
    public async Task Cases_CoverEveryCommandWithJson()
    {
        var withJson = await CommandsWithJson([]);

        Assert.Equal(withJson.Order(StringComparer.Ordinal), Cases.Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>The commands under <paramref name="path"/> whose help lists --json, found by reading each command's help.</summary>
    private static async Task<List<string>> CommandsWithJson(string[] path)
    {
        var help = (await CliRun.Of([.. path, "--help"])).Output;
        var found = new List<string>();
        if (help.Contains("  --json ", StringComparison.Ordinal))
        {
            found.Add(string.Join(' ', path));
        }
        var start = help.IndexOf("\nCommands:\n", StringComparison.Ordinal);
        if (start < 0)
        {
            return found;
        }
        foreach (var line in help[(start + "\nCommands:\n".Length)..].Split('\n').TakeWhile(l => l.Length > 0))
        {
            if (line.StartsWith("  ", StringComparison.Ordinal) && !line.StartsWith("   ", StringComparison.Ordinal))
            {
                found.AddRange(await CommandsWithJson([.. path, line.Trim().Split(' ')[0]]));
            }
        }
        return found;
    }

    private static string Copy(JsonOutputFixture fixture, string name)
    {
        var copy = Path.Combine(fixture.Folder, name);
        File.Copy(fixture.Timeline, copy, overwrite: true);
        return copy;
    }
}

/// <summary>The worldplay program run as a process, as a script would pipe it: exit code, standard output, standard error.</summary>
internal sealed record ProgramRun(int ExitCode, string Output, string Error)
{
    public static async Task<ProgramRun> Of(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "worldplay.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new ProgramRun(process.ExitCode, await output, await error);
    }

    public bool ParsesAsJson()
    {
        try
        {
            return JsonNode.Parse(Output) is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
