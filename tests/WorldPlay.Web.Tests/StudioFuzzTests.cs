using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net.WebSockets;
using System.Text.Json;

namespace WorldPlay.Web.Tests;

/// <summary>One fuzz campaign: <see cref="Count"/> generated requests (seed <see cref="Seed"/>) to every endpoint the OpenAPI
/// document lists, sent as tenant globex (or with forged credentials) to a silo where tenant acme holds a secret, eight at a
/// time; the answers are kept for the tests to judge.</summary>
public sealed class StudioFuzzCampaign : IAsyncLifetime
{
    public const int Seed = 15;
    public const int Count = 3000;

    /// <summary>How long a request may go unanswered before it counts as a hang.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TwoTenantStudio _studio = new();

    public ImmutableArray<FuzzEndpoint> Endpoints { get; private set; } = [];

    public ImmutableArray<FuzzAnswer> Answers { get; private set; } = [];

    /// <summary>Whether globex could open a WebSocket on acme's scene (it must not).</summary>
    public bool OpenedAcmesSocket { get; private set; }

    /// <summary>Everything globex's own scene socket said back to hostile frames, and how it closed.</summary>
    public ImmutableArray<string> SocketAnswers { get; private set; } = [];

    async Task IAsyncLifetime.InitializeAsync()
    {
        await ((IAsyncLifetime)_studio).InitializeAsync();
        using var tenant = _studio.Client(TwoTenantStudio.Globex);
        using var anonymous = new HttpClient { BaseAddress = _studio.Silo.Address };
        // A request the server never answers is a finding, not the end of the campaign.
        (tenant.Timeout, anonymous.Timeout) = (Patience, Patience);
        var document = JsonDocument.Parse(await tenant.GetStringAsync(WorldPlayApi.OpenApiPath)).RootElement.Clone();
        Endpoints = FuzzEndpoint.From(document);
        var answers = new ConcurrentBag<FuzzAnswer>();
        await Parallel.ForEachAsync(
            new StudioFuzzer(Endpoints, Seed).Requests(Count),
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (request, ct) => answers.Add(await SendAsync(request.AsTenant ? tenant : anonymous, request, ct)));
        Answers = [.. answers];
        OpenedAcmesSocket = await OpensAsync($"{TwoTenantStudio.SecretWorld}%2F{_studio.SceneId}");
        SocketAnswers = await HostileFramesAsync($"{TwoTenantStudio.OwnWorld}%2F{_studio.SceneId}");
    }

    private async Task<ClientWebSocket?> ConnectAsync(string scene)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("X-Test-Tenant", TwoTenantStudio.Globex);
        var address = new UriBuilder(new Uri(_studio.Silo.Address, $"api/scenes/{scene}/ws?after=0")) { Scheme = "ws" }.Uri;
        try
        {
            await socket.ConnectAsync(address, CancellationToken.None);
            return socket;
        }
        catch (WebSocketException)
        {
            socket.Dispose();
            return null;
        }
    }

    private async Task<bool> OpensAsync(string scene)
    {
        using var socket = await ConnectAsync(scene);
        return socket is not null;
    }

    /// <summary>Sends each hostile frame on globex's own scene socket followed by a ping, and keeps every message until the pong
    /// (or the close, after which it reconnects).</summary>
    private async Task<ImmutableArray<string>> HostileFramesAsync(string scene)
    {
        var heard = ImmutableArray.CreateBuilder<string>();
        var socket = await ConnectAsync(scene);
        if (socket is null)
        {
            heard.Add("refused: globex could not open its own scene's socket");
            return heard.ToImmutable();
        }
        var buffer = new byte[1 << 20];
        try
        {
            foreach (var (frame, type) in StudioFuzzer.SocketFrames())
            {
                socket ??= await ConnectAsync(scene);
                if (socket is null)
                {
                    heard.Add("refused: reconnecting");
                    break;
                }
                using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                try
                {
                    await socket.SendAsync(frame, type, true, patience.Token);
                    await socket.SendAsync("{\"type\":\"ping\"}"u8.ToArray(), WebSocketMessageType.Text, true, patience.Token);
                    while (true)
                    {
                        var read = await socket.ReceiveAsync(buffer, patience.Token);
                        if (read.MessageType == WebSocketMessageType.Close)
                        {
                            heard.Add($"closed: {socket.CloseStatus} {socket.CloseStatusDescription}");
                            socket.Dispose();
                            socket = null;
                            break;
                        }
                        var text = System.Text.Encoding.UTF8.GetString(buffer, 0, read.Count);
                        heard.Add(text);
                        if (text.Contains("\"pong\"", StringComparison.Ordinal))
                        {
                            break;
                        }
                    }
                }
                catch (Exception e) when (e is WebSocketException or OperationCanceledException)
                {
                    heard.Add($"broken: {e.GetType().Name}");
                    socket?.Dispose();
                    socket = null;
                }
            }
        }
        finally
        {
            socket?.Dispose();
        }
        return heard.ToImmutable();
    }

    private static async Task<FuzzAnswer> SendAsync(HttpClient http, FuzzRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.PathAndQuery);
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }
        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            if (request.ContentType is { } type)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            }
        }
        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            // A stream that opened (Server-Sent Events on globex's own scene) goes on until it is closed: its status is the answer.
            var text = response.Content.Headers.ContentType?.MediaType == "text/event-stream"
                ? ""
                : await response.Content.ReadAsStringAsync(cancellationToken);
            return new FuzzAnswer(request, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, text,
                response.Headers.ConnectionClose == true);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new FuzzAnswer(request, -1, null, $"no answer in {Patience.TotalSeconds:0} s", ConnectionClosed: false);
        }
        catch (HttpRequestException e)
        {
            // Kestrel may close the connection on a request it cannot parse at all: a connection-level refusal, not a server error.
            return new FuzzAnswer(request, 0, null, e.Message, ConnectionClosed: true);
        }
    }

    Task IAsyncLifetime.DisposeAsync() => ((IAsyncLifetime)_studio).DisposeAsync();
}

