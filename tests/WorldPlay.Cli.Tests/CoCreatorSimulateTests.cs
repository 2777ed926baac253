namespace WorldPlay.Cli.Tests;

/// <summary><c>simulate --user co-creator</c>: the user brings relatives, places and items into the world through lawful
/// proposals, and the summary counts what players and characters created, by origin.</summary>
public sealed class CoCreatorSimulateTests
{
    [Theory]
    [InlineData("harbor")]
    [InlineData("court")]
    public async Task Simulate_CoCreator_ReportsCreationsMostlyByTheUser(string world)
    {
        var json = (await CliRun.Of("simulate", "--world", world, "--turns", "120", "--seed", "7", "--user", "co-creator", "--json"))
            .Json;

        var entities = json["entitiesCreated"]!.AsObject();
        var ties = json["relationshipsDeclared"]!.AsObject();
        var summary = json.ToJsonString();
        Assert.True(entities["total"]!.GetValue<int>() >= 10, summary);
        Assert.True(entities["user"]!.GetValue<int>() > entities["character"]!.GetValue<int>(), summary);
        Assert.True(ties["user"]!.GetValue<int>() >= 5, summary);
        Assert.Equal(0, json["lawViolationsInState"]!.GetValue<int>());
        Assert.True(json["rejectedProposals"]!.GetValue<int>() <= 2, summary);
    }

    [Fact]
    public async Task Simulate_DefaultUser_CreatesNothing()
    {
        var json = (await CliRun.Of("simulate", "--world", "harbor", "--turns", "40", "--seed", "7", "--json")).Json;

        Assert.Equal("""{"total":0,"user":0,"character":0}""", json["entitiesCreated"]!.ToJsonString());
    }

    [Fact]
    public async Task Simulate_CoCreatorText_ShowsCreationsByOrigin()
    {
        var output = (await CliRun.Of("simulate", "--world", "harbor", "--turns", "40", "--seed", "7", "--user", "co-creator")).Output;

        Assert.Matches(@"entitiesCreated\s+total \d+; user \d+; character \d+", output);
        Assert.Matches(@"relationshipsDeclared\s+total \d+; user \d+; character \d+", output);
    }

    [Fact]
    public async Task SimulateHelp_UserOption_ListsCoCreator()
    {
        var help = (await CliRun.Of("simulate", "--help")).Output;

        Assert.Contains("co-creator", help, StringComparison.Ordinal);
    }
}
