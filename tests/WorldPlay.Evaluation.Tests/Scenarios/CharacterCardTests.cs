using WorldPlay.Evaluation.Scenarios;
using WorldPlay.Core;

namespace WorldPlay.Evaluation.Tests.Scenarios;

public sealed class CharacterCardTests
{
    private static Scenario Keeper => ScenarioSource.Load(TestData.Fixture("cards", "lighthouse-keeper.json")).Scenarios.Single();

    private static IEnumerable<string> Lore(Scenario s) => s.World.Facts.Where(f => f.Subject == new EntityId("lore")).Select(f => f.Value);

    [Fact]
    public void Load_Card_IdFormatAndCharacters() =>
        Assert.Equal(("card-lighthouse-keeper", ScenarioFormat.CharacterCard, "agna-storr", "user"),
            (Keeper.Id, Keeper.Format, Keeper.Npc.Value, Keeper.User.Value));

    [Fact]
    public void Load_CardWithLoreBook_EnabledEntriesBecomeLoreFactsInInsertionOrder() =>
        Assert.Equal(
            ["The great lamp burns colza oil and must be trimmed every four hours.",
                "The supply boat comes once a month, weather permitting."],
            Lore(Keeper).ToArray());

    [Fact]
    public void Load_CardWithLoreBook_DisabledEntryIsNoFact() =>
        Assert.DoesNotContain(Keeper.World.Facts, f => f.Value.Contains("Maren", StringComparison.Ordinal));

    [Fact]
    public void Load_Card_PlaceholdersInOpeningSubstituted() =>
        Assert.Equal("*Agna Storr does not look up from the lamp.* You're late, User. The tide doesn't wait for anyone.",
            Keeper.OpeningMessage);

    [Fact]
    public void Load_Card_PlaceholdersInDescriptionSubstituted() =>
        Assert.Equal("Agna Storr has kept the Skerry light for thirty years and distrusts anyone who arrives by the supply boat, User " +
            "included.",
            Keeper.World.PersonaOf(Keeper.Npc)!.Description);

    [Fact]
    public void Load_Card_ScenarioBecomesStoryFact() =>
        Assert.Contains(Keeper.World.Facts, f => f.Subject == new EntityId("story-so-far")
            && f.Value == "User has just stepped off the monthly supply boat to relieve Agna Storr for the winter.");

    [Fact]
    public void Load_Card_CharacterLinesOfExampleDialogueBecomeExampleLines() =>
        Assert.Equal(["Only when the wind is in the north.", "Most of the year, User."],
            Keeper.World.PersonaOf(Keeper.Npc)!.ExampleLines.ToArray());

    [Fact]
    public void Load_Card_PersonalityListBecomesTraits() =>
        Assert.Equal(["dry", "patient", "stubborn"], Keeper.World.PersonaOf(Keeper.Npc)!.Traits.ToArray());

    [Fact]
    public void Load_Card_AlternateGreetingsSubstituted() =>
        Assert.Equal(["*Agna Storr points at the oil cans.* Those go up the stairs, User."], Keeper.AlternateGreetings.ToArray());

    [Fact]
    public void Load_Card_SystemPromptBecomesInstructions() =>
        Assert.Equal("Stay in character as Agna Storr.", Keeper.Instructions);

    [Fact]
    public void Load_Card_TagsBecomeGenre() =>
        Assert.Equal("coastal, slow burn", Keeper.World.Setting.Genre);

    [Fact]
    public void Load_Card_WorldIsPlayable() =>
        Assert.Empty(WorldChecks.Problems(Keeper));

    [Fact]
    public void Load_FolderOfCards_OneScenarioPerCardInFileNameOrder() =>
        Assert.Equal(["card-ferry-captain", "card-lighthouse-keeper"],
            ScenarioSource.Load(TestData.Fixture("cards")).Scenarios.Select(s => s.Id).ToArray());

    [Fact]
    public void Load_CardWithoutLoreBookOrScenario_HasNoFactsAndIsPlayable()
    {
        var ferry = ScenarioSource.Load(TestData.Fixture("cards", "ferry-captain.json")).Scenarios.Single();

        Assert.Equal((0, 0), (ferry.World.Facts.Length, WorldChecks.Problems(ferry).Count()));
    }

    [Fact]
    public void Load_CardWithBrokenLoreBook_NamesEachBadEntry()
    {
        var e = Assert.Throws<ScenarioImportException>(() => ScenarioSource.Load(TestData.Fixture("bad-card.json")));

        Assert.Equal(
            [
                "bad-card.json: data.character_book.entries[0].content is empty",
                "bad-card.json: data.character_book.entries[1] is text, expected an object { \"keys\": [...], \"content\": ... }",
            ],
            e.Problems.Select(p => p.ToString()).ToArray());
    }
}
