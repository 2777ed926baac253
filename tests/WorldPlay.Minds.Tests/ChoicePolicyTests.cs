namespace WorldPlay.Minds.Tests;

public sealed class ChoicePolicyTests
{
    private static readonly ChoicePolicy SlowBurn = ChoicePolicy.For(new UserProfile(UserStyle.SlowBurn));

    private static readonly ReplyCandidate[] Candidates = [new(40, 0), new(120, 2), new(80, 1)];

    [Fact]
    public void Regenerates_SameSeedAndTurn_SameAnswerEveryTime()
    {
        var first = Enumerable.Range(1, 500).Select(t => SlowBurn.Regenerates(7, t, 0, t % 2 == 0)).ToList();

        var again = Enumerable.Range(1, 500).Select(t => SlowBurn.Regenerates(7, t, 0, t % 2 == 0)).ToList();

        Assert.Equal(first, again);
    }

    [Fact]
    public void Regenerates_OverManyTurns_ConcentratedOnPivots()
    {
        var draws = Enumerable.Range(1, 2000).ToList();

        var pivot = draws.Count(t => SlowBurn.Regenerates(3, t, 0, true));
        var ordinary = draws.Count(t => SlowBurn.Regenerates(3, t, 0, false));

        Assert.True(pivot > 5 * ordinary, $"{pivot} regenerations at pivots, {ordinary} at ordinary turns, of 2000 each");
    }

    [Fact]
    public void Regenerates_PlantedHabit_RegeneratesOrdinaryTurnsFarMoreOften()
    {
        var habit = SlowBurn.Plant("regenerates");
        var draws = Enumerable.Range(1, 2000).ToList();

        var planted = draws.Count(t => habit.Regenerates(3, t, 0, false));
        var usual = draws.Count(t => SlowBurn.Regenerates(3, t, 0, false));

        Assert.True(planted > 8 * usual, $"{planted} with the habit, {usual} without, of 2000");
    }

    [Fact]
    public void Choose_PlantedLonger_AlwaysTheLongest()
    {
        var longer = SlowBurn.Plant("longer");

        Assert.All(Enumerable.Range(1, 200), t => Assert.Equal(1, longer.Choose(5, t, Candidates)));
    }

    [Fact]
    public void Choose_PlantedFirst_AlwaysTheFirst()
    {
        var first = SlowBurn.Plant("first");

        Assert.All(Enumerable.Range(1, 200), t => Assert.Equal(0, first.Choose(5, t, Candidates)));
    }

    [Fact]
    public void Choose_ByQuality_MostlyTheReplyWithFewestProblems()
    {
        var picks = Enumerable.Range(1, 2000).Select(t => SlowBurn.Choose(9, t, Candidates)).ToList();

        var cleanest = picks.Count(p => p == 0) / 2000.0;
        Assert.InRange(cleanest, 0.85, 0.95);
    }

    [Fact]
    public void Plant_UnknownBias_IsRefusedNamingTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => SlowBurn.Plant("shorter"));

        Assert.Equal("Unknown bias 'shorter'; known: longer, first, regenerates.", error.Message);
    }
}
