using WorldPlay.Evaluation.Scenarios;
using WorldPlay.Evaluation.SelfPlay;
using WorldPlay.Evaluation.Tests.Scenarios;
using WorldPlay.Minds;
using AdversarialSituation = WorldPlay.Minds.AdversarialSituation;

namespace WorldPlay.Evaluation.Tests.SelfPlay;

public sealed class SelfPlayPlanTests
{
    private static readonly Scenario[] Scenes = [.. ScenarioSource.Load(TestData.Scenes, limit: 2).Scenarios];

    [Fact]
    public void Sessions_TwoScenariosTwoUsersThreeRepeats_Twelve() =>
        Assert.Equal(12, SelfPlayPlan.Sessions(Scenes, ["slow-burn", "terse"], 3, AdversarialSituation.BuiltIn).Length);

    [Fact]
    public void Sessions_Names_ScenarioUserRepeat() =>
        Assert.Equal(
            ["rpbench-scenes-0-terse-r1", "rpbench-scenes-0-terse-r2", "rpbench-scenes-1-terse-r1", "rpbench-scenes-1-terse-r2"],
            SelfPlayPlan.Sessions(Scenes, ["terse"], 2, AdversarialSituation.BuiltIn).Select(s => s.Name));

    [Fact]
    public void Sessions_Adversarial_SituationBySeedAndScenario() =>
        Assert.Equal(
            ["anti_turing", "environment", "environment", "fight"],
            SelfPlayPlan.Sessions(Scenes, ["adversarial"], 2, AdversarialSituation.BuiltIn).Select(s => s.Profile.Situation!.Tag));

    [Fact]
    public void Sessions_FixedSituation_FileSafeName() =>
        Assert.Equal("rpbench-scenes-0-adversarial-fight-r1",
            SelfPlayPlan.Sessions(Scenes, ["adversarial:fight"], 1, AdversarialSituation.BuiltIn)[0].Name);

    [Fact]
    public void Sessions_UnknownProfile_NamesKnownOnes() =>
        Assert.Contains("slow-burn",
            Assert.Throws<ArgumentException>(() => SelfPlayPlan.Sessions(Scenes, ["chatty"], 1, AdversarialSituation.BuiltIn)).Message,
            StringComparison.Ordinal);

    [Fact]
    public void Sessions_NoScenarios_Refused() =>
        Assert.Throws<ArgumentException>(() => SelfPlayPlan.Sessions([], ["slow-burn"], 1, AdversarialSituation.BuiltIn));

    [Fact]
    public void Playable_SharedSituationsFile_KeepsTagsAndTurns() =>
        Assert.Equal(
            AdversarialSituations.Load(TestData.Situations).Select(s => (s.Tags[0], s.NumTurns)),
            SelfPlayPlan.Playable(AdversarialSituations.Load(TestData.Situations)).Select(s => (s.Tag, s.NumTurns)));
}
