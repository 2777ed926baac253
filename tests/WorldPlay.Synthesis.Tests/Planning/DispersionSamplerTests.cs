using WorldPlay.Synthesis.Planning;

namespace WorldPlay.Synthesis.Tests.Planning;

public sealed class DispersionSamplerTests
{
    /// <summary>Eight scenarios of one trope, two of another.</summary>
    private static readonly ScenarioGroups Skewed = new(GroupingBasis.Tags, [.. Enumerable.Repeat("romance", 8), "horror", "horror"]);

    [Fact]
    public void Draw_OverRepresentedGroup_GetsNoMoreJobsThanTheOther()
    {
        var drawn = DispersionSampler.Draw(Skewed, 20, seed: 7);

        Assert.Equal(10, drawn.Count(i => Skewed.GroupOf[i] == "horror"));
    }

    [Fact]
    public void Draw_InsideAGroup_CyclesThroughEveryScenarioBeforeRepeating()
    {
        var drawn = DispersionSampler.Draw(Skewed, 16, seed: 7);

        Assert.Equal(8, drawn.Where(i => Skewed.GroupOf[i] == "romance").Distinct().Count());
    }

    [Fact]
    public void Measure_SkewedSource_ReportsEvennessRisingToOne()
    {
        var dispersion = DispersionSampler.Measure(Skewed, DispersionSampler.Draw(Skewed, 20, seed: 7));

        Assert.Equal((0.722, 1.0, 0.8, 0.5), (Math.Round(dispersion.EvennessBefore, 3), dispersion.EvennessAfter,
            dispersion.LargestShareBefore, dispersion.LargestShareAfter));
    }

    [Fact]
    public void Draw_SameSeed_SameJobs()
    {
        Assert.Equal(DispersionSampler.Draw(Skewed, 13, seed: 3).ToArray(), DispersionSampler.Draw(Skewed, 13, seed: 3).ToArray());
    }

    [Fact]
    public void Draw_AnySeedAndSize_GroupCountsDifferByAtMostOne()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var sessions = 1 + (seed * 7 % 50);
            var counts = DispersionSampler.Draw(Skewed, sessions, seed).GroupBy(i => Skewed.GroupOf[i]).Select(g => g.Count()).ToList();
            Assert.True(counts.Max() - (counts.Count < 2 ? 0 : counts.Min()) <= 1,
                $"seed {seed}, {sessions} sessions: {string.Join(",", counts)}");
        }
    }
}
