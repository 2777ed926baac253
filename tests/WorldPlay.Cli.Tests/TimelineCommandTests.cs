using System.Globalization;
using System.Text.Json.Nodes;

namespace WorldPlay.Cli.Tests;

/// <summary>replay, diff, why, fork, export and import on one simulated 300-turn harbor run.</summary>
public sealed class TimelineCommandTests
{
    private static readonly Lazy<Task<string>> Harbor300 = new(async () =>
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("worldplay-timeline-").FullName, "harbor.wptl");
        var run = await CliRun.Of("simulate", "--world", "harbor", "--turns", "300", "--seed", "7", "--json", "--out", path);
        Assert.Equal(0, run.ExitCode);
        return path;
    });

    /// <summary>A private copy of the run, for commands that write to their file.</summary>
    private static async Task<string> CopyInto(ScratchFolder scratch)
    {
        var copy = scratch.File("harbor.wptl");
        File.Copy(await Harbor300.Value, copy);
        return copy;
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Replay_AtEvent_ShowsTheStateJustAfterIt()
    {
        var run = await CliRun.Of("replay", await Harbor300.Value, "--at-event", "200", "--json");

        Assert.Equal(200, run.Json["lastEvent"]!.GetValue<long>());
    }

    [Fact]
    public async Task Replay_UnknownBranch_OneErrorLineNamingTheBranches()
    {
        var run = await CliRun.Of("replay", await Harbor300.Value, "--branch", "nope");

        Assert.Equal((2, "error: No branch 'nope' in this world; its branches are: main."), (run.ExitCode, run.Error.Trim()));
    }

    [Fact]
    public async Task Diff_Turns100To250_JsonNamesTheTurnsAndChanges()
    {
        var run = await CliRun.Of("diff", await Harbor300.Value, "--from", "100", "--to", "250", "--json");

        Assert.Equal((100, 250, true),
            (run.Json["fromTurn"]!.GetValue<int>(), run.Json["toTurn"]!.GetValue<int>(),
            run.Json["diff"]!["relationships"]!.AsArray().Count > 0));
    }

    [Fact]
    public async Task Diff_FromAfterTo_ExitsWithBadInput()
    {
        var run = await CliRun.Of("diff", await Harbor300.Value, "--from", "200", "--to", "100");

        Assert.Equal((2, true), (run.ExitCode, run.Error.StartsWith("error: --from 200 is after --to 100", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Why_RelationshipThatChanged_ChainStartsAtTheEventThatSetIt()
    {
        var file = await Harbor300.Value;
        var diff = await CliRun.Of("diff", file, "--json");
        var changed = diff.Json["diff"]!["relationships"]!.AsArray().First(r => r!["kind"]!.GetValue<string>() == "changed")!;

        var relationship = $"{changed["from"]}:{changed["to"]}";
        var why = await CliRun.Of("why", file, "--relationship", relationship, "--type", changed["type"]!.GetValue<string>(), "--full",
            "--json");

        var answer = why.Json["answer"]!;
        Assert.Equal(answer["values"]![0]!["producedBy"]!.GetValue<long>(), answer["chain"]![0]!["event"]!["seq"]!.GetValue<long>());
    }

    [Fact]
    public async Task Why_ByDefault_ChangesEndAtTheEventThatSetIt()
    {
        var (file, changed) = await ChangedRelationshipAsync();

        var answer = (await CliRun.Of("why", file, "--relationship", changed, "--json")).Json["answer"]!;

        Assert.Equal(answer["values"]![0]!["producedBy"]!.GetValue<long>(), answer["changes"]!.AsArray()[^1]!["seq"]!.GetValue<long>());
    }

    [Fact]
    public async Task Why_ByDefault_NoSpokenLineOnTheChain()
    {
        var (file, changed) = await ChangedRelationshipAsync();

        var answer = (await CliRun.Of("why", file, "--relationship", changed, "--json")).Json["answer"]!;

        Assert.DoesNotContain("spoke", answer["chain"]!.AsArray().Select(s => s!["event"]!["kind"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Why_ByDefault_ShorterThanTheFullChain()
    {
        var (file, changed) = await ChangedRelationshipAsync();

        var brief = await CliRun.Of("why", file, "--relationship", changed);
        var full = await CliRun.Of("why", file, "--relationship", changed, "--full");

        Assert.True(brief.Output.Split('\n').Length < 15 && full.Output.Split('\n').Length > 15,
            $"brief:\n{brief.Output}\nfull has {full.Output.Split('\n').Length} lines");
    }

    /// <summary>The 300-turn file and a relationship (FROM:TO) that changed during it.</summary>
    private static async Task<(string File, string Relationship)> ChangedRelationshipAsync()
    {
        var file = await Harbor300.Value;
        var diff = await CliRun.Of("diff", file, "--json");
        var changed = diff.Json["diff"]!["relationships"]!.AsArray().First(r => r!["kind"]!.GetValue<string>() == "changed")!;
        return (file, $"{changed["from"]}:{changed["to"]}");
    }

    [Fact]
    public async Task Why_NothingAsked_ExitsWithBadInput()
    {
        var run = await CliRun.Of("why", await Harbor300.Value);

        Assert.Equal((2, true), (run.ExitCode, run.Error.Contains("exactly one thing", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(149)]
    [InlineData(150)]
    public async Task Fork_AtTurn150_BranchStateUpToTheForkEqualsParents(int turn)
    {
        using var scratch = new ScratchFolder();
        var file = await CopyInto(scratch);
        var fork = await CliRun.Of("fork", file, "--at-turn", "150", "--name", "kinder", "--json");

        var parent = await CliRun.Of("replay", file, "--at-turn", Text(turn), "--json");
        var child = await CliRun.Of("replay", file, "--branch", "kinder", "--at-turn", Text(turn), "--json");

        Assert.Equal((0, parent.Json["stateHash"]!.GetValue<string>()), (fork.ExitCode, child.Json["stateHash"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Fork_BranchOfABranch_LineageGoesBackToMain()
    {
        using var scratch = new ScratchFolder();
        var file = await CopyInto(scratch);
        await CliRun.Of("fork", file, "--at-turn", "200", "--name", "first");

        var second = await CliRun.Of("fork", file, "--at-turn", "100", "--branch", "first", "--name", "second", "--json");

        Assert.Equal("second first main",
            string.Join(' ', second.Json["lineage"]!.AsArray().Select(b => b!["branch"]!.GetValue<string>())));
    }

    [Theory]
    [InlineData("--at-turn", "301")]
    [InlineData("--at-turn", "-1")]
    [InlineData("--branch", "nope")]
    [InlineData("--name", "Not A Slug")]
    [InlineData("--name", "main")]
    public async Task Fork_BadInput_ExitsWithBadInputAndLeavesTheFileAlone(string option, string value)
    {
        using var scratch = new ScratchFolder();
        var file = await CopyInto(scratch);
        var before = await File.ReadAllBytesAsync(file);
        string[] args = option == "--at-turn" ? ["fork", file, option, value] : ["fork", file, "--at-turn", "10", option, value];

        var run = await CliRun.Of(args);

        var after = await File.ReadAllBytesAsync(file);
        Assert.Equal((2, true), (run.ExitCode, before.SequenceEqual(after)));
    }

    [Fact]
    public async Task ExportJsonThenImport_BranchedWorld_SameStateOnEveryBranch()
    {
        using var scratch = new ScratchFolder();
        var file = await CopyInto(scratch);
        await CliRun.Of("fork", file, "--at-turn", "120", "--name", "side");
        var json = scratch.File("world.json");
        var back = scratch.File("back.wptl");

        var export = await CliRun.Of("export", file, "--format", "json", "--out", json);
        var import = await CliRun.Of("import", json, "--out", back, "--json");

        var hashes = new List<(string, string)>();
        foreach (var branch in new[] { "main", "side" })
        {
            hashes.Add(((await CliRun.Of("replay", file, "--branch", branch, "--json")).Json["stateHash"]!.GetValue<string>(),
                (await CliRun.Of("replay", back, "--branch", branch, "--json")).Json["stateHash"]!.GetValue<string>()));
        }
        Assert.Equal((0, 0, 2), (export.ExitCode, import.ExitCode, hashes.Count(h => h.Item1 == h.Item2)));
    }

    [Fact]
    public async Task Export_Json_IsCamelCaseWithAFormatHeader()
    {
        using var scratch = new ScratchFolder();
        var json = scratch.File("world.json");

        await CliRun.Of("export", await Harbor300.Value, "--format", "json", "--out", json);

        var root = JsonNode.Parse(await File.ReadAllTextAsync(json))!;
        Assert.Equal(("worldplay-world", "main"),
            (root["format"]!.GetValue<string>(), root["world"]!["branches"]![0]!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Export_UnknownFormat_ExitsWithBadInput()
    {
        using var scratch = new ScratchFolder();

        var run = await CliRun.Of("export", await Harbor300.Value, "--format", "yaml", "--out", scratch.File("x"));

        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public async Task Import_TruncatedFile_SaysItIsDamagedAndWritesNothing()
    {
        using var scratch = new ScratchFolder();
        var bytes = await File.ReadAllBytesAsync(await Harbor300.Value);
        var cut = scratch.File("cut.wptl");
        await File.WriteAllBytesAsync(cut, bytes[..(bytes.Length / 2)]);

        var run = await CliRun.Of("import", cut, "--out", scratch.File("out.wptl"));

        Assert.Equal((2, true, false),
            (run.ExitCode, run.Error.Contains("damaged or truncated", StringComparison.Ordinal), File.Exists(scratch.File("out.wptl"))));
    }

    [Fact]
    public async Task Replay_FileFromAFutureVersion_SaysANewerWorldPlayMadeIt()
    {
        using var scratch = new ScratchFolder();
        var bytes = await File.ReadAllBytesAsync(await Harbor300.Value);
        bytes[5] = 99;
        var future = scratch.File("future.wptl");
        await File.WriteAllBytesAsync(future, bytes);

        var run = await CliRun.Of("replay", future);

        Assert.Equal((2, true), (run.ExitCode, run.Error.Contains("made by a newer WorldPlay", StringComparison.Ordinal)));
    }
}
