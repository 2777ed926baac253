using WorldPlay.Core;
using WorldPlay.Core.Laws;
using WorldPlay.Core.Worlds;

namespace WorldPlay.Cli.Tests;

/// <summary><c>export --as-world</c> and <c>why</c> on a harbor timeline where the user (Wren) created a city, a sister there and
/// a tie to her at turn 1, and Mira named her late brother at turn 2.</summary>
public sealed class WorldExportTests
{
    private static readonly Lazy<Task<string>> Grown = new(async () =>
    {
        var definition = WorldFiles.Load("harbor");
        var laws = LawBook.For(definition.Setting);
        EntityId wren = "wren";
        EntityId mira = "mira";
        var turn1 = Commitment.Commit(WorldState.Initial(definition), laws, 1, "gull-and-kettle",
        [
            Proposal.Of(wren, new EntityCreated("vask", EntityKind.Place, "Vask", [], "The trading city a day's sail south.", null, null,
                EntityStatus.Alive)),
            Proposal.Of(wren, new EntityCreated("lena", EntityKind.Character, "Lena", [], "Wren's sister, a clerk in Vask.", "vask", null,
                EntityStatus.Alive)),
            Proposal.Of(wren, new RelationshipChanged(wren, "lena", "sibling-of", 0.8)),
            Proposal.Of(wren, new PathOpened("long-quay", "vask", 1440)),
        ]);
        var turn2 = Commitment.Commit(turn1.State, laws, 2, "gull-and-kettle",
        [
            Proposal.Of(mira, new EntityCreated("jory", EntityKind.Character, "Jory", [], "Mira's late brother.", "long-quay", null,
                EntityStatus.Dead)),
            Proposal.Of(mira, new Spoke("Lena? Wren's sister? I never knew.", [])),
        ]);
        Assert.Equal((0, 0), (turn1.Rejected.Length, turn2.Rejected.Length));
        var path = Path.Combine(Directory.CreateTempSubdirectory("worldplay-grown-").FullName, "grown.wptl");
        var events = turn1.Accepted.AddRange(turn2.Accepted);
        await TimelineFile.WriteAsync(path, new TimelineArchive(definition, events, [], "harbor-evening", 7));
        return path;
    });

    [Fact]
    public async Task ExportAsWorld_GrownHarbor_SimulatePlaysIt50Turns()
    {
        using var scratch = new ScratchFolder();
        var world = scratch.File("grown.json");
        var export = await CliRun.Of("export", await Grown.Value, "--as-world", "--at-turn", "2", "--out", world);
        Assert.Equal((0, ""), (export.ExitCode, export.Error));

        var run = await CliRun.Of("simulate", "--world", world, "--turns", "50", "--seed", "7", "--json");

        Assert.Equal((0, 50, 0), (run.ExitCode, run.Json["turns"]!.GetValue<int>(), run.Json["lawViolationsInState"]!.GetValue<int>()));
    }

    [Fact]
    public async Task ExportAsWorld_Json_CountsWhatWasCreatedInPlay()
    {
        using var scratch = new ScratchFolder();

        var export = await CliRun.Of("export", await Grown.Value, "--as-world", "--out", scratch.File("grown.json"), "--json");

        Assert.Equal((2, 3, 1),
            (export.Json["atTurn"]!.GetValue<int>(), export.Json["entitiesCreated"]!.GetValue<int>(),
                export.Json["relationshipsDeclared"]!.GetValue<int>()));
    }

