using WorldPlay.Evaluation.Scenarios;
using WorldPlay.Core.Worlds;

namespace WorldPlay.Evaluation.Tests.Scenarios;

public sealed class ScenarioSourceTests
{
    [Fact]
    public void Detect_ScenesJsonl_IsRpBenchScene() =>
        Assert.Equal(ScenarioFormat.RpBenchScene, ScenarioSource.Detect(TestData.Scenes));

    [Fact]
    public void Detect_CharactersJsonl_IsRpBenchCharacter() =>
        Assert.Equal(ScenarioFormat.RpBenchCharacter, ScenarioSource.Detect(TestData.Characters));

    [Fact]
    public void Detect_CardJson_IsCharacterCard() =>
        Assert.Equal(ScenarioFormat.CharacterCard, ScenarioSource.Detect(TestData.Fixture("cards", "lighthouse-keeper.json")));

    [Fact]
    public void Detect_SampleWorldName_IsWorldFile() =>
        Assert.Equal(ScenarioFormat.WorldFile, ScenarioSource.Detect("harbor"));

    [Fact]
    public void Detect_UnknownJson_SaysWhatWasExpected() =>
        Assert.Equal(
            "not-a-scenario.json: is neither a Character Card V2 (\"spec\": \"chara_card_v2\") nor a WorldPlay world file (\"places\", " +
                "\"characters\", \"scenes\")",
            Assert.Throws<ScenarioImportException>(() => ScenarioSource.Detect(TestData.Fixture("not-a-scenario.json"))).Message);

    [Fact]
    public void Load_MissingPath_SaysWhatCanBeGiven() =>
        Assert.StartsWith("nowhere.jsonl: no such file; give a scenes.jsonl",
            Assert.Throws<ScenarioImportException>(() => ScenarioSource.Load("nowhere.jsonl")).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("harbor")]
    [InlineData("court")]
    public void Load_SampleWorld_OneScenarioPerScene(string sample) =>
        Assert.Equal(WorldFiles.Load(sample).Scenes.Select(s => s.Id), ScenarioSource.Load(sample).Scenarios.Select(s => s.SceneId));

    [Fact]
    public void Load_WorldFileWithComments_CarriesItsWorldAsJson()
    {
        var lighthouse = File.ReadAllText(TestData.Fixture("..", "..", "..", "docs", "worlds", "lighthouse.json"));
        var path = Path.Combine(Path.GetTempPath(), $"commented-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "// a world file may open with a comment\n" + lighthouse.TrimEnd().TrimEnd('}') + ",\n}\n");
        try
        {
            var scenario = ScenarioSource.Load(path).Scenarios.First();

            Assert.Equal("lighthouse", (string?)scenario.WorldJson()?["id"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("harbor")]
    [InlineData("court")]
    public void Load_SampleWorld_EveryScenarioIsPlayable(string sample) =>
        Assert.Empty(ScenarioSource.Load(sample).Scenarios.SelectMany(WorldChecks.Problems));

    [Fact]
    public void Load_FolderWithUnknownJson_SkipModeReportsItAsOneBadRecord()
    {
        var set = ScenarioSource.Load(TestData.Fixture(), options: new ScenarioImportOptions(BadRecords: BadRecords.Skip));

        Assert.Contains(set.Skipped, p => p.File == "not-a-scenario.json");
    }
}
