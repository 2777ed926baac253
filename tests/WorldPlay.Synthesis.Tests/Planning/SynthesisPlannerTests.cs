using WorldPlay.Synthesis.Planning;

namespace WorldPlay.Synthesis.Tests.Planning;

public sealed class SynthesisPlannerTests
{
    private static SynthesisPlan Plan(int sessions = 12) =>
        SynthesisPlanner.Plan(PlanningScenarios.RpBench(0, 10), sessions, ["procedural:lyrical", "procedural:wry", "procedural"],
            ["slow-burn", "terse"], seed: 5);

    [Fact]
    public void Plan_DealsStylesRoundRobin()
    {
        Assert.Equal(4, Plan().Jobs.Count(j => j.Style == "procedural:wry"));
    }

    [Fact]
    public void Plan_DealsUsersRoundRobin()
    {
        Assert.Equal(6, Plan().Jobs.Count(j => j.User == "terse"));
    }

    [Fact]
    public void Plan_JobNamesAndSeeds_AreUnique()
    {
        var jobs = Plan(30).Jobs;

        Assert.Equal((30, 30), (jobs.Select(j => j.Name).Distinct().Count(), jobs.Select(j => j.Seed).Distinct().Count()));
    }

    [Fact]
    public void Plan_RpBenchSource_PlaysEnrichedWorlds()
    {
        var plan = Plan();

        Assert.All(plan.Jobs, j => Assert.Contains(j.Scenario.World.Facts, f => f.Id.EndsWith("-hook", StringComparison.Ordinal)));
    }

    [Fact]
    public void Plan_RpBenchSource_GroupsByTextClusters()
    {
        Assert.Equal(GroupingBasis.TextClusters, Plan().Dispersion.Basis);
    }

    [Fact]
    public void Plan_NoSessions_Refused()
    {
        Assert.Throws<ArgumentException>(() => Plan(0));
    }
}
