namespace WorldPlay.Cli.Tests;

public sealed class SimulateTests
{
    [Fact]
    public async Task Simulate_SameSeedTwice_SameTimelineHash()
    {
        var first = await CliRun.Of("simulate", "--world", "harbor", "--turns", "60", "--seed", "7", "--json");
        var second = await CliRun.Of("simulate", "--world", "harbor", "--turns", "60", "--seed", "7", "--json");

        Assert.Equal(first.Json["timelineHash"]!.GetValue<string>(), second.Json["timelineHash"]!.GetValue<string>());
    }

    [Fact]
    public async Task Simulate_DifferentSeeds_DifferentTimelines()
    {
        var first = await CliRun.Of("simulate", "--turns", "40", "--seed", "1", "--json");
        var second = await CliRun.Of("simulate", "--turns", "40", "--seed", "2", "--json");

        Assert.NotEqual(first.Json["timelineHash"]!.GetValue<string>(), second.Json["timelineHash"]!.GetValue<string>());
    }

    [Fact]
    public async Task Simulate_Json_HasTheSummaryFields()
    {
        var run = await CliRun.Of("simulate", "--world", "court", "--turns", "30", "--json");

        Assert.All(
            new[] { "turns", "events", "rejectedProposals", "characters", "speakers", "relationshipsChanged", "lawViolationsInState",
                "perspectiveTokens", "timelineHash", "stateHash", "elapsedMs" },
            field => Assert.True(run.Json.ContainsKey(field), $"missing {field}"));
    }

    [Theory]
    [InlineData("terse")]
    [InlineData("language-switching")]
    [InlineData("adversarial")]
    [InlineData("adversarial:fight")]
    public async Task Simulate_BenchUserProfile_PlaysWithThatUserMind(string user)
    {
        var run = await CliRun.Of("simulate", "--world", "harbor", "--user", user, "--turns", "30", "--json");

        Assert.Equal((0, $"user-sim:{user}"), (run.ExitCode, run.Json["userMind"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Simulate_UnknownUserProfile_ExitsWithTheKnownOnes()
    {
        var run = await CliRun.Of("simulate", "--user", "shouty", "--turns", "5");

        Assert.True(run.ExitCode != 0);
        Assert.Contains("language-switching", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_OutFileAtLastTurn_SameStateHash()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.File("harbor.wptl");
        var simulate = await CliRun.Of("simulate", "--turns", "80", "--seed", "3", "--json", "--out", file);
        var lastTurn = simulate.Json["turns"]!.GetValue<int>();

        var replay = await CliRun.Of("replay", file, "--at-turn", lastTurn.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--json");

        Assert.Equal(simulate.Json["stateHash"]!.GetValue<string>(), replay.Json["stateHash"]!.GetValue<string>());
    }

    [Fact]
    public async Task Replay_EarlierTurn_ShowsThatTurnsState()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.File("t.wptl");
        await CliRun.Of("simulate", "--turns", "50", "--json", "--out", file);

        var replay = await CliRun.Of("replay", file, "--at-turn", "10", "--json");

        Assert.Equal(10, replay.Json["state"]!["turn"]!.GetValue<int>());
    }

    [Fact]
    public async Task Simulate_Readable_ShowsSpeakersAndSummary()
    {
        var run = await CliRun.Of("simulate", "--turns", "15", "--seed", "4");

        Assert.Contains("timelineHash", run.Output);
    }
}