/// <summary>What the server answered one fuzz request.</summary>
public sealed record FuzzAnswer(FuzzRequest Request, int Status, string? ContentType, string Body, bool ConnectionClosed)
{
    /// <summary>Kestrel refused the request before any endpoint saw it (a request line or header it cannot parse, an id longer
    /// than a request line may be): an empty 400/414/431 that closes the connection, or a dropped connection.</summary>
    public bool ConnectionLevel => Status == 0 || (ConnectionClosed && Body.Length == 0 && Status is 400 or 414 or 431);

    public override string ToString() => $"{Request} -> {Status} {ContentType}: {(Body.Length > 200 ? Body[..200] + "..." : Body)}";
}

public sealed class StudioFuzzTests(StudioFuzzCampaign campaign) : IClassFixture<StudioFuzzCampaign>
{
    private static string Listed(IEnumerable<FuzzAnswer> answers) =>
        string.Join('\n', answers.Take(10)) + (answers.Count() > 10 ? $"\n... and {answers.Count() - 10} more" : "");

    [Fact]
    public void Fuzz_Campaign_AnswersThousandsOfRequests() => Assert.Equal(StudioFuzzCampaign.Count, campaign.Answers.Length);

    [Fact]
    public void Fuzz_HostileRequests_EveryOneIsAnswered()
    {
        var hung = campaign.Answers.Where(a => a.Status == -1).ToList();

        Assert.True(hung.Count == 0, $"{hung.Count} requests got no answer:\n{Listed(hung)}");
    }

    [Fact]
    public void Fuzz_HostileRequests_NoServerError()
    {
        var failed = campaign.Answers.Where(a => a.Status >= 500).ToList();

        Assert.True(failed.Count == 0, $"{failed.Count} server errors of {campaign.Answers.Length}:\n{Listed(failed)}");
    }

    [Fact]
    public void Fuzz_HostileRequests_EveryErrorIsProblemDetailsWithoutAStackTrace()
    {
        var bad = campaign.Answers
            .Where(a => a.Status >= 400 && !a.ConnectionLevel)
            .Where(a => a.ContentType != "application/problem+json" || a.Body.Contains("   at ", StringComparison.Ordinal))
            .ToList();

        Assert.True(bad.Count == 0, $"{bad.Count} errors that are not problem details:\n{Listed(bad)}");
    }

