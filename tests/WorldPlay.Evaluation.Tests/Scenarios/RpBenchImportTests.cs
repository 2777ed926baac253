using WorldPlay.Evaluation.Scenarios;
using WorldPlay.Core;

namespace WorldPlay.Evaluation.Tests.Scenarios;

public sealed class RpBenchImportTests
{
    [Fact]
    public void Load_SharedScenes_ImportsAllEighty() =>
        Assert.Equal(80, ScenarioSource.Load(TestData.Scenes).Scenarios.Length);

    [Fact]
    public void Load_SharedCharacters_ImportsAllEighty() =>
        Assert.Equal(80, ScenarioSource.Load(TestData.Characters).Scenarios.Length);

    [Fact]
    public void Load_SharedScenes_EveryWorldIsPlayable() =>
        Assert.Empty(ScenarioSource.Load(TestData.Scenes).Scenarios.SelectMany(WorldChecks.Problems));

    [Fact]
    public void Load_SharedCharacters_EveryWorldIsPlayable() =>
        Assert.Empty(ScenarioSource.Load(TestData.Characters).Scenarios.SelectMany(WorldChecks.Problems));

    [Fact]
    public void Load_SharedScenesAndCharacters_EveryScenarioHasAnOpeningMessage()
    {
        var scenarios = ScenarioSource.Load(TestData.Scenes).Scenarios.AddRange(ScenarioSource.Load(TestData.Characters).Scenarios);

        Assert.All(scenarios, s => Assert.False(string.IsNullOrWhiteSpace(s.OpeningMessage), s.Id));
    }

    [Fact]
    public void Load_SharedCharacters_NoPlaceholderLeft()
    {
        var scenarios = ScenarioSource.Load(TestData.Characters).Scenarios;

        var texts = scenarios.SelectMany(s => s.World.Facts.Select(f => f.Value)
            .Concat(s.World.Personas.SelectMany(p => p.ExampleLines.Add(p.Description)))
            .Append(s.OpeningMessage ?? ""));
        Assert.DoesNotContain(texts, t => t.Contains("{{", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_FirstSharedScene_IdsNameAndPlaces()
    {
        var s = ScenarioSource.Load(TestData.Scenes, limit: 1).Scenarios.Single();

        Assert.Equal(("rpbench-scenes-0", ScenarioFormat.RpBenchScene, "marco", "user", "scenes.jsonl line 1 (id 0)"),
            (s.Id, s.Format, s.Npc.Value, s.User.Value, s.Origin));
    }

    [Fact]
    public void Load_FirstSharedScene_BackgroundBulletsBecomeSeparateLoreFacts()
    {
        var s = ScenarioSource.Load(TestData.Scenes, limit: 1).Scenarios.Single();

        var lore = s.World.Facts.Where(f => f.Subject == new EntityId("lore")).Select(f => f.Value).ToList();

        Assert.Equal(10, lore.Count);
    }

    [Fact]
    public void Load_FirstSharedScene_RecapBulletsBecomeStoryFactsWithoutMarkdown()
    {
        var s = ScenarioSource.Load(TestData.Scenes, limit: 1).Scenarios.Single();

        var story = s.World.Facts.Where(f => f.Subject == new EntityId("story-so-far")).Select(f => f.Value).ToList();

        Assert.Equal((6,
            "Background Tension: Throughout their earlier school years, the antipathy between you and Marco grew due to frequent " +
            "competitions and misunderstandings."),
            (story.Count, story[0]));
    }

    [Fact]
    public void Load_FirstSharedScene_ObjectivesAreTheObjectiveBullets()
    {
        var s = ScenarioSource.Load(TestData.Scenes, limit: 1).Scenarios.Single();

        Assert.Equal((3, true), (s.Objectives.Length, s.Objectives.SequenceEqual(s.Scene.Objectives)));
    }

    [Fact]
    public void Load_FirstSharedScene_OpeningMessageJoinsSentencesByLine() =>
        Assert.Equal(
            "Hey, I know it's late and we've had our differences, but I really need someone to talk to right now. Can I come in?\nLook, " +
                "I wouldn't be here if it weren't serious.",
            ScenarioSource.Load(TestData.Scenes, limit: 1).Scenarios.Single().OpeningMessage);

    [Fact]
    public void Load_FirstSharedScene_PersonaFromProfile()
    {
        var persona = ScenarioSource.Load(TestData.Scenes, limit: 1).Scenarios.Single().World.PersonaOf("marco")!;

        Assert.Equal("Antagonistic|possessive|envious|protective|adversary / Direct, likely confrontational given the adversarial nature",
            $"{string.Join('|', persona.Traits)} / {persona.SpeechStyle}");
    }

    [Fact]
    public void Load_OffsetAndLimit_TakesThatWindowOfRecords()
    {
        var ids = ScenarioSource.Load(TestData.Scenes, limit: 3, offset: 40).Scenarios.Select(s => s.Origin);

        Assert.Equal(["scenes.jsonl line 41 (id 46)", "scenes.jsonl line 42 (id 47)", "scenes.jsonl line 43 (id 48)"], ids);
    }

    [Fact]
    public void Load_SharedRpBenchFolder_ImportsBothFiles() =>
        Assert.Equal(160, ScenarioSource.Load(TestData.Shared("rpbench-auto")).Scenarios.Length);

    [Fact]
    public void Load_HandwrittenCharacter_DialogueLinesBecomeExampleLines()
    {
        var s = ScenarioSource.Load(TestData.Fixture("malformed-characters.jsonl"), limit: 1).Scenarios.Single();

        Assert.Equal(["Mind the step."], s.World.PersonaOf(s.Npc)!.ExampleLines.ToArray());
    }

    [Fact]
    public void Load_HandwrittenCharacter_PlaceholdersSubstituted() =>
        Assert.Equal("*Old Pell blocks the door.* Tower is shut, User.",
            ScenarioSource.Load(TestData.Fixture("malformed-characters.jsonl"), limit: 1).Scenarios.Single().OpeningMessage);

    [Fact]
    public void Load_UserNameOption_NamesTheUsersCharacter()
    {
        var s = ScenarioSource.Load(TestData.Fixture("malformed-characters.jsonl"), limit: 1,
            options: new ScenarioImportOptions(UserName: "Wren")).Scenarios.Single();

        Assert.Equal(("wren", "*Old Pell blocks the door.* Tower is shut, Wren."), (s.User.Value, s.OpeningMessage));
    }
}
