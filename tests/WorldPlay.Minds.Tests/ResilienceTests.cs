using WorldPlay.Core.Minds;
using WorldPlay.Minds.Llm;

namespace WorldPlay.Minds.Tests;

/// <summary>What real endpoints do: rate limits, errors, hangs, streams cut short, too many callers. Assertions count attempts
/// and read reasons; none measures time.</summary>
public sealed class ResilienceTests : IAsyncLifetime
{
    private ScriptedServer _server = null!;

    public async Task InitializeAsync() => _server = await ScriptedServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private LlmMind Mind(Func<LlmMindOptions, LlmMindOptions>? configure = null, bool streaming = false) =>
        new(new LlmEndpoint((configure ?? (o => o))(Scenes.Options(_server, streaming))));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DecideAsync_429WithRetryAfter_RetriesAndSucceeds(bool streaming)
    {
        _server.Enqueue(new Step.Status(429, RetryAfter: "1"), new Step.Reply(Scenes.Simple));

        var action = await Mind(streaming: streaming).DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None);

        Assert.Equal((2, 1, "Fog again. Who let it in, Tomas?"), (_server.Requests.Count, action.Usage.Retries, action.Speech));
    }

    [Fact]
    public async Task DecideAsync_429AskingToWaitTooLong_FailsRateLimitedWithoutRetrying()
    {
        _server.Enqueue(new Step.Status(429, RetryAfter: "3600"));

        var failure = await Assert.ThrowsAsync<MindUnavailableException>(() =>
            Mind().DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None));

        Assert.Equal((MindUnavailableReason.RateLimited, 1, true),
            (failure.Reason, _server.Requests.Count, failure.Message.Contains("3600 s", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DecideAsync_Always429_FailsRateLimitedAfterEveryRetry()
    {
        _server.Fallback = new Step.Status(429, RetryAfter: "0");

        var failure = await Assert.ThrowsAsync<MindUnavailableException>(() =>
            Mind(o => o with { MaxRetries = 2 }).DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None));

        Assert.Equal((MindUnavailableReason.RateLimited, 3), (failure.Reason, _server.Requests.Count));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DecideAsync_500ThenSuccess_RetriesAndSucceeds(bool streaming)
    {
        _server.Enqueue(new Step.Status(500), new Step.Status(503), new Step.Reply(Scenes.Simple));

        var action = await Mind(streaming: streaming).DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None);

        Assert.Equal((3, 2, "Fog again. Who let it in, Tomas?"), (_server.Requests.Count, action.Usage.Retries, action.Speech));
    }

    [Fact]
    public async Task DecideAsync_Always500_FailsAsEndpointErrorNamingTheStatus()
    {
        _server.Fallback = new Step.Status(500);

        var failure = await Assert.ThrowsAsync<MindUnavailableException>(() =>
            Mind(o => o with { MaxRetries = 2 }).DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None));

        Assert.Equal((MindUnavailableReason.EndpointError, 3, true),
            (failure.Reason, _server.Requests.Count, failure.Message.Contains("answered 500", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DecideAsync_400_FailsWithoutRetrying()
    {
        _server.Fallback = new Step.Status(400, Body: """{"error":{"message":"response_format is not supported"}}""");

        var failure = await Assert.ThrowsAsync<MindUnavailableException>(() =>
            Mind().DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None));

        Assert.Equal((1, true),
            (_server.Requests.Count, failure.Message.Contains("response_format is not supported", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DecideAsync_AfterEnoughFailuresInARow_FailsFastWithTheCircuitOpen()
    {
        _server.Fallback = new Step.Status(500);
        var mind = Mind(o => o with { MaxRetries = 0, BreakAfterFailures = 3, BreakDuration = TimeSpan.FromMinutes(5) });
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<MindUnavailableException>(() => mind.DecideAsync(Scenes.AsMira(), CancellationToken.None));
        }

        var failure = await Assert.ThrowsAsync<MindUnavailableException>(() => mind.DecideAsync(Scenes.AsMira(), CancellationToken.None));

        Assert.Equal((MindUnavailableReason.CircuitOpen, 3, true),
            (failure.Reason, _server.Requests.Count, failure.Message.Contains("circuit open", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DecideAsync_CircuitOpen_IsSharedByEveryMindOnTheEndpoint()
    {
        _server.Fallback = new Step.Status(502);
        var endpoint = new LlmEndpoint(Scenes.Options(_server) with { MaxRetries = 0, BreakAfterFailures = 2,
            BreakDuration = TimeSpan.FromMinutes(5) });
        await Assert.ThrowsAsync<MindUnavailableException>(() =>
            new LlmMind(endpoint).DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None));
        await Assert.ThrowsAsync<MindUnavailableException>(() =>
            new LlmMind(endpoint, "other").DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None));

        var failure = await Assert.ThrowsAsync<MindUnavailableException>(
            () => new LlmUserSimulator(endpoint, UserStyle.FastPlot).DecideAsync(Scenes.AsMira(), CancellationToken.None));

        Assert.Equal(MindUnavailableReason.CircuitOpen, failure.Reason);
    }

    [Fact]
    public async Task DecideAsync_EndpointHangs_FailsWithTimeoutAfterEachAttempt()
    {
        _server.Fallback = new Step.Hang();

        var failure = await Assert.ThrowsAsync<MindUnavailableException>(
            () => Mind(o => o with { AttemptTimeout = TimeSpan.FromMilliseconds(300), MaxRetries = 1 })
                .DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None));

        Assert.Equal((MindUnavailableReason.Timeout, 2), (failure.Reason, _server.Requests.Count));
    }

    [Fact]
    public async Task DecideAsync_StreamHangsMidway_FailsWithTimeout()
    {
        _server.Fallback = new Step.CutShort(Scenes.EveryKind, 40, ThenHang: true);

        var failure = await Assert.ThrowsAsync<MindUnavailableException>(
            () => Mind(o => o with { AttemptTimeout = TimeSpan.FromMilliseconds(300), MaxRetries = 0 }, streaming: true)
                .DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None));

        Assert.Equal(MindUnavailableReason.Timeout, failure.Reason);
    }

    [Fact]
    public async Task DecideAsync_CallerCancels_ThrowsCancellationNotUnavailable()
    {
        _server.Fallback = new Step.Hang();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Mind().DecideAsync(Scenes.AsMira(), cancel.Token));
    }

    [Fact]
    public async Task DecideAsync_StreamCutShortThenWhole_RetriesAndShowsTheWholeSpeech()
    {
        _server.Enqueue(new Step.CutShort(Scenes.EveryKind, 40), new Step.Reply(Scenes.EveryKind));
        var log = new SpeechLog();

        var action = await Mind(streaming: true).DecideAsync(Scenes.AsMira(), log, CancellationToken.None);

        Assert.Equal((2, 1, Scenes.EveryKindChanges.Length, action.Speech),
            (_server.Requests.Count, action.Usage.Retries, action.Proposals.Length, log.Shown));
    }

    [Fact]
    public async Task DecideAsync_StreamAlwaysCutShort_FailsAsEndpointError()
    {
        _server.Fallback = new Step.CutShort(Scenes.EveryKind, 40);

        var failure = await Assert.ThrowsAsync<MindUnavailableException>(
            () => Mind(o => o with { MaxRetries = 1 }, streaming: true)
                .DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None));

        Assert.Equal((MindUnavailableReason.EndpointError, 2), (failure.Reason, _server.Requests.Count));
    }

    [Fact]
    public async Task DecideAsync_ManyTurnsAtOnce_NeverMoreInFlightThanTheLimit()
    {
        _server.Fallback = new Step.Held(new Step.Reply(Scenes.Simple));
        var endpoint = new LlmEndpoint(Scenes.Options(_server) with { MaxConcurrentRequests = 2 });
        var turns = Enumerable.Range(0, 8)
            .Select(_ => new LlmMind(endpoint).DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None)).ToList();
        await UntilAsync(() => _server.InFlight >= 2);
        // Give a third request every chance to slip through before anything is let go.
        await Task.Delay(300);

        _server.Gate.Release(8);
        await Task.WhenAll(turns);

        Assert.Equal((2, 8), (_server.MaxInFlight, _server.Requests.Count));
    }

    [Fact]
    public async Task DecideAsync_QueueFull_FailsAtOnceAsQueueFull()
    {
        _server.Fallback = new Step.Held(new Step.Reply(Scenes.Simple));
        var endpoint = new LlmEndpoint(Scenes.Options(_server) with { MaxConcurrentRequests = 1, MaxQueuedRequests = 0 });
        var first = new LlmMind(endpoint).DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None);
        await UntilAsync(() => _server.InFlight >= 1);

        var failure = await Assert.ThrowsAsync<MindUnavailableException>(() =>
            new LlmMind(endpoint).DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None));
        _server.Gate.Release();
        await first;

        Assert.Equal(MindUnavailableReason.QueueFull, failure.Reason);
    }

    [Fact]
    public async Task DecideAsync_NothingListening_FailsAsUnreachable()
    {
        var gone = await ScriptedServer.StartAsync();
        var options = Scenes.Options(gone) with { MaxRetries = 3 };
        await gone.DisposeAsync();

        var failure = await Assert.ThrowsAsync<MindUnavailableException>(() =>
            new LlmMind(new LlmEndpoint(options)).DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None));

        Assert.Equal(MindUnavailableReason.Unreachable, failure.Reason);
    }

    [Fact]
    public async Task DecideAsync_NothingListening_NamesTheEndpointAndDoesNotRetry()
    {
        var gone = await ScriptedServer.StartAsync();
        var options = Scenes.Options(gone) with { MaxRetries = 3 };
        await gone.DisposeAsync();

        var failure = await Assert.ThrowsAsync<MindUnavailableException>(() =>
            new LlmMind(new LlmEndpoint(options)).DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None));

        Assert.Contains(
            $"The LLM endpoint {options.Endpoint} cannot be reached: the connection was refused (nothing listens there) "
                + "(1 attempt, not retried)",
            failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecideAsync_UnknownHost_FailsAfterOneAttemptSayingSo()
    {
        var options = Scenes.Options(_server) with { Endpoint = new Uri("http://worldplay-no-such-host.invalid/v1"), MaxRetries = 3 };

        var failure = await Assert.ThrowsAsync<MindUnavailableException>(() =>
            new LlmMind(new LlmEndpoint(options)).DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None));

        Assert.Contains("cannot be reached: its host name is unknown (1 attempt, not retried)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_ApiKeyInTheNamedVariable_IsSentAsBearer()
    {
        var variable = $"WORLDPLAY_TEST_KEY_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(variable, "sk-test-0123456789");
        _server.Enqueue(new Step.Reply(Scenes.Simple));

        await Mind(o => o with { ApiKeyVariable = variable }).DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None);

        Assert.Equal("Bearer sk-test-0123456789", _server.Requests.Single().Authorization);
    }

    [Fact]
    public async Task DecideAsync_KeyRefusedAndEchoed_MessageNamesTheVariableButNotTheKey()
    {
        var variable = $"WORLDPLAY_TEST_KEY_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(variable, "sk-secret-9876543210");
        _server.Fallback = new Step.Status(401, Body: """{"error":{"message":"Incorrect API key provided: sk-secret-9876543210"}}""");

        var failure = await Assert.ThrowsAsync<MindUnavailableException>(() =>
            Mind(o => o with { ApiKeyVariable = variable }).DecideAsync(Scenes.AsMira(), new SpeechLog(), CancellationToken.None));

        Assert.Contains(variable, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-secret", Everything(failure), StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData("250", null, 250)]
    [InlineData(null, "2", 2000)]
    [InlineData(null, "Wed, 01 Jan 2025 00:00:03 GMT", 3000)]
    [InlineData(null, "soon", -1)]
    public void RetryAfter_Headers_GiveTheDelayAsked(string? milliseconds, string? retryAfter, int expectedMs)
    {
        var now = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var delay = EndpointResilience.RetryAfter(milliseconds, retryAfter, now);

        Assert.Equal(expectedMs < 0 ? null : TimeSpan.FromMilliseconds(expectedMs), delay);
    }

    /// <summary>Waits for <paramref name="condition"/>; a guard against hanging, not a measure of time.</summary>
    private static async Task UntilAsync(Func<bool> condition)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!condition())
        {
            await Task.Delay(20, guard.Token);
        }
    }

    private static string Everything(Exception e) => e.InnerException is { } inner ? $"{e.Message}\n{Everything(inner)}" : e.Message;
}
