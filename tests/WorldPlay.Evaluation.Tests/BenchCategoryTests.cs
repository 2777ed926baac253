using WorldPlay.Evaluation;

namespace WorldPlay.Evaluation.Tests;

public sealed class BenchCategoryTests
{
    [Fact]
    public void All_ThirteenIds_AreDistinctAndGroupPrefixed()
    {
        Assert.Equal(13, BenchCategory.All.Distinct().Count());
        Assert.All(BenchCategory.All, id => Assert.Matches("^(basics|logic|knowledge|diversity|content|prefs)\\.[a-z_]+$", id));
    }
}
