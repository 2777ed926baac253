namespace WorldPlay.Cli.Tests;

/// <summary><c>simulate --from FILE --branch B</c>: a branch of a world file goes on in the embedded silo and is written back.</summary>
public sealed class ContinueBranchTests
{
    private static async Task<string> Forked40Async(ScratchFolder scratch)
    {
        var path = scratch.File("harbor.wptl");
        Assert.Equal(0,
            (await CliRun.Of("simulate", "--world", "harbor", "--turns", "40", "--seed", "7", "--json", "--out", path)).ExitCode);
        Assert.Equal(0, (await CliRun.Of("fork", path, "--at-turn", "20", "--name", "alt")).ExitCode);
        return path;
    }

    private static async Task<string> StateHashAsync(string path, string branch, int turn) =>
        (await CliRun.Of("replay", path, "--branch", branch, "--at-turn", turn.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--json")).Json["stateHash"]!.GetValue<string>();

    [Fact]
    public async Task SimulateFrom_BranchForkedAtTurn20_GoesOnAsTheParentDid()
    {
        using var scratch = new ScratchFolder();
        var path = await Forked40Async(scratch);

        Assert.Equal(0, (await CliRun.Of("simulate", "--from", path, "--branch", "alt", "--turns", "15", "--json")).ExitCode);

        Assert.Equal(await StateHashAsync(path, "main", 35), await StateHashAsync(path, "alt", 35));
    }

    [Fact]
    public async Task SimulateFrom_WithOut_WritesTheContinuationAndLeavesTheSourceAlone()
    {
        using var scratch = new ScratchFolder();
        var path = await Forked40Async(scratch);
        var before = Convert.ToBase64String(await File.ReadAllBytesAsync(path));
        var continued = scratch.File("continued.wptl");

        await CliRun.Of("simulate", "--from", path, "--branch", "alt", "--turns", "5", "--json", "--out", continued);

        Assert.Equal(
            (before, 25),
            (Convert.ToBase64String(await File.ReadAllBytesAsync(path)),
                (await CliRun.Of("replay", continued, "--branch", "alt", "--json")).Json["turn"]!.GetValue<int>()));
    }

    [Fact]
    public async Task SimulateFrom_UnknownBranch_ExitsWithBadInputAndLeavesTheFileAlone()
    {
        using var scratch = new ScratchFolder();
        var path = await Forked40Async(scratch);
        var before = Convert.ToBase64String(await File.ReadAllBytesAsync(path));

        var run = await CliRun.Of("simulate", "--from", path, "--branch", "nope", "--turns", "5");

        Assert.Equal((2, before), (run.ExitCode, Convert.ToBase64String(await File.ReadAllBytesAsync(path))));
    }
}
