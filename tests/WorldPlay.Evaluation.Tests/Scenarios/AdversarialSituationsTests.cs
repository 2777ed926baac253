using WorldPlay.Evaluation.Scenarios;

namespace WorldPlay.Evaluation.Tests.Scenarios;

public sealed class AdversarialSituationsTests
{
    [Fact]
    public void Load_SharedSituations_Eight() =>
        Assert.Equal(8, AdversarialSituations.Load(TestData.Situations).Length);

    [Fact]
    public void Load_SharedSituations_FirstIsAntiTuringForFourTurns()
    {
        var first = AdversarialSituations.Load(TestData.Situations)[0];

        Assert.Equal("anti_turing/4", $"{string.Join(',', first.Tags)}/{first.NumTurns}");
    }

    [Fact]
    public void Load_MalformedSituations_NamesEveryBadField() =>
        Assert.Equal(
            [
                "bad-situations.json: situations[1].tags is missing or empty; give at least one tag",
                "bad-situations.json: situations[2].text is missing",
                "bad-situations.json: situations[2].num_turns is 0; expected a whole number of user turns, 1 or more",
            ],
            Assert.Throws<ScenarioImportException>(() =>
                AdversarialSituations.Load(TestData.Fixture("bad-situations.json"))).Problems.Select(p => p.ToString()).ToArray());
}
