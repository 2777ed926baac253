using System.Text.Json.Nodes;
using WorldPlay.Evaluation.Detectors;
using WorldPlay.Evaluation.Judging;
using WorldPlay.Evaluation.Reports;
using WorldPlay.Evaluation.Transcripts;
using WorldPlay.FakeLlm;
using WorldPlay.Hosting;
using WorldPlay.Minds.Llm;

namespace WorldPlay.Evaluation.Tests.Judging;

/// <summary>The judge against the fake model, started in-process on a free port: confirmations, audits, unreadable answers, the
/// report.</summary>
public sealed class LlmJudgeTests
{
    private const string Planted = $$$"""
        {"world": "harbor"}
        {"turn": 1, "speaker": "Wren", "role": "user", "text": "Is the stew ready?"}
        {"turn": 2, "speaker": "Mira", "role": "npc", "text": "As an AI language model, I cannot taste stew. Do you want some anyway?"}
        {"turn": 3, "speaker": "Wren", "role": "user", "text": "Yes please."}
        {"turn": 4, "speaker": "Mira", "role": "npc", "text": "Here you are, love. Two coppers, and mind it's hot {{user}}."}
        {"turn": 5, "speaker": "Wren", "role": "user", "text": "Thanks. What news from the docks?"}
        {"turn": 6, "speaker": "Mira", "role": "npc", "text": "Hmm, well, I see it now."}
        {"turn": 7, "speaker": "Wren", "role": "user", "text": "See what?"}
        {{{Turn8}}}
        {"turn": 9, "speaker": "Wren", "role": "user", "text": "Sure."}
        {{{Turn10}}}
        """;

    private const string Turn8 =
        """{"turn": 8, "speaker": "Mira", "role": "npc", "text": "The grain barge came in late, Wren, and the harbourmaster""" +
        """ is furious. Will you walk down with me?"}""";

    private const string Turn10 =
        """{"turn": 10, "speaker": "Mira", "role": "npc", "text": "Grab your coat then; the wind off the water bites.""" +
        """ Which way do you like, the steps or the ramp?"}""";

    private static ScoredTranscript Scored() => TranscriptScorer.Score(TranscriptReader.Parse(Planted, "planted.jsonl"));

    private static LlmJudge Judge(FakeLlmServer server) =>
        new(new LlmEndpoint(new LlmMindOptions { Endpoint = server.Endpoint, Model = FakeLlmServer.DefaultModel, Streaming = false,
            MaxRetries = 0, Temperature = 0 }));

    [Fact]
    public async Task Assess_AssistantIsmFlagged_Confirmed()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions());
        var report = await Judge(server).AssessAsync([Scored()], 0.5, 7);

        var ooc = report.Categories.Single(c => c.Id == BenchCategory.OutOfCharacter);

        Assert.Equal((1, 1, 0), (ooc.Flagged, ooc.Confirmed, ooc.Rejected));
    }

    [Fact]
    public async Task Assess_ShortReplyFlaggedAsFiller_Rejected()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions());
        var report = await Judge(server).AssessAsync([Scored()], 0.5, 7);

        Assert.Contains(report.Disagreements, d => d.Turn == 6 && d.Category == BenchCategory.Filler && d.Kind == "rejected");
    }

    [Fact]
    public async Task Assess_EveryFlaggedPair_GetsAVerdict()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions());
        var scored = Scored();
        var report = await Judge(server).AssessAsync([scored], 0.5, 7);

        var pairs = scored.Hits.Select(h => (h.Line, h.Category)).Distinct().Count();

        Assert.Equal((pairs, pairs, 0), (report.Flagged, report.Confirmed + report.Rejected, report.FlaggedNoVerdict));
    }

    [Fact]
    public async Task Assess_SchemaViolatingAnswers_CountedUnreadableNotAgreement()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions { FaultRate = 1, Faults = [Fault.SchemaViolation] });
        var report = await Judge(server).AssessAsync([Scored()], 0.5, 7);

        Assert.Equal((report.Questions, 0, 0, report.Flagged, null),
            (report.Unreadable, report.Confirmed, report.Rejected, report.FlaggedNoVerdict, report.Precision));
    }

    [Fact]
    public async Task Assess_UnreachableEndpoint_CountedFailed()
    {
        var endpoint = new LlmEndpoint(new LlmMindOptions
        {
            Endpoint = new Uri($"http://127.0.0.1:{WorldPlaySilo.FreePort()}/v1"), Model = "fake", Streaming = false, MaxRetries = 0,
                AttemptTimeout = TimeSpan.FromSeconds(5),
        });
        var report = await new LlmJudge(endpoint).AssessAsync([Scored()], 0, 7);

        Assert.Equal((report.Questions, 0), (report.Failed, report.Confirmed));
    }

    [Fact]
    public async Task Assess_SameSeed_SameReport()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions());
        var first = await Judge(server).AssessAsync([Scored()], 0.5, 7);
        var second = await Judge(server).AssessAsync([Scored()], 0.5, 7);

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(first, ReportFiles.Json),
            System.Text.Json.JsonSerializer.Serialize(second, ReportFiles.Json));
    }

    [Fact]
    public async Task Write_WithJudge_ReportJsonHasJudgeSection()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions());
        var scored = Scored();
        var report = BenchReportBuilder.Build([scored]) with { Judge = await Judge(server).AssessAsync([scored], 0.5, 7) };
        var dir = Directory.CreateTempSubdirectory("bench-judge-").FullName;
        ReportFiles.Write(report, dir);

        var judge = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, ReportFiles.JsonName)))!["judge"]!;

        Assert.Equal(("fake", BenchCategory.All.Count), (judge["model"]!.GetValue<string>(), judge["categories"]!.AsArray().Count));
    }

    [Fact]
    public async Task Write_WithJudge_HtmlHasJudgeTable()
    {
        await using var server = await FakeLlmServer.StartAsync(new FakeLlmOptions());
        var scored = Scored();
        var report = BenchReportBuilder.Build([scored]) with { Judge = await Judge(server).AssessAsync([scored], 0.5, 7) };

        Assert.Contains("<h2 id=\"judge\">LLM judge</h2>", ReportHtml.Render(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_WithoutJudge_ReportJsonHasNoJudgeKey()
    {
        var dir = Directory.CreateTempSubdirectory("bench-nojudge-").FullName;
        ReportFiles.Write(BenchReportBuilder.Build([Scored()]), dir);

        Assert.False(JsonNode.Parse(File.ReadAllText(Path.Combine(dir, ReportFiles.JsonName)))!.AsObject().ContainsKey("judge"));
    }
}
