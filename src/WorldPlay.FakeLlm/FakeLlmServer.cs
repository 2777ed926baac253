using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WorldPlay.Core;
using WorldPlay.Core.Minds;
using WorldPlay.Core.Serialization;

namespace WorldPlay.FakeLlm;

/// <summary>A local OpenAI-compatible chat completion server that plays a language model without one: replies are
/// structured actions built from the prompt, paced like a model (latency, tokens per second), and now and then
/// broken the ways real endpoints break. For tests, demos and load tests that must not pay for tokens.</summary>
public sealed class FakeLlmServer : IAsyncDisposable
{
    /// <summary>The model name always listed by <c>/v1/models</c>; any other name is accepted too.</summary>
    public const string DefaultModel = "fake";

    private static readonly TimeSpan AbortGrace = TimeSpan.FromMilliseconds(50);

    private readonly FakeLlmOptions _options;
    private readonly StatsCounters _stats = new();
    private readonly ConcurrentDictionary<string, byte> _models = new(StringComparer.Ordinal) { [DefaultModel] = 0 };
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private int _stopped;

    private FakeLlmServer(FakeLlmOptions options) => _options = options;

    /// <summary>The port it listens on, on 127.0.0.1.</summary>
    public int Port { get; private set; }

    /// <summary>The base address to give an OpenAI client (<c>http://127.0.0.1:PORT/v1</c>): WorldPlay's <c>--endpoint</c>.</summary>
    public Uri Endpoint => new($"http://127.0.0.1:{Port}/v1");

    /// <summary>The counters now.</summary>
    public FakeLlmStats Stats => _stats.Snapshot();

