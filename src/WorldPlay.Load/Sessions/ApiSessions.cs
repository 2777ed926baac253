using System.Collections.Immutable;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Polly;
using Polly.Retry;
using WorldPlay.Contracts;
using WorldPlay.Core;

namespace WorldPlay.Load.Sessions;

/// <summary>Sessions played through the studio API (docs/studio-api.md): <c>POST /api/worlds</c> creates each session's world,
/// <c>POST /api/worlds/{world}/scenes</c> opens its scene with the procedural user simulator playing the user, and each batch of
/// turns is one <c>converse</c> command, on the scene's WebSocket or as a REST call. Every mutating call carries an
/// <c>Idempotency-Key</c> made of the run, the session and the turn the call starts from, and a failed call is retried with the
/// same key and body, so the server answers a retry with what it already played instead of playing it again.</summary>
internal sealed class ApiSessions : ILoadTarget
{
    /// <summary>A scene WebSocket silent for this long (no turn, no speech, no ping) is taken for dead and reconnected.</summary>
    private static readonly TimeSpan SocketSilence = TimeSpan.FromMinutes(5);

    /// <summary>The most turns one transcript page returns (the read API's cap).</summary>
    private const int TranscriptPage = 500;

    /// <summary>A player token lives an hour; a run that outlasts it mints the session a new one on the 401.</summary>
    private const int TokenLifetimeSeconds = 3600;

    private readonly LoadRequest _request;
    private readonly JsonObject _world;
    private readonly SceneSpec _scene;
    private readonly ApiTarget _api;
    private readonly HttpClient _http;
    private readonly string _run = Guid.NewGuid().ToString("N");

