using WorldPlay.Synthesis.Sessions;

namespace WorldPlay.Synthesis.Tests.Sessions;

/// <summary>The planner alone: deterministic by seed, in the setting's language, runs of turns only in ensembles.</summary>
public sealed class SegmentPlannerTests
{
    [Fact]
    public void Plan_SameSeed_SamePlans()
    {
        var scenario = SynthesisScenarios.Harbor();

        var first = Enumerable.Range(0, 6).Select(k => new SegmentPlanner(scenario, 9).Plan(1, (k * 10) + 1, (k * 10) + 10)).ToList();
        var second = Enumerable.Range(0, 6).Select(k => new SegmentPlanner(scenario, 9).Plan(1, (k * 10) + 1, (k * 10) + 10)).ToList();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Plan_ChineseWorld_UserLinesInChinese()
    {
        var planner = new SegmentPlanner(SynthesisScenarios.Teahouse(), 4);

        var lines = Enumerable.Range(0, 12).Select(k => planner.Plan(1, (k * 5) + 1, (k * 5) + 5).UserLine).ToList();

        Assert.All(lines, l => Assert.Contains(l, c => c >= '\u4e00' && c <= '\u9fff'));
    }

    [Fact]
    public void Plan_StrictScene_NeverGivesConsecutiveTurns()
    {
        var planner = new SegmentPlanner(SynthesisScenarios.RpBench(), 4);

        var runs = Enumerable.Range(0, 12).Select(k => planner.Plan(1, (k * 5) + 1, (k * 5) + 5).Run).ToList();

        Assert.All(runs, r => Assert.Equal(0, r));
    }

    [Fact]
    public void Plan_Ensemble_SomeSegmentsGiveACharacterConsecutiveTurns()
    {
        var planner = new SegmentPlanner(SynthesisScenarios.Harbor(), 4);

        var plans = Enumerable.Range(0, 12).Select(k => planner.Plan(1, (k * 10) + 1, (k * 10) + 10)).ToList();

        Assert.Contains(plans, p => p.RunSpeaker is not null && p.Run is 2 or 3);
    }
}
