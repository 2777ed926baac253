namespace WorldPlay.Cli.Tests;

/// <summary>Bad input to the commands other tests cover less: one error line and exit 2 each.</summary>
public sealed class SweepTests
{
    [Fact]
    public async Task Serve_FromGarbageFile_OneErrorLineExitTwo()
    {
        using var scratch = new ScratchFolder();

        var run = await CliRun.Of("serve", "--dev", "--from", scratch.Write("g.wptl", "garbage"), "--port", "0");

        Assert.Equal((2, 1), (run.ExitCode, run.ErrorLines.Length));
    }

    [Fact]
    public async Task BenchCompare_FilesInsteadOfReports_OneErrorLineExitTwo()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("g.json", "{}");

        var run = await CliRun.Of("bench", "compare", file, file);

        Assert.Equal((2, 1), (run.ExitCode, run.ErrorLines.Length));
    }

    [Fact]
    public async Task Fork_UnknownBranch_OneErrorLineExitTwo()
    {
        using var scratch = new ScratchFolder();
        await CliRun.Of("simulate", "--turns", "3", "--json", "--out", scratch.File("t.wptl"));

        var run = await CliRun.Of("fork", scratch.File("t.wptl"), "--at-turn", "1", "--branch", "nope");

        Assert.Equal((2, "error: No branch 'nope' in this world; its branches are: main."), (run.ExitCode, run.Error.Trim()));
    }

    [Fact]
    public async Task Load_UnknownWorld_OneErrorLineExitTwo()
    {
        using var scratch = new ScratchFolder();

        var run = await CliRun.Of("load", "--world", "atlantis", "--sessions", "1", "--turns", "2", "--out", scratch.File("load"));

        Assert.Equal((2, 1), (run.ExitCode, run.ErrorLines.Length));
    }

    [Fact]
    public async Task ClusterDown_NoClusterThere_OneErrorLineExitTwo()
    {
        using var scratch = new ScratchFolder();

        var run = await CliRun.Of("cluster", "down", "--dir", scratch.Path);

        Assert.Equal((2, 1), (run.ExitCode, run.ErrorLines.Length));
    }
}
