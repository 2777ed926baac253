using System.Text.Json;
using WorldPlay.Evaluation.Detectors;
using WorldPlay.Evaluation.Reports;

namespace WorldPlay.Evaluation.Tests.Constructed;

/// <summary>User-constructed recall on a constructed session: three probes, two answered consistently.</summary>
public sealed class ConstructedRecallTests
{
    /// <summary>Lena is created at turn 1. Turn 5 names her too early to probe; turns 12, 14 and 16 probe; the answer to 14 calls
    /// her a cousin; the answer to 16 does not name her and is the first reply; turn 18 names nothing the user built.</summary>
    internal static ScoredTranscript ThreeProbesTwoConsistent(bool chinese = false)
    {
        var w = chinese ? CoCreatedWorld.Chinese() : CoCreatedWorld.English();
        string[] all = [w.MiraName, w.TomasName];
        string[] user = [w.RenName, w.TomasName];
        var lines = chinese
            ? new[] { "跟我说说莲娜。", "她还好。", "你还记得莲娜吗？", "你妹妹莲娜，在瓦斯克。当然记得。", "莲娜还好吗？", "你表妹莲娜很好。",
                "莲娜向你问好。", "她真好心。", "还有别的吗？", "没有了。" }
            : new[] { "Tell me about Lena.", "She sounds kind.", "Do you remember Lena?", "Your sister Lena, in Vask. Of course.",
                "Is Lena well?", "Your cousin Lena is fine.", "Lena sends her love.", "How kind of her.", "Anything else?", "Nothing." };
        w.Npc(2, w.MiraName, chinese ? "瓦斯克很远。" : "Vask is far.", user)
            .User(5, lines[0], all).Npc(6, w.MiraName, lines[1], user)
            .User(12, lines[2], all).Npc(13, w.MiraName, lines[3], user)
            .User(14, lines[4], all).Npc(15, w.MiraName, lines[5], user)
            .User(16, lines[6], all).Npc(17, w.MiraName, lines[7], user)
            .User(18, lines[8], all).Npc(19, w.MiraName, lines[9], user);
        return TranscriptScorer.Score(w.Transcript());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Of_ThreeProbesTwoConsistent_TwoThirds(bool chinese)
    {
        var recall = ConstructedRecall.Of(ThreeProbesTwoConsistent(chinese));

        Assert.Equal((3, 2, 0.6667), (recall.Probes, recall.Consistent, recall.Recall));
    }

    [Fact]
    public void Probes_ThreeProbes_TurnsAndAnswers()
    {
        var scored = ThreeProbesTwoConsistent();

        var probes = ConstructedRecall.Probes(scored);

        Assert.Equal(["12 -> 13 consistent", "14 -> 15 confused", "16 -> 17 consistent"],
            probes.Select(p => $"{p.Turn} -> {string.Join(",", p.Answers.Select(a => scored.Transcript.Lines[a].Turn))} " +
                $"{(p.Consistent ? "consistent" : "confused")}"));
    }

    [Fact]
    public void Describe_NoProbes_NotApplicable() =>
        Assert.Equal("n/a (no probes)", new ProbeRecall(0, 0).Describe());

    [Fact]
    public void Build_ConstructedSession_ReportsRecallOverallAndPerSession()
    {
        var report = BenchReportBuilder.Build([ThreeProbesTwoConsistent()]);

        Assert.Equal((3, 2, 0.6667), (report.UserConstructedRecall!.Probes, report.UserConstructedRecall.ConsistentProbes,
            report.UserConstructedRecall.Recall));
        Assert.Equal((3, 2, 0.6667), (report.SessionResults[0].Probes, report.SessionResults[0].ConsistentProbes,
            report.SessionResults[0].Recall));
    }

    [Fact]
    public void Json_ConstructedSession_CarriesRecall()
    {
        var dir = Directory.CreateTempSubdirectory("bench-recall-").FullName;
        ReportFiles.Write(BenchReportBuilder.Build([ThreeProbesTwoConsistent()]), dir);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, ReportFiles.JsonName)));
        var recall = json.RootElement.GetProperty("userConstructedRecall");
        Assert.Equal("3 2 0.6667 0.6667", $"{recall.GetProperty("probes")} {recall.GetProperty("consistentProbes")} " +
            $"{recall.GetProperty("recall")} {json.RootElement.GetProperty("sessionResults")[0].GetProperty("recall")}");
    }

    [Fact]
    public void Html_ConstructedSession_ShowsRecall() =>
        Assert.Contains("<strong>0.67</strong>: 2 of 3 probe turn(s)",
            ReportHtml.Render(BenchReportBuilder.Build([ThreeProbesTwoConsistent()])),
            StringComparison.Ordinal);

    [Fact]
    public void Html_NoProbes_NotApplicable() =>
        Assert.Contains("<strong>n/a</strong>: 0 of 0 probe turn(s)",
            ReportHtml.Render(BenchReportBuilder.Build([.. DetectorValidationTests.Corpus().Select(c => c.Scored)])),
            StringComparison.Ordinal);
}