    [Fact]
    public async Task ExportAsWorld_BeforeTheCreation_HasNoneOfIt()
    {
        using var scratch = new ScratchFolder();
        var world = scratch.File("start.json");

        await CliRun.Of("export", await Grown.Value, "--as-world", "--at-turn", "0", "--out", world);

        Assert.DoesNotContain("\"lena\"", await File.ReadAllTextAsync(world), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportAsWorld_UserDeclaredTie_KeepsItsOriginInTheFile()
    {
        using var scratch = new ScratchFolder();
        var world = scratch.File("grown.json");

        await CliRun.Of("export", await Grown.Value, "--as-world", "--out", world);

        var tie = WorldFiles.Load(world).Relationships.Single(r => r.To == "lena");
        Assert.Equal(new Origin(OriginSource.User, "wren", 3, 1), tie.Origin);
    }

    [Theory]
    [InlineData("--at-turn", "9", "error: --at-turn 9 is outside branch 'main', which has turns 0 to 2.")]
    [InlineData("--at-turn", "-1", "error: --at-turn -1 is outside branch 'main', which has turns 0 to 2.")]
    [InlineData("--branch", "nope", "error: No branch 'nope' in this world; its branches are: main.")]
    [InlineData("--format", "json", "error: --format goes with a timeline export; --as-world always writes a world file as JSON.")]
    public async Task ExportAsWorld_BadOption_OneErrorLineNothingWritten(string option, string value, string error)
    {
        using var scratch = new ScratchFolder();
        var world = scratch.File("grown.json");

        var run = await CliRun.Of("export", await Grown.Value, "--as-world", option, value, "--out", world);

        Assert.Equal((2, error, false), (run.ExitCode, run.Error.Trim(), File.Exists(world)));
    }

    [Fact]
    public async Task ExportAsWorld_NoOut_SaysOutIsRequired()
    {
        var run = await CliRun.Of("export", await Grown.Value, "--as-world");

        Assert.Equal((2, true), (run.ExitCode, run.ErrorLines[0].StartsWith("error:", StringComparison.Ordinal)
            && run.ErrorLines[0].Contains("--out", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Export_AtTurnWithoutAsWorld_SaysItGoesWithAsWorld()
    {
        using var scratch = new ScratchFolder();

        var run = await CliRun.Of("export", await Grown.Value, "--at-turn", "1", "--out", scratch.File("x.wptl"));

        Assert.Equal((2, "error: --at-turn and --branch go with --as-world; a timeline export writes every branch whole."),
            (run.ExitCode, run.Error.Trim()));
    }

    [Fact]
    public async Task ExportHelp_AsWorld_ShowsAnExample()
    {
        var help = await CliRun.Of("export", "--help");

        Assert.Contains("worldplay export run.wptl --as-world --at-turn 300 --out grown.json", help.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_UserDeclaredTie_NamesTheUsersTurn()
    {
        var run = await CliRun.Of("why", await Grown.Value, "--relationship", "wren:lena");

        Assert.Contains("declared by the user (Wren) at turn 1, event 3", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_UserDeclaredTieAsJson_CarriesTheOrigin()
    {
        var run = await CliRun.Of("why", await Grown.Value, "--relationship", "wren:lena", "--json");

        var value = run.Json["answer"]!["values"]![0]!;
        Assert.Equal(("declared by the user (Wren) at turn 1, event 3", 1),
            (value["originText"]!.GetValue<string>(), value["origin"]!["turn"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Why_StatusOfACreatedCharacter_NamesWhoCreatedItAndTheEvent()
    {
        var run = await CliRun.Of("why", await Grown.Value, "--status", "jory");

        Assert.Equal((true, true),
            (run.Output.Contains("Jory was created by Mira Haskel at turn 2, event 5", StringComparison.Ordinal),
                run.Output.Contains("dead: set by event 5", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Why_TieInAnExportedWorld_StillNamesTheUsersTurn()
    {
        using var scratch = new ScratchFolder();
        var world = scratch.File("grown.json");
        var timeline = scratch.File("again.wptl");
        await CliRun.Of("export", await Grown.Value, "--as-world", "--out", world);
        await CliRun.Of("simulate", "--world", world, "--turns", "3", "--seed", "7", "--quiet", "--out", timeline);

        var run = await CliRun.Of("why", timeline, "--relationship", "wren:lena");

        Assert.Contains("declared by the user (Wren) at turn 1, event 3", run.Output, StringComparison.Ordinal);
    }
}