    [Fact]
    public void Fuzz_AsAnotherTenant_NeverReadsTheSecret()
    {
        var leaks = campaign.Answers.Where(a => a.Body.Contains(TwoTenantStudio.Secret, StringComparison.Ordinal)).ToList();

        Assert.True(leaks.Count == 0, $"{leaks.Count} answers hold acme's secret line:\n{Listed(leaks)}");
    }

    [Fact]
    public void Fuzz_AsAnotherTenant_NeverSucceedsOnTheOtherTenantsWorld()
    {
        // A refusal may repeat the key it was asked for; a success that names acme's world served globex something of acme's.
        var leaks = campaign.Answers
            .Where(a => a.Status is >= 200 and < 300 && a.Body.Contains(TwoTenantStudio.SecretWorld, StringComparison.Ordinal))
            .ToList();

        Assert.True(leaks.Count == 0, $"{leaks.Count} successful answers name acme's world:\n{Listed(leaks)}");
    }

    [Fact]
    public void Fuzz_Campaign_SendsEveryDocumentedEndpointItsShare()
    {
        var share = StudioFuzzCampaign.Count / campaign.Endpoints.Length;
        var sent = campaign.Answers.GroupBy(a => a.Request.Endpoint).ToDictionary(g => g.Key, g => g.Count());

        Assert.All(campaign.Endpoints,
            e => Assert.True(sent.GetValueOrDefault(e) >= share, $"{e.Method} {e.Path}: {sent.GetValueOrDefault(e)}"));
    }

    [Fact]
    public void Fuzz_Campaign_MostRequestsGetPastKestrel()
    {
        var kestrel = campaign.Answers.Where(a => a.ConnectionLevel).ToList();

        Assert.True(kestrel.Count <= StudioFuzzCampaign.Count / 4, $"{kestrel.Count} refused by Kestrel:\n{Listed(kestrel)}");
    }
}

public sealed class StudioSocketFuzzTests(StudioFuzzCampaign campaign) : IClassFixture<StudioFuzzCampaign>
{
    [Fact]
    public void Socket_OnAnotherTenantsScene_IsRefused() => Assert.False(campaign.OpenedAcmesSocket);

    [Fact]
    public void Socket_HostileFrames_NeverCarryTheOtherTenantsSecret() =>
        Assert.DoesNotContain(campaign.SocketAnswers, a => a.Contains(TwoTenantStudio.Secret, StringComparison.Ordinal));

    [Fact]
    public void Socket_HostileFrames_AreAnsweredWithErrorsNotServerFailures() =>
        Assert.DoesNotContain(campaign.SocketAnswers, a => a.Contains("\"status\":5", StringComparison.Ordinal)
            || a.Contains("InternalServerError", StringComparison.Ordinal) || a.Contains("   at ", StringComparison.Ordinal));

    [Fact]
    public void Socket_HostileFrames_TheServerStillAnswersPings() =>
        Assert.Contains(campaign.SocketAnswers, a => a.Contains("\"pong\"", StringComparison.Ordinal));
}

public sealed class StudioFuzzerTests
{
    private static readonly ImmutableArray<FuzzEndpoint> Endpoints =
    [
        new("GET", "/api/worlds/{key}", [], default),
        new("POST", "/api/scenes/{key}/say", [], ["text", "proposals", "next"]),
    ];

    [Fact]
    public void Requests_SameSeed_AreTheSame() =>
        Assert.Equal(
            new StudioFuzzer(Endpoints, 15).Requests(200).Select(r => r.ToString()),
            new StudioFuzzer(Endpoints, 15).Requests(200).Select(r => r.ToString()));

    [Fact]
    public void Requests_Many_NameTheOtherTenantsWorld() =>
        Assert.Contains(
            new StudioFuzzer(Endpoints, 15).Requests(200),
            r => r.PathAndQuery.Contains(TwoTenantStudio.SecretWorld, StringComparison.Ordinal));

    [Fact]
    public void Requests_Many_SendInvalidUtf8()
    {
        var utf8 = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true);

        Assert.Contains(new StudioFuzzer(Endpoints, 15).Requests(500), r => r.Body is { } body && !Decodes(utf8, body));
    }

    private static bool Decodes(System.Text.Encoding encoding, byte[] body)
    {
        try
        {
            encoding.GetString(body);
            return true;
        }
        catch (System.Text.DecoderFallbackException)
        {
            return false;
        }
    }
}
