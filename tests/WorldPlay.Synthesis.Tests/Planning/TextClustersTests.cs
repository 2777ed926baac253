using WorldPlay.Synthesis.Planning;

namespace WorldPlay.Synthesis.Tests.Planning;

public sealed class TextClustersTests
{
    private static readonly string[] TwoTropes =
    [
        "A rival student at the high school, jealous of your grades and your place on the school team.",
        "Your classmate and rival since middle school; the school dance is on Friday and he wants your partner.",
        "The school captain, a rival who never forgave you for the lost school championship.",
        "A transfer student at your school who sees every exam as a duel between rivals.",
        "A starship pilot drifting near the asteroid belt, her engine failing and her oxygen low.",
        "The starship engineer who keeps the engine alive with spare parts from the asteroid mines.",
    ];

    [Fact]
    public void Cluster_TwoTropes_PutsEachTropeTogether()
    {
        var clusters = TextClusters.Cluster(TwoTropes, 2);

        Assert.Equal([0, 0, 0, 0, 1, 1], clusters.Assignment.ToArray());
    }

    [Fact]
    public void Cluster_TwoTropes_LabelsClustersByTheirHeaviestTerms()
    {
        var clusters = TextClusters.Cluster(TwoTropes, 2);

        Assert.Contains("school", clusters.Labels[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Cluster_ChineseTexts_CutByCharacterAndSeparated()
    {
        string[] texts =
        [
            "皇宫里的太监总管，掌管宫中大小事务。", "宫中的贵妃，暗中争夺皇后之位。", "皇宫侍卫统领，守卫宫门多年。",
            "大学校园里的学长，篮球社社长。", "校园广播站的学姐，大学四年从不缺席。",
        ];

        var clusters = TextClusters.Cluster(texts, 2);

        Assert.Equal([0, 0, 0, 1, 1], clusters.Assignment.ToArray());
    }

    [Fact]
    public void Cluster_SameTextsTwice_GivesTheSameClusters()
    {
        var texts = PlanningScenarios.RpBench(0, 20).Select(ScenarioGrouping.Text).ToList();

        var first = TextClusters.Cluster(texts, 4);
        var second = TextClusters.Cluster(texts, 4);

        Assert.Equal(string.Join(",", first.Assignment) + string.Join(",", first.Labels),
            string.Join(",", second.Assignment) + string.Join(",", second.Labels));
    }
}
