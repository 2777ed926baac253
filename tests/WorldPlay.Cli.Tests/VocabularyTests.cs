namespace WorldPlay.Cli.Tests;

/// <summary>One vocabulary: option values spelled as world files spell them, in any case, and the same names and defaults in
/// every command that plays a scene.</summary>
public sealed class VocabularyTests
{
    [Theory]
    [InlineData("round-robin")]
    [InlineData("Round-Robin")]
    [InlineData("RoundRobin")]
    public async Task Simulate_TurnTakingSpelledAnyWay_Plays(string policy)
    {
        var run = await CliRun.Of("simulate", "--turns", "4", "--turn-taking", policy, "--json");

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task Simulate_UnknownTurnTaking_ListsTheWorldFileSpellings()
    {
        var run = await CliRun.Of("simulate", "--turns", "4", "--turn-taking", "loudest-first");

        Assert.Contains("allowed: addressed-first, pooled, weighted, round-robin.", run.Error);
    }

    [Fact]
    public async Task Simulate_UnknownTurnTaking_NamesNoDotNetType()
    {
        var run = await CliRun.Of("simulate", "--turns", "4", "--turn-taking", "loudest-first");

        Assert.DoesNotContain("WorldPlay.Core", run.Error);
    }

    [Fact]
    public async Task Simulate_ValuesInUpperCase_PlayAsListed()
    {
        var run = await CliRun.Of("simulate", "--turns", "4", "--mind", "PROCEDURAL", "--user", "Terse", "--json");

        Assert.Equal("user-sim:terse", run.Json["userMind"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("simulate")]
    [InlineData("serve")]
    public async Task Help_SeedAndTurns_SameDefaultsEverywhere(string command)
    {
        var help = (await CliRun.Of(command, "--help")).Output;

        Assert.Equal(
            ["[default: 1]", "[default: 100]"],
            new[] { "--seed", "--turns" }.Select(o => DefaultIn(help, o)));
    }

    [Theory]
    [InlineData("bench", "run")]
    [InlineData("load")]
    public async Task Help_Turns_SameDefaultAsSimulate(params string[] command)
    {
        var help = (await CliRun.Of([.. command, "--help"])).Output;

        Assert.Equal("[default: 100]", DefaultIn(help, "--turns"));
    }

    [Theory]
    [InlineData("bench", "run")]
    [InlineData("load")]
    public async Task Help_MindOptions_OneVocabulary(params string[] command)
    {
        var help = (await CliRun.Of([.. command, "--help"])).Output;

        Assert.Equal(
            ["--mind <procedural|openai>", "--user-mind <procedural|openai>"],
            new[] { "--mind", "--user-mind" }.Select(o => Line(help, o).Split("  ", StringSplitOptions.RemoveEmptyEntries)[0].Trim()));
    }

    [Fact]
    public async Task Help_BenchRun_HidesTheOldNpcMindName()
    {
        var help = (await CliRun.Of("bench", "run", "--help")).Output;

        Assert.DoesNotContain("--npc-mind", help);
    }

    [Fact]
    public async Task BenchRun_OldNpcMindName_StillAccepted()
    {
        using var scratch = new ScratchFolder();
        var run = await CliRun.Of("bench", "run", "--scenarios", "harbor", "--npc-mind", "openai", "--out", scratch.File("b"));

        Assert.Contains("--mind openai needs --endpoint", run.Error);
    }

    [Fact]
    public async Task Load_OldUserMindModel_MeansOpenAi()
    {
        using var scratch = new ScratchFolder();
        var run = await CliRun.Of("load", "--sessions", "1", "--turns", "2", "--user-mind", "model", "--out", scratch.File("l"));

        Assert.Contains("--user-mind openai needs --mind openai", run.Error);
    }

    [Fact]
    public async Task Load_User_EverySessionPlaysThatProfile()
    {
        using var scratch = new ScratchFolder();
        var run = await CliRun.Of("load", "--sessions", "1", "--turns", "4", "--user", "Terse", "--out", scratch.File("l"));

        var report = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(scratch.File("l/load.json")))!;
        Assert.Equal("user-sim:terse", report["userMind"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("simulate")]
    [InlineData("serve")]
    [InlineData("load")]
    public async Task Help_User_SameOptionInEveryCommandThatPlaysAScene(string command)
    {
        var help = (await CliRun.Of(command, "--help")).Output;

        Assert.Equal("--user <profile>", Line(help, "--user").Split("  ", StringSplitOptions.RemoveEmptyEntries)[0].Trim());
    }

    private static string Line(string help, string option) =>
        help.Split('\n').Single(l =>
            l.TrimStart().StartsWith(option + " ", StringComparison.Ordinal) || l.Contains($", {option} ", StringComparison.Ordinal));

    private static string DefaultIn(string help, string option)
    {
        var line = Line(help, option);
        return line[line.LastIndexOf("[default:", StringComparison.Ordinal)..].Trim();
    }
}