    /// <summary>Reads are safe to repeat: transient failures retry a few times, refusals do not.</summary>
    private readonly ResiliencePipeline _reads = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not StudioApiException { Permanent: true }),
            MaxRetryAttempts = 5,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(500),
        })
        .Build();

    /// <param name="world">The world file every session creates its world from (the first scene cut to the requested cast).</param>
    /// <param name="handler">The HTTP handler (tests pass their own); null: sockets, as many connections as sessions.</param>
    public ApiSessions(LoadRequest request, JsonObject world, SceneSpec scene, ApiTarget api, HttpMessageHandler? handler = null)
    {
        (_request, _world, _scene, _api) = (request, world, scene, api);
        _http = new HttpClient(handler ?? new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        })
        {
            BaseAddress = api.Address,
            Timeout = TimeSpan.FromMinutes(5),
        };
    }

    public string Name => $"api {_api.Address}";

    public string Transport => _api.TransportName;

    public bool Embedded => false;

    public ISessionDriver Session(SessionLedger session) => new Driver(this, session);

    /// <summary>The API does not show silos to its callers.</summary>
    public Task<ImmutableArray<LoadSilo>> SilosAsync() => Task.FromResult(ImmutableArray<LoadSilo>.Empty);

    public Task<ImmutableArray<SiloMeterReading>> MetersAsync() => Task.FromResult(ImmutableArray<SiloMeterReading>.Empty);

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed class Driver(ApiSessions api, SessionLedger session) : ISessionDriver
    {
        private readonly string _scenePath = $"api/scenes/{Uri.EscapeDataString(session.SceneKey)}";

        /// <summary>The player token minted for this session (with an API key), or null.</summary>
        private string? _token;

        private SceneSocket? _socket;

        /// <summary>The highest turn this session saw committed.</summary>
        private int _seen;

        /// <summary>The command a failed call left unanswered: the next call sends it again, same key, same body.</summary>
        private (string Key, int Turns)? _pending;

        /// <summary>Turns seen committed (on the socket) during a call that then failed; the next call that succeeds returns
        /// them.</summary>
        private readonly List<PlayedTurn> _unreturned = [];

        private string Key(string step) => $"{api._run}.{session.Number}.{step}";

        public async Task<int> OpenAsync(CancellationToken cancellationToken)
        {
            await SendAsync(HttpMethod.Post, "api/worlds", new JsonObject
            {
                ["key"] = session.WorldKey,
                ["world"] = api._world.DeepClone(),
            }, Key("world"), cancellationToken);
            var request = api._request;
            var opened = await SendAsync(HttpMethod.Post, $"api/worlds/{Uri.EscapeDataString(session.WorldKey)}/scenes", new JsonObject
            {
                ["scene"] = api._scene.Id,
                ["seed"] = session.Number,
                ["mind"] = request.CharacterMind,
                ["userMind"] = api._scene.User is null ? null : request.UserMind,
            }, Key("scene"), cancellationToken);
            _seen = opened?["turn"]?.GetValue<int>() ?? 0;
            return _seen;
        }

        public async Task<PlayedBatch> PlayUntilAsync(int target, int maxTurns, CancellationToken cancellationToken)
        {
            var (key, turns) = _pending ??= (Key($"t{_seen}"), Math.Min(maxTurns, target - _seen));
            if (turns <= 0)
            {
                _pending = null;
                return new PlayedBatch([], _seen);
            }
            if (api._api.Transport == ApiTransport.Rest)
            {
                var started = Stopwatch.GetTimestamp();
                var answer = await SendAsync(HttpMethod.Post, $"{_scenePath}/converse", new JsonObject { ["turns"] = turns }, key,
                    cancellationToken);
                var numbers = TurnNumbers(answer?["turns"]).Where(n => n > _seen).ToList();
                var each = Stopwatch.GetElapsedTime(started).TotalMilliseconds / Math.Max(numbers.Count, 1);
                _unreturned.AddRange(numbers.Select(n => new PlayedTurn(n, each)));
                _seen = Math.Max(_seen, Math.Max(numbers.DefaultIfEmpty(0).Max(), answer?["scene"]?["turn"]?.GetValue<int>() ?? 0));
            }
            else
            {
                await ConverseOnSocketAsync(key, turns, cancellationToken);
            }
            _pending = null;
            PlayedBatch batch = new([.. _unreturned], _seen);
            _unreturned.Clear();
            return batch;
        }

        /// <summary>Sends the converse command on the scene's socket (connecting it, after the last turn seen, when there is none)
        /// and reads until its <c>done</c>: every <c>turn</c> message on the way is a turn seen committed, the ones a reconnect
        /// brings first included. A broken socket is dropped, so the retry reconnects and hears what it missed.</summary>
        private async Task ConverseOnSocketAsync(string key, int turns, CancellationToken cancellationToken)
        {
            try
            {
                _socket ??= await SceneSocket.ConnectAsync(
                    new Uri(api._http.BaseAddress!, $"{_scenePath}/ws?after={_seen}"), await AuthorizationAsync(cancellationToken),
                    cancellationToken);
                var since = Stopwatch.GetTimestamp();
                await _socket.SendAsync(new JsonObject
                {
                    ["type"] = "converse",
                    ["id"] = key,
                    ["idempotencyKey"] = key,
                    ["turns"] = turns,
                }, cancellationToken);
                while (true)
                {
                    var message = await _socket.ReceiveAsync(SocketSilence, cancellationToken);
                    switch (message["type"]?.GetValue<string>())
                    {
                        case "turn":
                            Seen(message["turn"]?["turn"]?.GetValue<int>() ?? 0, ref since);
                            break;
                        case "ping":
                            await _socket.SendAsync(new JsonObject { ["type"] = "pong" }, cancellationToken);
                            break;
                        case "error" when message["id"] is null || message["id"]!.GetValue<string>() == key:
                            throw StudioApiException.Of(message, retryAfter: null, CanMintAgain);
                        case "done" when message["id"]?.GetValue<string>() == key:
                            foreach (var number in TurnNumbers(message["turns"]))
                            {
                                Seen(number, ref since);
                            }
                            _seen = Math.Max(_seen, message["scene"]?["turn"]?.GetValue<int>() ?? 0);
                            return;
                        default:
                            break; // ready, speech, game events and others' commands: nothing a load session counts
                    }
                }
            }
            catch (Exception e) when (e is not StudioApiException)
            {
                if (_socket is not null)
                {
                    await _socket.DisposeAsync();
                    _socket = null;
                }
                throw;
            }
        }

        private void Seen(int turn, ref long since)
        {
            if (turn <= _seen)
            {
                return; // already counted (a reconnect's catch-up, or a done that repeats what the stream carried)
            }
            var now = Stopwatch.GetTimestamp();
            _unreturned.Add(new PlayedTurn(turn, Stopwatch.GetElapsedTime(since, now).TotalMilliseconds));
            (_seen, since) = (turn, now);
        }

        public async Task<StoredSession> ReadBackAsync(CancellationToken cancellationToken) =>
            await api._reads.ExecuteAsync(async ct =>
            {
                var turns = new List<int>();
                while (true)
                {
                    var page = await SendAsync(HttpMethod.Get, $"{_scenePath}/transcript?from={turns.Count + 1}&count={TranscriptPage}",
                        null, null, ct);
                    var numbers = TurnNumbers(page?["turns"]);
                    turns.AddRange(numbers);
                    if (numbers.Count < TranscriptPage)
                    {
                        // The world's events are not the API's to show; the transcript is what a player can verify.
                        return new StoredSession(turns, [], new ModelUsageTally());
                    }
                }
            }, cancellationToken);

        /// <summary>The turn numbers of a list of turns: turn views (<c>{"turn": 3, ...}</c>) or bare numbers, as <c>done</c> lists
        /// them.</summary>
        private static List<int> TurnNumbers(JsonNode? turns) => turns is JsonArray array
            ? [.. array.Select(t => t switch
            {
                JsonValue number => number.GetValue<int>(),
                JsonObject view => view["turn"]?.GetValue<int>() ?? 0,
                _ => 0,
            })]
            : [];

        /// <summary>Makes one call and answers its JSON body (null when it has none). A refusal is a
        /// <see cref="StudioApiException"/> that says whether asking again can help.</summary>
        private async Task<JsonNode?> SendAsync(
            HttpMethod method, string path, JsonObject? body, string? idempotencyKey, CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            }
            if (idempotencyKey is not null)
            {
                request.Headers.Add("Idempotency-Key", idempotencyKey);
            }
            if (await AuthorizationAsync(cancellationToken) is { } authorization)
            {
                request.Headers.Authorization = authorization;
            }
            using var response = await api._http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw StudioApiException.Of(response, text, CanMintAgain);
            }
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }

        /// <summary>On a 401 with a minted token (it expired) the session forgets it, so the retry mints another.</summary>
        private bool CanMintAgain(int status)
        {
            if (status != (int)HttpStatusCode.Unauthorized || _token is null)
            {
                return false;
            }
            _token = null;
            return true;
        }

        /// <summary>The session's credential: none for a development-mode server, else a player token (<c>load-N</c>, every
        /// scope) minted with the API key the first time it is needed.</summary>
        private async Task<AuthenticationHeaderValue?> AuthorizationAsync(CancellationToken cancellationToken)
        {
            if (api._api.ApiKey is not { } apiKey)
            {
                return null;
            }
            if (_token is null)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "api/tokens")
                {
                    Content = new StringContent(new JsonObject
                    {
                        ["player"] = $"load-{session.Number}",
                        ["scopes"] = new JsonArray("read", "play", "create"),
                        ["lifetimeSeconds"] = TokenLifetimeSeconds,
                    }.ToJsonString(), Encoding.UTF8, "application/json"),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", apiKey);
                using var response = await api._http.SendAsync(request, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    throw StudioApiException.Of(response, text, _ => false);
                }
                _token = JsonNode.Parse(text)?["token"]?.GetValue<string>()
                    ?? throw new StudioApiException((int)response.StatusCode, "POST /api/tokens answered no token.", null, permanent: true);
            }
            return new AuthenticationHeaderValue("Bearer", _token);
        }

        public async ValueTask DisposeAsync()
        {
            if (_socket is not null)
            {
                await _socket.DisposeAsync();
            }
        }
    }
}

