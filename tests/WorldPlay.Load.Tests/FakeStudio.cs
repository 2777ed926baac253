using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WorldPlay.Load.Tests;

/// <summary>A studio API in miniature, after docs/studio-api.md, for the load driver's tests: worlds, scenes that play numbered
/// turns, <c>converse</c> over REST and over the scene's WebSocket, idempotency keys, transcripts and tokens. It can misbehave on
/// purpose: answer 503 after committing a call, drop a socket in the middle of a command, lose a stored turn.</summary>
internal sealed class FakeStudio : IAsyncDisposable
{
    public const string ApiKey = "wpk_test_secret";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Scene> _scenes = new();
    private readonly ConcurrentDictionary<string, string> _answers = new();
    private readonly ConcurrentDictionary<string, int> _failedOnce = new();
    private readonly ConcurrentBag<string> _authorizations = [];
    private int _worlds;
    private int _tokens;

    private FakeStudio(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    /// <summary>The first converse call of each scene commits its turns, then answers 503 as if the answer was lost.</summary>
    public bool LoseFirstAnswer { get; init; }

    /// <summary>The first converse command of each scene's socket sends one turn, then the socket drops.</summary>
    public bool DropSocketMidCommand { get; init; }

    /// <summary>The transcript leaves out turn 3 of every scene.</summary>
    public bool ForgetTurnThree { get; init; }

    /// <summary>Every call needs a player token minted with <see cref="ApiKey"/>.</summary>
    public bool RequireToken { get; init; }

    /// <summary>Opening a scene is refused with this status (0: never).</summary>
    public int RefuseScenesWith { get; init; }

    public int WorldsCreated => _worlds;

    public int TokensMinted => _tokens;

    /// <summary>Turns played, over every scene (a turn played twice counts twice).</summary>
    public int TurnsPlayed => _scenes.Values.Sum(s => s.Played);

    public IReadOnlyCollection<string> Authorizations => _authorizations;

    public static async Task<FakeStudio> StartAsync(Func<WebApplication, FakeStudio> configure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var studio = configure(app);
        studio.Map();
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        studio.Address = new Uri(bound);
        return studio;
    }

    public static Task<FakeStudio> StartAsync(
        bool loseFirstAnswer = false, bool dropSocket = false, bool forgetTurnThree = false, bool requireToken = false,
        int refuseScenesWith = 0) =>
        StartAsync(app => new FakeStudio(app)
        {
            LoseFirstAnswer = loseFirstAnswer,
            DropSocketMidCommand = dropSocket,
            ForgetTurnThree = forgetTurnThree,
            RequireToken = requireToken,
            RefuseScenesWith = refuseScenesWith,
        });

    private void Map()
    {
        _app.UseWebSockets();
        _app.Use(async (context, next) =>
        {
            var authorization = context.Request.Headers.Authorization.ToString();
            _authorizations.Add(authorization);
            if (RequireToken && context.Request.Path != "/api/tokens" && !authorization.StartsWith("Bearer tok-", StringComparison.Ordinal))
            {
                await Problem(context, 401, "No credential");
                return;
            }
            await next(context);
        });
        _app.MapPost("/api/tokens", async context =>
        {
            if (context.Request.Headers.Authorization.ToString() != $"ApiKey {ApiKey}")
            {
                await Problem(context, 401, "Bad key");
                return;
            }
            var body = await Body(context);
            Interlocked.Increment(ref _tokens);
            await context.Response.WriteAsJsonAsync(new { token = $"tok-{body["player"]}" });
        });
        _app.MapPost("/api/worlds", context => Idempotent(context, async body =>
        {
            Interlocked.Increment(ref _worlds);
            return (201, new JsonObject { ["key"] = body["key"]!.GetValue<string>() });
        }));
        _app.MapPost("/api/worlds/{world}/scenes", (HttpContext context, string world) => Idempotent(context, async body =>
        {
            await Task.CompletedTask;
            if (RefuseScenesWith != 0)
            {
                return (RefuseScenesWith, new JsonObject { ["title"] = "Refused", ["status"] = RefuseScenesWith });
            }
            var key = $"{world}/{body["scene"]}";
            _scenes[key] = new Scene();
            return (201, new JsonObject { ["scene"] = key, ["turn"] = 0 });
        }));
        _app.MapPost("/api/scenes/{key}/converse", (HttpContext context, string key) => Idempotent(context, async body =>
        {
            await Task.CompletedTask;
            var scene = _scenes[Uri.UnescapeDataString(key)];
            var turns = scene.Play(body["turns"]!.GetValue<int>());
            return (200, new JsonObject
            {
                ["turns"] = new JsonArray([.. turns.Select(t => (JsonNode)new JsonObject { ["turn"] = t })]),
                ["scene"] = new JsonObject { ["turn"] = scene.Turn },
            });
        }, failOnce: LoseFirstAnswer ? Uri.UnescapeDataString(key) : null));
        _app.MapGet("/api/scenes/{key}/transcript", async (HttpContext context, string key, int from, int count) =>
        {
            var scene = _scenes[Uri.UnescapeDataString(key)];
            var turns = Enumerable.Range(from, Math.Max(0, Math.Min(count, scene.Turn - from + 1)))
                .Where(t => !ForgetTurnThree || t != 3);
            await context.Response.WriteAsJsonAsync(new { turns = turns.Select(t => new { turn = t }) });
        });
        _app.MapGet("/api/scenes/{key}/ws", async (HttpContext context, string key, int after) =>
        {
            var scene = _scenes[Uri.UnescapeDataString(key)];
            using var socket = await context.WebSockets.AcceptWebSocketAsync("worldplay.v1");
            await SendAsync(socket, new JsonObject { ["type"] = "ready", ["after"] = after });
            for (var t = after + 1; t <= scene.Turn; t++)
            {
                await SendAsync(socket, Turn(t));
            }
            await CommandsAsync(socket, scene, Uri.UnescapeDataString(key));
        });
    }

    private async Task CommandsAsync(WebSocket socket, Scene scene, string key)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var read = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (read.MessageType == WebSocketMessageType.Close)
            {
                return;
            }
            var command = JsonNode.Parse(buffer.AsSpan(0, read.Count))!.AsObject();
            if (command["type"]!.GetValue<string>() != "converse")
            {
                continue;
            }
            var id = command["id"]!.GetValue<string>();
            var idempotency = command["idempotencyKey"]!.GetValue<string>();
            if (_answers.TryGetValue(idempotency, out var answered))
            {
                await SendAsync(socket, Done(id, JsonNode.Parse(answered)!.AsArray()));
                continue;
            }
            var turns = scene.Play(command["turns"]!.GetValue<int>());
            var numbers = new JsonArray([.. turns.Select(t => (JsonNode)t)]);
            _answers[idempotency] = numbers.ToJsonString();
            foreach (var turn in turns)
            {
                await SendAsync(socket, new JsonObject { ["type"] = "speech", ["turn"] = turn, ["text"] = "Hm" });
                await SendAsync(socket, Turn(turn));
                if (DropSocketMidCommand && _failedOnce.TryAdd(key, 1))
                {
                    socket.Abort();
                    return;
                }
            }
            await SendAsync(socket, Done(id, numbers));
        }
    }

    /// <summary>A done message as the studio sends it: the turn numbers the command played.</summary>
    private static JsonObject Done(string id, JsonArray turns) =>
        new() { ["type"] = "done", ["id"] = id, ["turns"] = turns.DeepClone() };

    private static JsonObject Turn(int turn) => new() { ["type"] = "turn", ["turn"] = new JsonObject { ["turn"] = turn } };

    private static Task SendAsync(WebSocket socket, JsonObject message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>Answers a retried key with the first answer; <paramref name="failOnce"/> names a scene whose first call commits
    /// and then answers 503.</summary>
    private async Task Idempotent(HttpContext context, Func<JsonObject, Task<(int Status, JsonObject Body)>> call, string? failOnce = null)
    {
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length == 0)
        {
            await Problem(context, 400, "Idempotency-Key missing");
            return;
        }
        var body = await Body(context);
        if (!_answers.TryGetValue(key, out var answer))
        {
            var (status, json) = await call(body);
            answer = $"{status} {json.ToJsonString()}";
            _answers[key] = answer;
            if (failOnce is not null && _failedOnce.TryAdd(failOnce, 1))
            {
                await Problem(context, 503, "Lost answer");
                return;
            }
        }
        var parts = answer.Split(' ', 2);
        context.Response.StatusCode = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        context.Response.ContentType = context.Response.StatusCode >= 400 ? "application/problem+json" : "application/json";
        await context.Response.WriteAsync(parts[1]);
    }

    private static async Task<JsonObject> Body(HttpContext context) =>
        (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();

    private static async Task Problem(HttpContext context, int status, string title)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        await context.Response.WriteAsync(new JsonObject { ["title"] = title, ["status"] = status }.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class Scene
    {
        private readonly Lock _gate = new();

        public int Turn { get; private set; }

        public int Played { get; private set; }

        public List<int> Play(int turns)
        {
            lock (_gate)
            {
                var played = Enumerable.Range(Turn + 1, turns).ToList();
                (Turn, Played) = (Turn + turns, Played + turns);
                return played;
            }
        }
    }
}
