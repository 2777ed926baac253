using WorldPlay.Core;
using WorldPlay.Minds.Llm;
using static WorldPlay.Testing.TestWorlds;

namespace WorldPlay.Minds.Tests;

/// <summary>Replies a model gets wrong: one repair is asked for, and when that fails too the turn keeps the speech and proposes
/// nothing, and says so in its usage.</summary>
public sealed class RepairTests : IAsyncLifetime
{
    private ScriptedServer _server = null!;

    public async Task InitializeAsync() => _server = await ScriptedServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private LlmMind Mind(bool streaming = false) => new(new LlmEndpoint(Scenes.Options(_server, streaming)));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DecideAsync_MalformedThenGood_TakesTheRepairedAction(bool streaming)
    {
        _server.Enqueue(new Step.Reply("Sure! {speech: 'Fog', proposals: ["), new Step.Reply(Scenes.EveryKind));

        var action = await Mind(streaming).DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None);

        Assert.Equal(Scenes.EveryKindChanges, action.Proposals.Select(p => p.Change));
    }

    [Fact]
    public async Task Usage_MalformedThenGood_CountsOneRepairAndOneFailure()
    {
        _server.Enqueue(new Step.Reply("not json at all {"), new Step.Reply(Scenes.Simple));

        var action = await Mind().DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None);

        Assert.Equal((1, 1), (action.Usage.RepairAttempts, action.Usage.ParseFailures));
    }

    [Fact]
    public async Task Usage_MalformedThenGood_AddsTheTokensOfBothCalls()
    {
        _server.Enqueue(new Step.Reply("not json at all {"), new Step.Reply(Scenes.Simple));

        var action = await Mind().DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None);

        Assert.Equal(2 * ScriptedServer.ReportedPromptTokens, action.Usage.PromptTokens);
    }

    [Fact]
    public async Task RepairRequest_MalformedReply_SendsTheReplyBackWithTheProblem()
    {
        _server.Enqueue(new Step.Reply("""{"speech": 42}"""), new Step.Reply(Scenes.Simple));

        await Mind().DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None);

        var repair = _server.Requests[1].Messages;
        Assert.Equal(
            ("assistant", """{"speech": 42}""", "user", true),
            (repair[^2].Role, repair[^2].Content, repair[^1].Role,
                repair[^1].Content.Contains("'speech' must be a string", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DecideAsync_ProseTwice_KeepsTheProseAsSpeechAndProposesNothing()
    {
        _server.Enqueue(new Step.Reply("  Aye, the fog. Ask Oren.  "), new Step.Reply("I cannot do JSON."));

        var action = await Mind().DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None);

        Assert.Equal(("Aye, the fog. Ask Oren.", 0), (action.Speech, action.Proposals.Length));
    }

    [Fact]
    public async Task Usage_BothRepliesUnreadable_CountsTwoFailuresForOneRepair()
    {
        _server.Enqueue(new Step.Reply("Aye."), new Step.Reply("Still aye."));

        var action = await Mind().DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None);

        Assert.Equal((1, 2), (action.Usage.RepairAttempts, action.Usage.ParseFailures));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DecideAsync_CutOffJsonTwice_RecoversTheSpeech(bool streaming)
    {
        const string cut = """{"speech":"The lantern stays with me, Tomas.","narration":"She","proposals":[{"kind":"gave","item":""";
        _server.Enqueue(new Step.Reply(cut), new Step.Reply(cut));
        var log = new SpeechLog();

        var action = await Mind(streaming).DecideAsync(Scenes.AsMira(), log, CancellationToken.None);

        Assert.Equal(("The lantern stays with me, Tomas.", 0, "The lantern stays with me, Tomas."),
            (action.Speech, action.Proposals.Length, log.Shown));
    }

    [Fact]
    public async Task DecideAsync_JsonDebrisTwice_SpeaksNothingRatherThanJson()
    {
        _server.Enqueue(new Step.Reply("""{"narration": "she turns", "proposals": ["""), new Step.Reply("""{"oops": """));

        var action = await Mind().DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None);

        Assert.Equal(("", 0), (action.Speech, action.Proposals.Length));
    }

    [Fact]
    public async Task DecideAsync_RepairCallFails_KeepsTheFirstRepliesSpeech()
    {
        _server.Enqueue(new Step.Reply("Aye, the fog."), new Step.Status(400));

        var action = await Mind().DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None);

        Assert.Equal(("Aye, the fog.", 2), (action.Speech, action.Usage.ParseFailures));
    }

    [Fact]
    public async Task DecideAsync_WrongTypesInsideProposals_DropsOnlyThoseProposals()
    {
        _server.Enqueue(new Step.Reply(
            """{"speech":"Hm.","proposals":[{"kind":"moved","to":5},{"kind":"took","item":"silver-coin"},"""
            + """{"kind":"time-advanced","minutes":"soon"},"walk",{"kind":"spoke","text":"hi"}]}"""));

        var action = await Mind().DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None);

        Assert.Equal([new Took(Coin)], action.Proposals.Select(p => p.Change));
    }

    [Fact]
    public async Task DecideAsync_WrongTypesInsideProposals_AsksForNoRepair()
    {
        _server.Enqueue(new Step.Reply("""{"speech":"Hm.","proposals":[{"kind":"moved","to":5}]}"""));

        await Mind().DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None);

        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task DecideAsync_UnknownIds_KeepsThemForTheLawsToRefuse()
    {
        _server.Enqueue(new Step.Reply("""{"speech":"Go.","addressees":["ghost"],"proposals":[{"kind":"moved","to":"atlantis"}]}"""));

        var action = await Mind().DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None);

        Assert.Equal(("ghost", (WorldChange)new Moved("atlantis")),
            (string.Join(',', action.Addressees), action.Proposals.Single().Change));
    }

    [Fact]
    public async Task DecideAsync_StreamedReplyRepaired_ShowsTheRepairedSpeechAfterARestart()
    {
        _server.Enqueue(new Step.Reply("""{"speech":"First try","narration":7}"""), new Step.Reply(Scenes.Simple));
        var log = new SpeechLog();

        var action = await Mind(streaming: true).DecideAsync(Scenes.AsMira(), log, CancellationToken.None);

        Assert.Equal((true, action.Speech), (log.Deltas.Any(d => d.Restart), log.Shown));
    }
}