/// <summary>One scene's WebSocket: JSON text frames out and in.</summary>
internal sealed class SceneSocket : IAsyncDisposable
{
    /// <summary>The protocol of docs/studio-api.md ("Streaming protocol").</summary>
    public const string Subprotocol = "worldplay.v1";

    private readonly ClientWebSocket _socket;
    private readonly byte[] _buffer = new byte[16 * 1024];

    private SceneSocket(ClientWebSocket socket) => _socket = socket;

    public static async Task<SceneSocket> ConnectAsync(
        Uri address, AuthenticationHeaderValue? authorization, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(Subprotocol);
        if (authorization is not null)
        {
            socket.Options.SetRequestHeader("Authorization", authorization.ToString());
        }
        var scheme = address.Scheme == Uri.UriSchemeHttps ? "wss" : "ws";
        try
        {
            await socket.ConnectAsync(new UriBuilder(address) { Scheme = scheme }.Uri, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new SceneSocket(socket);
    }

    public Task SendAsync(JsonObject message, CancellationToken cancellationToken) =>
        _socket.SendAsync(
            new ArraySegment<byte>(Encoding.UTF8.GetBytes(message.ToJsonString())), WebSocketMessageType.Text, true, cancellationToken);

    /// <summary>The next message; a close, or <paramref name="silence"/> without one, is a <see cref="WebSocketException"/>.</summary>
    public async Task<JsonObject> ReceiveAsync(TimeSpan silence, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(silence);
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var part = await _socket.ReceiveAsync(_buffer.AsMemory(), timeout.Token);
                if (part.MessageType == WebSocketMessageType.Close)
                {
                    throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely,
                        $"The server closed the scene's socket ({_socket.CloseStatus} {_socket.CloseStatusDescription}).");
                }
                message.Write(_buffer, 0, part.Count);
                if (part.EndOfMessage)
                {
                    return JsonNode.Parse(message.ToArray())?.AsObject()
                        ?? throw new WebSocketException(WebSocketError.InvalidState, "The server sent an empty message.");
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WebSocketException(WebSocketError.Faulted, $"The scene's socket was silent for {silence.TotalSeconds:0} s.");
        }
    }

    public ValueTask DisposeAsync()
    {
        // A session's socket is dropped when the session ends or breaks; the server notices the closed connection.
        _socket.Abort();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>The studio API refused a call: its status, title and detail (problem details), and whether asking again can help
/// (after <see cref="RetryAfter"/> when the server said).</summary>
internal sealed class StudioApiException(int status, string message, TimeSpan? retryAfter, bool permanent) : Exception(message)
{
    public int Status { get; } = status;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>True for a refusal asking again cannot change: bad input, a missing credential or scope, an unknown key.</summary>
    public bool Permanent { get; } = permanent;

    /// <summary>True when a silo's turn gate refused the turn (503, "silo busy: ..."): ask again after <see cref="RetryAfter"/>.
    /// </summary>
    public bool Busy => Status == 503 && Message.Contains("silo busy:", StringComparison.Ordinal);

    public static StudioApiException Of(HttpResponseMessage response, string body, Func<int, bool> canMintAgain)
    {
        var status = (int)response.StatusCode;
        var retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => (TimeSpan?)null,
        };
        JsonNode? problem = null;
        try
        {
            problem = string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            // Not problem details (a proxy's page): the status says enough.
        }
        var path = response.RequestMessage is { } request ? $"{request.Method} {request.RequestUri?.AbsolutePath}" : "a call";
        return new StudioApiException(status, $"{path} answered {status}: {Describe(problem)}", retryAfter,
            IsPermanent(status, canMintAgain));
    }

    /// <summary>A WebSocket <c>error</c> message (which has no <c>Retry-After</c>: a retryable one waits a second).</summary>
    public static StudioApiException Of(JsonObject error, TimeSpan? retryAfter, Func<int, bool> canMintAgain)
    {
        var status = error["status"]?.GetValue<int>() ?? 500;
        var permanent = IsPermanent(status, canMintAgain);
        // A 429, 409 or busy 503 says in its retryAfter (whole seconds) when to ask again.
        retryAfter ??= error["retryAfter"] is JsonValue seconds && seconds.TryGetValue<long>(out var s) ? TimeSpan.FromSeconds(s) : null;
        return new StudioApiException(status, $"the scene's socket answered {status}: {Describe(error)}",
            retryAfter ?? (permanent ? null : TimeSpan.FromSeconds(1)), permanent);
    }

    private static bool IsPermanent(int status, Func<int, bool> canMintAgain) =>
        status is >= 400 and < 500 and not 408 and not 409 and not 425 and not 429 && !canMintAgain(status);

    private static string Describe(JsonNode? problem) =>
        problem is JsonObject p
            ? string.Join(": ", new[] { p["title"], p["detail"] }.OfType<JsonValue>().Select(v => v.ToString()))
            : "no problem details";
}
