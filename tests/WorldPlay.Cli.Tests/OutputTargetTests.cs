namespace WorldPlay.Cli.Tests;

/// <summary>Every command checks what it will write before it does any work: a folder where a file goes, a missing or
/// unwritable folder, is one error line and exit 2, and no <c>.partial</c> file is left behind.</summary>
public sealed class OutputTargetTests
{
    /// <summary>A folder that exists and takes no new files for any user, root included (sysfs).</summary>
    private const string Unwritable = "/sys";

    [Fact]
    public async Task Simulate_OutIsAFolder_OneErrorLineExitTwo()
    {
        using var scratch = new ScratchFolder();
        Directory.CreateDirectory(scratch.File("runs"));

        var run = await CliRun.Of("simulate", "--turns", "3", "--out", scratch.File("runs"));

        Assert.Equal((2,
            $"error: Cannot write --out '{scratch.File("runs")}': it is a folder; give a file name, such as " +
            $"'{scratch.File("runs/world.wptl")}'."),
            (run.ExitCode, run.Error.Trim()));
    }

    [Fact]
    public async Task Simulate_OutIsAFolder_LeavesNoPartialFile()
    {
        using var scratch = new ScratchFolder();
        Directory.CreateDirectory(scratch.File("runs"));

        await CliRun.Of("simulate", "--turns", "3", "--out", scratch.File("runs"));

        Assert.Equal("runs", string.Join(' ', Directory.GetFileSystemEntries(scratch.Path).Select(Path.GetFileName)));
    }

    [Fact]
    public async Task Export_OutIsAFolder_OneErrorLineExitTwoAndNoPartialFile()
    {
        using var scratch = new ScratchFolder();
        await CliRun.Of("simulate", "--turns", "5", "--json", "--out", scratch.File("t.wptl"));
        Directory.CreateDirectory(scratch.File("exports"));

        var run = await CliRun.Of("export", scratch.File("t.wptl"), "--out", scratch.File("exports"));

        Assert.Equal((2, 1, "exports t.wptl"),
            (run.ExitCode, run.ErrorLines.Length,
            string.Join(' ', Directory.GetFileSystemEntries(scratch.Path).Select(Path.GetFileName).Order())));
    }

    [Fact]
    public async Task Simulate_OutInUnwritableFolder_RefusedBeforeAnyTurn()
    {
        var run = await CliRun.Of("simulate", "--turns", "100000", "--out", $"{Unwritable}/worldplay-test.wptl");

        Assert.Equal((2, "",
            $"error: Cannot write --out '{Unwritable}/worldplay-test.wptl': the folder '{Unwritable}' does not take new files " +
            "(permission denied); choose another place."),
            (run.ExitCode, run.Output, run.Error.Trim()));
    }

    [Fact]
    public async Task Simulate_FromFileInUnwritableFolderWithoutOut_RefusedBeforeAnyTurn()
    {
        using var scratch = new ScratchFolder();
        await CliRun.Of("simulate", "--turns", "3", "--json", "--out", scratch.File("t.wptl"));

        var run = await CliRun.Of("simulate", "--from", scratch.File("t.wptl"), "--turns", "3", "--out", $"{Unwritable}/t.wptl");

        Assert.Equal((2, ""), (run.ExitCode, run.Output));
    }

    [Fact]
    public async Task Export_OutInMissingFolder_OneErrorLineExitTwo()
    {
        using var scratch = new ScratchFolder();
        await CliRun.Of("simulate", "--turns", "3", "--json", "--out", scratch.File("t.wptl"));

        var run = await CliRun.Of("export", scratch.File("t.wptl"), "--out", scratch.File("missing/t.json"), "--format", "json");

        Assert.Equal((2,
            $"error: Cannot write --out '{scratch.File("missing/t.json")}': the folder '{scratch.File("missing")}' does not exist."),
            (run.ExitCode, run.Error.Trim()));
    }

    [Fact]
    public async Task Import_OutInUnwritableFolder_OneErrorLineExitTwo()
    {
        using var scratch = new ScratchFolder();
        await CliRun.Of("simulate", "--turns", "3", "--json", "--out", scratch.File("t.wptl"));
        await CliRun.Of("export", scratch.File("t.wptl"), "--format", "json", "--out", scratch.File("t.json"));

        var run = await CliRun.Of("import", scratch.File("t.json"), "--out", $"{Unwritable}/t.wptl");

        Assert.Equal((2, 1), (run.ExitCode, run.ErrorLines.Length));
    }

    [Fact]
    public async Task BenchScore_OutInUnwritableFolder_RefusedBeforeScoring()
    {
        using var scratch = new ScratchFolder();
        var transcript = scratch.Write("t.jsonl", """{"turn": 1, "speaker": "Mira", "role": "npc", "text": "Hello."}""");

        var run = await CliRun.Of("bench", "score", transcript, "--out", $"{Unwritable}/report");

        Assert.Equal((2, "", 1), (run.ExitCode, run.Output, run.ErrorLines.Length));
    }

    [Fact]
    public async Task BenchRun_OutIsAFile_RefusedBeforeAnySession()
    {
        using var scratch = new ScratchFolder();

        var run = await CliRun.Of("bench", "run", "--scenarios", "harbor", "--turns", "4", "--repeats", "1", "--out",
            scratch.Write("taken", "x"));

        Assert.Equal((2, $"error: Cannot write --out '{scratch.File("taken")}': it is a file; give a folder."),
            (run.ExitCode, run.Error.Trim()));
    }

    [Fact]
    public async Task BenchRun_OutInUnwritableFolder_RefusedBeforeAnySession()
    {
        var run = await CliRun.Of("bench", "run", "--scenarios", "harbor", "--turns", "4", "--repeats", "1", "--out",
            $"{Unwritable}/bench");

        Assert.Equal((2, 1), (run.ExitCode, run.ErrorLines.Length));
    }

    [Fact]
    public async Task Load_OutInUnwritableFolder_RefusedBeforeAnySession()
    {
        var run = await CliRun.Of("load", "--sessions", "1", "--turns", "2", "--out", $"{Unwritable}/load");

        Assert.Equal((2, 1), (run.ExitCode, run.ErrorLines.Length));
    }

    [Fact]
    public async Task ClusterUp_DirInUnwritableFolder_RefusedBeforeStartingAnything()
    {
        var run = await CliRun.Of("cluster", "up", "--silos", "1", "--dir", $"{Unwritable}/cluster");

        Assert.Equal((2, 1), (run.ExitCode, run.ErrorLines.Length));
    }
}