    /// <summary>"fake" and every model name requests have asked for, sorted.</summary>
    public IReadOnlyList<string> Models => [.. _models.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Starts listening on 127.0.0.1 and the options' port (0: a free one).</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="IOException">The port is taken.</exception>
    public static async Task<FakeLlmServer> StartAsync(FakeLlmOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        // Loading the tokenizer takes a moment; do it now rather than in the first request.
        TokenCounter.Default.Count("warm");

        var server = new FakeLlmServer(options);
        var builder = WebApplication.CreateEmptyBuilder(
            new WebApplicationOptions { ApplicationName = typeof(FakeLlmServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        // The owner decides when to stop (Ctrl+C in the CLI, Dispose in tests): the host must not catch signals itself.
        builder.Services.AddSingleton<IHostLifetime, OwnerStopsLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var app = builder.Build();
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);
        server._app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.Port = new Uri(address).Port;
        return server;
    }

    /// <summary>Stops listening; requests still held (latency, the timeout fault) end at once.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1 || _app is null)
        {
            return;
        }
        await _stopping.CancelAsync();
        await _app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        _stopping.Dispose();
    }

    private Task HandleAsync(HttpContext context) => (context.Request.Method, context.Request.Path.Value) switch
    {
        ("POST", "/v1/chat/completions" or "/chat/completions") => ChatAsync(context),
        ("GET", "/v1/models" or "/models") => ModelsAsync(context),
        ("GET", "/healthz") => PlainAsync(context, "ok\n"),
        ("GET", "/stats") => StatsAsync(context),
        _ => ErrorAsync(context, StatusCodes.Status404NotFound,
            $"No route {context.Request.Method} {context.Request.Path}; this fake model serves POST /v1/chat/completions, GET " +
                "/v1/models, /healthz and /stats.",
            "invalid_request_error", "not_found", CancellationToken.None),
    };

    private async Task ChatAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var number = _stats.Begin();
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var cancellationToken = abort.Token;
        try
        {
            ChatRequest request;
            try
            {
                using var body = await JsonDocument.ParseAsync(context.Request.Body, default, cancellationToken);
                request = ChatRequest.Parse(body.RootElement);
            }
            catch (Exception e) when (e is JsonException or BadChatRequestException)
            {
                _stats.Rejected();
                await ErrorAsync(context, StatusCodes.Status400BadRequest, $"Not a chat completion request: {e.Message}",
                    "invalid_request_error",
                    null, cancellationToken, (e as BadChatRequestException)?.Param);
                return;
            }
            if (request.Stream)
            {
                _stats.Streamed();
            }
            if (request.Model.Length > 0)
            {
                _models.TryAdd(request.Model, 0);
            }
            var promptTokens = 0;
            foreach (var message in request.Messages)
            {
                promptTokens += TokenCounter.Default.Count(message.Content);
            }

            var fault = DrawFault(number);
            if (fault is { } drawn)
            {
                _stats.Faulted(drawn);
            }
            // The shape of a fault (which malformation, where a stream stops) is seeded like the draw, apart from the reply.
            var shape = new Random(StableSeed.Of(_options.Seed, "shape", number));
            switch (fault)
            {
                case Fault.RateLimited:
                    context.Response.Headers.RetryAfter = Math.Ceiling(_options.RetryAfter.TotalSeconds)
                        .ToString(CultureInfo.InvariantCulture);
                    await ErrorAsync(context, StatusCodes.Status429TooManyRequests,
                        $"Rate limit reached for {ModelOf(request)} (fake: injected 429). Please try again in " +
                            $"{_options.RetryAfter.TotalSeconds:0.#}s.",
                        "requests", "rate_limit_exceeded", cancellationToken);
                    return;
                case Fault.ServerError:
                    await WaitAsync(_options.Latency, cancellationToken);
                    await ErrorAsync(context, StatusCodes.Status500InternalServerError,
                        "The server had an error while processing your request (fake: injected 500).", "server_error", null,
                            cancellationToken);
                    return;
                case Fault.Timeout:
                    await WaitAsync(_options.TimeoutHold, cancellationToken);
                    await ErrorAsync(context, StatusCodes.Status504GatewayTimeout,
                        $"The fake model held this request for {_options.TimeoutHold.TotalSeconds:0.#} s (injected timeout); the client " +
                            "should have given up sooner.",
                        "timeout", "timeout", cancellationToken);
                    return;
            }

            var reply = Improviser.Compose(request, request.ReplySeed(_options.Seed));
            var content = fault switch
            {
                Fault.Malformed => SpoiledReply.Malformed(reply, shape),
                Fault.SchemaViolation => SpoiledReply.SchemaViolation(reply, shape),
                _ => reply.Content,
            };
            var wire = new ChatWire($"chatcmpl-fake-{number}", DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ModelOf(request));
            var sent = request.Stream
                ? await StreamAsync(context, wire, request, content, promptTokens, fault == Fault.Truncated ? shape : null,
                    cancellationToken)
                : await ReplyAsync(context, wire, content, promptTokens, fault == Fault.Truncated ? shape : null, cancellationToken);
            _stats.Tokens(promptTokens, sent);
            if (fault is null)
            {
                _stats.Completed();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _stats.Abandoned();
            // The server is stopping with the request unanswered: drop the connection rather than send an empty 200.
            context.Abort();
        }
        finally
        {
            _stats.End(started);
        }
    }

    private Fault? DrawFault(long number)
    {
        if (_options.FaultRate <= 0)
        {
            return null;
        }
        var random = new Random(StableSeed.Of(_options.Seed, "fault", number));
        return random.NextDouble() < _options.FaultRate ? _options.Faults[random.Next(_options.Faults.Length)] : null;
    }

    /// <summary>A whole reply after the latency and the time its tokens take; truncated, it is cut and ends with "length".</summary>
    private async Task<int> ReplyAsync(HttpContext context, ChatWire wire, string content, int promptTokens, Random? truncate,
        CancellationToken cancellationToken)
    {
        var finish = "stop";
        if (truncate is not null)
        {
            var pieces = Pieces(content);
            content = string.Concat(pieces.Take(CutAt(pieces.Count, truncate)));
            finish = "length";
        }
        var tokens = TokenCounter.Default.Count(content);
        await WaitAsync(_options.Latency + TimeFor(tokens), cancellationToken);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        wire.Completion(context.Response.BodyWriter, content, finish, promptTokens, tokens);
        await context.Response.BodyWriter.FlushAsync(cancellationToken);
        return tokens;
    }

    /// <summary>Server-sent events: the role after the latency, then the content piece by piece at the token rate, the finish
    /// reason, the usage when asked for, and <c>[DONE]</c>. Truncated, it stops part-way with neither.</summary>
    private async Task<int> StreamAsync(HttpContext context, ChatWire wire, ChatRequest request, string content, int promptTokens,
        Random? truncate,
        CancellationToken cancellationToken)
    {
        var response = context.Response;
        var output = response.BodyWriter;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        await WaitAsync(_options.Latency, cancellationToken);

        var pieces = Pieces(content);
        var total = TokenCounter.Default.Count(content);
        var end = truncate is null ? pieces.Count : CutAt(pieces.Count, truncate);
        var clock = Stopwatch.StartNew();
        wire.Chunk(output, withRole: true, "", null, request.IncludeUsage);
        var chars = 0;
        for (var i = 0; i < end; i++)
        {
            // Piece i is due once the tokens before it have taken their time at the configured rate.
            var due = TimeFor(content.Length == 0 ? 0 : (double)total * chars / content.Length);
            if (due - clock.Elapsed > TimeSpan.FromMilliseconds(1))
            {
                await output.FlushAsync(cancellationToken);
                await WaitAsync(due - clock.Elapsed, cancellationToken);
            }
            wire.Chunk(output, withRole: false, pieces[i], null, request.IncludeUsage);
            chars += pieces[i].Length;
        }
        if (truncate is not null)
        {
            await output.FlushAsync(cancellationToken);
            var sent = TokenCounter.Default.Count(content[..chars]);
            if (truncate.Next(2) == 0)
            {
                // As when a proxy or the network drops the connection mid-stream. The pause lets what was flushed reach
                // the socket first, so the client sees the partial content before the reset.
                await Task.Delay(AbortGrace, cancellationToken);
                context.Abort();
            }
            return sent;
        }
        wire.Chunk(output, withRole: false, null, "stop", request.IncludeUsage);
        if (request.IncludeUsage)
        {
            wire.UsageChunk(output, promptTokens, total);
        }
        output.Write(ChatWire.Done);
        await output.FlushAsync(cancellationToken);
        return total;
    }

    private TimeSpan TimeFor(double tokens) =>
        _options.TokensPerSecond > 0 ? TimeSpan.FromSeconds(tokens / _options.TokensPerSecond) : TimeSpan.Zero;

    private static int CutAt(int pieces, Random random)
        => pieces <= 1 ? 0 : Math.Max(1, (int)(pieces * (0.3 + (0.4 * random.NextDouble()))));

    /// <summary>The content in pieces the size of tokens (a word with the space before it, or one other character), so a
    /// stream looks like a model's; joined, they are the content exactly.</summary>
    internal static List<string> Pieces(string content)
    {
        var pieces = new List<string>(content.Length / 3);
        var start = 0;
        var i = 0;
        while (i < content.Length)
        {
            while (i < content.Length && char.IsWhiteSpace(content[i]))
            {
                i++;
            }
            if (i < content.Length && char.IsLetterOrDigit(content[i]))
            {
                while (i < content.Length && char.IsLetterOrDigit(content[i]))
                {
                    i++;
                }
            }
            else if (i < content.Length)
            {
                i++;
            }
            pieces.Add(content[start..i]);
            start = i;
        }
        return pieces;
    }

    private static string ModelOf(ChatRequest request) => request.Model.Length > 0 ? request.Model : DefaultModel;

    private static async Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, cancellationToken);
        }
        else
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private async Task ModelsAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        using (var json = new Utf8JsonWriter(context.Response.BodyWriter))
        {
            json.WriteStartObject();
            json.WriteString("object", "list");
            json.WriteStartArray("data");
            foreach (var model in Models)
            {
                json.WriteStartObject();
                json.WriteString("id", model);
                json.WriteString("object", "model");
                json.WriteNumber("created", 0);
                json.WriteString("owned_by", "worldplay-fake-llm");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    private async Task StatsAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, Stats, CoreSerialization.Json, context.RequestAborted);
    }

    private static async Task PlainAsync(HttpContext context, string text)
    {
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync(text, context.RequestAborted);
    }

    private static async Task ErrorAsync(HttpContext context, int status, string message, string type, string? code,
        CancellationToken cancellationToken,
        string? param = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        ChatWire.Error(context.Response.BodyWriter, message, type, code, param);
        await context.Response.BodyWriter.FlushAsync(cancellationToken);
    }

    /// <summary>A host lifetime that leaves signals alone: whoever started the server stops it.</summary>
    private sealed class OwnerStopsLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
