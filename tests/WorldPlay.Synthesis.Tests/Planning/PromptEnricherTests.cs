using WorldPlay.Core;
using WorldPlay.Core.Worlds;
using WorldPlay.Evaluation.Scenarios;
using WorldPlay.Synthesis.Planning;

namespace WorldPlay.Synthesis.Tests.Planning;

public sealed class PromptEnricherTests
{
    private static Scenario Marco => PlanningScenarios.RpBench(0, 1)[0];

    [Fact]
    public void IsSkeletal_RpBenchScene_True()
    {
        Assert.True(PromptEnricher.IsSkeletal(Marco));
    }

    [Fact]
    public void IsSkeletal_HarborSample_False()
    {
        Assert.False(PromptEnricher.IsSkeletal(ScenarioSource.Load("harbor").Scenarios[0]));
    }

    [Fact]
    public void Enrich_RpBenchScene_WritesPositionHookAndTie()
    {
        var outcome = PromptEnricher.Enrich(Marco);

        Assert.Equal(["hook", "position", "relationship"], outcome.Added.Select(a => a.Kind).Intersect(["hook", "position", "relationship"])
            .Order());
    }

    [Fact]
    public void Enrich_RpBenchScene_TheWorldFileItWritesLoadsAsTheScenarioWorld()
    {
        var outcome = PromptEnricher.Enrich(Marco);

        var reloaded = WorldFiles.Parse(outcome.Scenario.WorldFile!, "enriched");
        Assert.Equal(outcome.Scenario.World.Facts.Length, reloaded.Facts.Length);
    }

    [Fact]
    public void Enrich_RpBenchScene_TieComesFromThePersonaText()
    {
        var outcome = PromptEnricher.Enrich(Marco);

        var tie = outcome.Scenario.World.Relationships.Single();
        Assert.Equal((Marco.Npc, "rival-of", Marco.User), (tie.From, tie.Type, tie.To));
    }

    [Fact]
    public void Enrich_ChineseWorld_FindsPlaceTieAndItemInHanText()
    {
        var outcome = PromptEnricher.Enrich(PlanningScenarios.FromWorldFile(PlanningScenarios.ChineseWorld));

        Assert.Equal(
            ("图书馆", "rival-of", "信件"),
            (outcome.Scenario.World.Entities.Single(e => e.Kind == EntityKind.Place && e.Name != "讲堂").Name,
                outcome.Scenario.World.Relationships.Single().Type,
                outcome.Scenario.World.Entities.Single(e => e.Kind == EntityKind.Item).Name));
    }

    [Fact]
    public void Enrich_LoreNamesForbiddenConcept_LoaderRefusesAndOriginalIsPlayed()
    {
        var original = PlanningScenarios.FromWorldFile(PlanningScenarios.ForbiddenLoreWorld);

        var outcome = PromptEnricher.Enrich(original);

        Assert.Equal((false, true, original), (outcome.Enriched, outcome.Refused!.Contains("electricity", StringComparison.Ordinal),
            outcome.Scenario));
    }

    [Fact]
    public void Enrich_HarborSample_LeavesItAsItWas()
    {
        var harbor = ScenarioSource.Load("harbor").Scenarios[0];

        var outcome = PromptEnricher.Enrich(harbor);

        Assert.Equal((false, 0, harbor), (outcome.Skeletal, outcome.Added.Length, outcome.Scenario));
    }
}
