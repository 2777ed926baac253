using System.Collections.Immutable;
using WorldPlay.Evaluation.Calibration;
using WorldPlay.Evaluation.Judging;
using WorldPlay.FakeLlm;
using WorldPlay.Hosting;
using WorldPlay.Minds.Llm;

namespace WorldPlay.Evaluation.Tests.Calibration;

/// <summary>The judge measured against the fixture corpus's labels, played by the fake model started in-process on a free port:
/// every NPC reply asked once about all thirteen categories, answers counted against the labels with kappa, and unreadable
/// answers and failed calls counted and left out.</summary>
public sealed class JudgeCalibrationTests
{
    private static readonly IReadOnlyList<LabelledSession> Fixture = LabelledCorpus.Read(CalibrationFolders.Fixture);

    private static LlmJudge Judge(Uri endpoint) =>
        new(new LlmEndpoint(new LlmMindOptions { Endpoint = endpoint, Model = FakeLlmServer.DefaultModel, Streaming = false,
            MaxRetries = 0, Temperature = 0, AttemptTimeout = TimeSpan.FromSeconds(5) }));

    private static async Task<JudgeCalibration> RunAsync(FakeLlmOptions options)
    {
        await using var server = await FakeLlmServer.StartAsync(options);
        return await JudgeCalibration.RunAsync(Judge(server.Endpoint), Fixture);
    }

    private static AgreementCounts Row(JudgeCalibration judge, string language, string category) =>
        judge.Languages.Single(l => l.Language == language).Categories.Single(c => c.Category == category);

    [Fact]
    public void Cases_OnFixture_OneAuditQuestionPerNpcReplyAboutAllCategories()
    {
        var cases = JudgeCalibration.Cases(Fixture);

        Assert.Equal((18, 18, true), (cases.Length, cases.Count(c => c.Purpose == JudgePurpose.Audit),
            cases.All(c => c.Categories.SequenceEqual(BenchCategory.All))));
    }

    [Fact]
    public async Task Run_AgainstFake_EveryReplyAnswered()
    {
        var judge = await RunAsync(new FakeLlmOptions());

        Assert.Equal((FakeLlmServer.DefaultModel, 18, 18, 0, 0), (judge.Model, judge.Questions, judge.Answered, judge.Unreadable,
            judge.Failed));
    }

    [Fact]
    public async Task Run_AgainstFake_AssistantIsmInEnglishAgreesWithLabelsKappaOne()
    {
        var ooc = Row(await RunAsync(new FakeLlmOptions()), "en", BenchCategory.OutOfCharacter);

        Assert.Equal((1, 1, 0, 0, 8, 1.0), (ooc.Labelled, ooc.TruePositives, ooc.FalsePositives, ooc.FalseNegatives, ooc.TrueNegatives,
            ooc.Kappa));
    }

    [Fact]
    public async Task Run_AgainstFake_ChineseAssistantIsmMissedKappaZero()
    {
        var ooc = Row(await RunAsync(new FakeLlmOptions()), "zh", BenchCategory.OutOfCharacter);

        Assert.Equal((1, 0, 0, 1, 0.0, 0.0), (ooc.Labelled, ooc.TruePositives, ooc.FalsePositives, ooc.FalseNegatives, ooc.Recall,
            ooc.Kappa));
    }

    [Fact]
    public async Task Run_AgainstFake_EnglishTotalsCountEveryPair()
    {
        var total = (await RunAsync(new FakeLlmOptions())).Languages.Single(l => l.Language == "en").Total;

        Assert.Equal((8, 7, 2, 1, 9 * 13 - 10), (total.Labelled, total.TruePositives, total.FalsePositives, total.FalseNegatives,
            total.TrueNegatives));
    }

    [Fact]
    public async Task Run_AgainstFake_HalvesPerLanguage()
    {
        var halves = (await RunAsync(new FakeLlmOptions())).Halves
            .Select(h => $"{h.Half}: {string.Join(" ", h.Languages.Select(l => $"{l.Language} {l.Replies}"))}");

        Assert.Equal(["dev: en 5 zh 5", "test: en 4 zh 4"], halves);
    }

    [Fact]
    public async Task Run_SchemaViolatingAnswers_CountedUnreadableAndLeftOut()
    {
        var judge = await RunAsync(new FakeLlmOptions { FaultRate = 1, Faults = [Fault.SchemaViolation] });
        var en = judge.Languages.Single(l => l.Language == "en");

        Assert.Equal((18, 0, 0, null), (judge.Unreadable, judge.Answered, en.Replies, en.Total.Kappa));
    }

    [Fact]
    public async Task Run_UnreachableEndpoint_CountedFailed()
    {
        var judge = await JudgeCalibration.RunAsync(Judge(new Uri($"http://127.0.0.1:{WorldPlaySilo.FreePort()}/v1")), Fixture);

        Assert.Equal((18, 0), (judge.Failed, judge.Answered));
    }

    [Fact]
    public async Task Run_Progress_HeardOncePerReplyInOrder()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions());
        var heard = new List<int>();
        await JudgeCalibration.RunAsync(Judge(server.Endpoint), Fixture, concurrency: 4, progress: (done, _) => heard.Add(done));

        Assert.Equal(Enumerable.Range(1, 18), heard);
    }

    [Fact]
    public void Summarize_AnswerWithoutACategory_CountsItAbsent()
    {
        var cases = JudgeCalibration.Cases(Fixture);
        var judgements = cases.Select(c => new Judgement(c, JudgeOutcome.Answered, [], null)).ToImmutableArray();

        var ooc = Row(JudgeCalibration.Summarize("m", Fixture, judgements), "en", BenchCategory.OutOfCharacter);

        Assert.Equal((0, 0, 1, 8), (ooc.TruePositives, ooc.FalsePositives, ooc.FalseNegatives, ooc.TrueNegatives));
    }
}
