using WorldPlay.Evaluation.Scenarios;

namespace WorldPlay.Evaluation.Tests.Scenarios;

public sealed class ScenarioErrorTests
{
    private static string MalformedScenes => TestData.Fixture("malformed-scenes.jsonl");

    private static string[] Messages(Action load) =>
        [.. Assert.Throws<ScenarioImportException>(load).Problems.Select(p => p.ToString())];

    [Fact]
    public void Load_SceneWithoutNpcName_NamesFileLineIdAndField() =>
        Assert.Contains("malformed-scenes.jsonl line 3 (id 7): npc_profile.name is missing",
            Messages(() => ScenarioSource.Load(MalformedScenes)));

    [Fact]
    public void Load_LineThatIsNotJson_NamesFileAndLine() =>
        Assert.Contains(Messages(() => ScenarioSource.Load(MalformedScenes)),
            m => m.StartsWith("malformed-scenes.jsonl line 4: is not valid JSON at position", StringComparison.Ordinal));

    [Fact]
    public void Load_RecordWithSeveralProblems_ListsEveryOne() =>
        Assert.Equal(
            [
                "malformed-scenes.jsonl line 5 (id 9): npc_profile is text, expected an object { ... }",
                "malformed-scenes.jsonl line 5 (id 9): background is missing",
                "malformed-scenes.jsonl line 5 (id 9): conversation[0].sentences is missing or empty; the NPC's opening turn needs at " +
                    "least one sentence",
            ],
            Messages(() => ScenarioSource.Load(MalformedScenes)).Where(m => m.Contains("line 5 ", StringComparison.Ordinal)).ToArray());

    [Fact]
    public void Load_FailMode_ReportsEveryBadRecordAndNoGoodOne() =>
        Assert.Equal(5, Messages(() => ScenarioSource.Load(MalformedScenes)).Length);

    [Fact]
    public void Load_SkipMode_KeepsTheGoodRecords()
    {
        var set = ScenarioSource.Load(MalformedScenes, options: new ScenarioImportOptions(BadRecords: BadRecords.Skip));

        Assert.Equal(["rpbench-scenes-5", "rpbench-scenes-10"], set.Scenarios.Select(s => s.Id).ToArray());
    }

    [Fact]
    public void Load_SkipMode_ListsTheSkippedRecords()
    {
        var set = ScenarioSource.Load(MalformedScenes, options: new ScenarioImportOptions(BadRecords: BadRecords.Skip));

        Assert.Equal([3, 4, 5], set.Skipped.Select(p => p.Line!.Value).Distinct().ToArray());
    }

    [Fact]
    public void Load_WindowOverGoodRecords_BadRecordsOutsideAreNotRead() =>
        Assert.Single(ScenarioSource.Load(MalformedScenes, limit: 1).Scenarios);

    [Fact]
    public void Load_CharacterWithoutAnyDescription_NamesTheField() =>
        Assert.Equal(
            ["malformed-characters.jsonl line 2 (id 4): npc_profile.description is missing, and so are long_definition_text, " +
                "short_definition_text and title; one of them must say who the character is"],
            Messages(() => ScenarioSource.Load(TestData.Fixture("malformed-characters.jsonl"))));

    [Fact]
    public void Load_HandwrittenScene_StatusBecomesNpcFact()
    {
        var s = ScenarioSource.Load(MalformedScenes, limit: 1).Scenarios.Single();

        Assert.Contains(s.World.Facts, f => f.Subject == s.Npc && f.Predicate == "is now" && f.Value == "Tired.");
    }

    [Fact]
    public void Load_HandwrittenScene_UnstatedInterestsLeftOut() =>
        Assert.DoesNotContain("Not specified",
            ScenarioSource.Load(MalformedScenes, limit: 1).Scenarios.Single().World.PersonaOf("ines-ravel")!.Description,
            StringComparison.Ordinal);

    [Fact]
    public void Load_SceneWithoutBullets_BackgroundIsOneLoreFact() =>
        Assert.Equal(["A quiet archive."],
            ScenarioSource.Load(MalformedScenes, options: new ScenarioImportOptions(BadRecords: BadRecords.Skip)).Scenarios[1].World.Facts
                .Where(f => f.Subject.Value == "lore").Select(f => f.Value).ToArray());
}
