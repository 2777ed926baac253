using WorldPlay.Core;
using WorldPlay.Core.Minds;
using WorldPlay.Minds.Llm;
using static WorldPlay.Testing.TestWorlds;

namespace WorldPlay.Minds.Tests;

/// <summary>A turn through the wire: the request the mind sends, the action it reads back, streamed or not, and what it costs.</summary>
public sealed class LlmMindTests : IAsyncLifetime
{
    private ScriptedServer _server = null!;

    public async Task InitializeAsync() => _server = await ScriptedServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private LlmMind Mind(bool streaming = false) => new(new LlmEndpoint(Scenes.Options(_server, streaming)));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DecideAsync_ReplyWithEveryKind_ProposesEachAsTheCoreChange(bool streaming)
    {
        _server.Enqueue(new Step.Reply(Scenes.EveryKind));

        var action = await Mind(streaming).DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None);

        Assert.Equal(Scenes.EveryKindChanges, action.Proposals.Select(p => p.Change));
    }

    [Fact]
    public async Task DecideAsync_ReplyWithEveryKind_ReadsSpeechNarrationAndAddressees()
    {
        _server.Enqueue(new Step.Reply(Scenes.EveryKind));

        var action = await Mind().DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None);

        Assert.Equal(
            ("Tide waits for no one, Tomas. Will you walk with me?", "Mira coils a rope.", "tomas"),
            (action.Speech, action.Narration, string.Join(',', action.Addressees)));
    }

    [Fact]
    public async Task DecideAsync_AnyReply_ProposesAsTheCharacterItself()
    {
        _server.Enqueue(new Step.Reply(Scenes.EveryKind));

        var action = await Mind().DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None);

        Assert.All(action.Proposals, p => Assert.Equal(Mira, p.Actor));
    }

    [Fact]
    public async Task DecideAsync_StreamingAndNot_GiveTheSameAction()
    {
        _server.Enqueue(new Step.Reply(Scenes.EveryKind), new Step.Reply(Scenes.EveryKind));

        var whole = await Mind(streaming: false).DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None);
        var streamed = await Mind(streaming: true).DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None);

        Assert.Equal(Scenes.Json(whole), Scenes.Json(streamed));
    }

    [Fact]
    public async Task DecideAsync_Streaming_ReportsSpeechInPiecesThatJoinToTheSpeech()
    {
        _server.Enqueue(new Step.Reply(Scenes.EveryKind, ChunkSize: 3));
        var log = new SpeechLog();

        var action = await Mind(streaming: true).DecideAsync(Scenes.AsMira(), log, CancellationToken.None);

        Assert.Equal((true, action.Speech), (log.Deltas.Count > 5, string.Concat(log.Deltas.Select(d => d.Text))));
    }

    [Fact]
    public async Task DecideAsync_NotStreaming_ReportsTheWholeSpeechOnce()
    {
        _server.Enqueue(new Step.Reply(Scenes.EveryKind));
        var log = new SpeechLog();

        var action = await Mind(streaming: false).DecideAsync(Scenes.AsMira(), log, CancellationToken.None);

        Assert.Equal([new SpeechDelta(action.Speech)], log.Deltas);
    }

    [Fact]
    public async Task DecideAsync_StreamedEscapes_AreReportedUnescaped()
    {
        _server.Enqueue(new Step.Reply(
            """{"speech":"She said \"no\"\nthen \u00e9t\u00e9 \\ ok","narration":"","addressees":[],"proposals":[]}""", ChunkSize: 1));
        var log = new SpeechLog();

        var action = await Mind(streaming: true).DecideAsync(Scenes.AsMira(), log, CancellationToken.None);

        Assert.Equal(("She said \"no\"\nthen été \\ ok", action.Speech), (log.Shown, log.Shown));
    }

    [Fact]
    public async Task DecideAsync_Request_AsksForTheActionSchemaAndStreamUsage()
    {
        _server.Enqueue(new Step.Reply(Scenes.Simple));

        await Mind(streaming: true).DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None);

        var request = _server.Requests.Single();
        Assert.Equal(
            ("json_schema", ActionSchema.Name, true, true),
            (request["response_format"]?["type"]?.GetValue<string>(),
                request["response_format"]?["json_schema"]?["name"]?.GetValue<string>(),
             request["stream"]?.GetValue<bool>(), request["stream_options"]?["include_usage"]?.GetValue<bool>()));
    }

    [Fact]
    public async Task DecideAsync_StreamingButNobodyListens_AsksForTheWholeReply()
    {
        _server.Enqueue(new Step.Reply(Scenes.Simple));

        var action = await Mind(streaming: true).DecideAsync(Scenes.AsMira(), CancellationToken.None);

        Assert.False(_server.Requests.Single()["stream"]?.GetValue<bool>() ?? false);
        Assert.NotEmpty(action.Speech);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Usage_EndpointReportsTokens_TakesTheEndpointsCounts(bool streaming)
    {
        _server.Enqueue(new Step.Reply(Scenes.Simple));

        var action = await Mind(streaming).DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None);

        Assert.Equal((ScriptedServer.ReportedPromptTokens, ScriptedServer.ReportedCompletionTokens),
            (action.Usage.PromptTokens, action.Usage.CompletionTokens));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Usage_EndpointReportsNoTokens_CountsThePromptAndReply(bool streaming)
    {
        _server.Enqueue(new Step.Reply(Scenes.Simple, ReportUsage: false));

        var action = await Mind(streaming).DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None);

        var request = _server.Requests.Single();
        Assert.Equal(
            (request.PromptTokens + (4 * request.Messages.Count), TokenCounter.Default.Count(Scenes.Simple)),
            (action.Usage.PromptTokens, action.Usage.CompletionTokens));
    }

    [Fact]
    public async Task Usage_CleanTurn_NamesTheMindAndCountsNoRetriesOrRepairs()
    {
        _server.Enqueue(new Step.Reply(Scenes.Simple));

        var action = await Mind().DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None);

        Assert.Equal(("openai:scripted", 0, 0, 0),
            (action.Usage.Mind, action.Usage.Retries, action.Usage.RepairAttempts, action.Usage.ParseFailures));
    }

    [Fact]
    public async Task DecideAsync_ModelOverride_AsksForThatModelAndNamesIt()
    {
        _server.Enqueue(new Step.Reply(Scenes.Simple));

        var action = await new LlmMind(new LlmEndpoint(Scenes.Options(_server)), "small-model")
            .DecideAsync(Scenes.AsMira(), CancellationToken.None);

        Assert.Equal(("small-model", "openai:small-model"), (_server.Requests.Single()["model"]?.GetValue<string>(), action.Usage.Mind));
    }

    [Fact]
    public async Task DecideAsync_AnsweringALine_ProposalsAreCausedByThatLine()
    {
        _server.Enqueue(new Step.Reply("""{"speech":"Fine.","proposals":[{"kind":"moved","to":"market"}]}"""));
        var heard = Scenes.Line(3, Tomas, "Walk with me to the market?");
        var cue = Scenes.Cue with { AnswerTo = new HeardLine(3, 3, Tomas, "Tomas", "Walk with me to the market?", []) };

        var action = await Mind().DecideAsync(Scenes.Of(Mira, Initial, [heard], cue), CancellationToken.None);

        Assert.Equal<long>([3L], action.Proposals.Single().Causes);
    }
}
