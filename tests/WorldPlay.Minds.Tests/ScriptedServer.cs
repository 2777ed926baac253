using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorldPlay.Core.Minds;

namespace WorldPlay.Minds.Tests;

/// <summary>What the scripted server does with one request.</summary>
public abstract record Step
{
    /// <summary>Answers with <paramref name="Content"/> as the model's reply, streamed (SSE chunks of <paramref name="ChunkSize"/>
    /// characters, then a finish chunk, a usage chunk and <c>[DONE]</c>) when the request asks for a stream, as one JSON body
    /// otherwise. Usage is reported unless <paramref name="ReportUsage"/> is false.</summary>
    public sealed record Reply(string Content, int ChunkSize = 7, bool ReportUsage = true) : Step;

    /// <summary>Answers with an HTTP error, with a <c>Retry-After</c> header when given.</summary>
    public sealed record Status(int Code, string? RetryAfter = null, string Body = """{"error":{"message":"scripted failure"}}""") : Step;

    /// <summary>Never answers, until the client gives up.</summary>
    public sealed record Hang : Step;

    /// <summary>Streams the first <paramref name="Characters"/> characters of <paramref name="Content"/>, then ends the response
    /// with no finish reason and no <c>[DONE]</c>, or with <paramref name="ThenHang"/> sends nothing more until the client gives
    /// up.</summary>
    public sealed record CutShort(string Content, int Characters, bool ThenHang = false) : Step;

    /// <summary>Waits until the test opens <see cref="ScriptedServer.Gate"/>, then does <paramref name="Then"/>.</summary>
    public sealed record Held(Step Then) : Step;
}

/// <summary>A request as the server received it.</summary>
public sealed record ReceivedRequest(string Body, string? Authorization)
{
    private JsonNode Json => JsonNode.Parse(Body)!;

    public bool Stream => Json["stream"]?.GetValue<bool>() ?? false;

    public IReadOnlyList<(string Role, string Content)> Messages =>
        [.. Json["messages"]!.AsArray().Select(m => (m!["role"]!.GetValue<string>(), ContentOf(m["content"])))];

    public string System => Messages.Single(m => m.Role == "system").Content;

    /// <summary>The tokens of every message's text, counted the way the mind counts them (cl100k).</summary>
    public int PromptTokens => Messages.Sum(m => TokenCounter.Default.Count(m.Content));

    public JsonNode? this[string property] => Json[property];

    private static string ContentOf(JsonNode? content) => content switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? "")),
        _ => "",
    };
}

/// <summary>A tiny OpenAI-compatible server (<c>POST /v1/chat/completions</c>) on a free loopback port, scripted per test:
/// each request takes the next step of the script (or <see cref="Fallback"/> when the script is used up). It records every
/// request and the most requests it ever had in flight at once.</summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    public const int ReportedPromptTokens = 321;
    public const int ReportedCompletionTokens = 54;

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Step> _script = new();
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _flightLock = new();
    private int _inFlight;

    private ScriptedServer(WebApplication app) => _app = app;

    /// <summary>The base address to give a mind, with its <c>/v1</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>What a request does when the script is used up.</summary>
    public Step Fallback { get; set; } = new Step.Status(500, Body: """{"error":{"message":"script used up"}}""");

    /// <summary>Held steps wait until this is released.</summary>
    public SemaphoreSlim Gate { get; } = new(0);

    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    public int InFlight => Volatile.Read(ref _inFlight);

    public int MaxInFlight { get; private set; }

    public static async Task<ScriptedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Port 0: the system picks a free port and Kestrel holds it from the start, so parallel test runs cannot collide.
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new ScriptedServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Endpoint = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    public void Enqueue(params Step[] steps)
    {
        foreach (var step in steps)
        {
            _script.Enqueue(step);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        Gate.Release(1000);
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        _requests.Enqueue(new ReceivedRequest(body, context.Request.Headers.Authorization.FirstOrDefault()));
        lock (_flightLock)
        {
            _inFlight++;
            MaxInFlight = Math.Max(MaxInFlight, _inFlight);
        }
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            var step = _script.TryDequeue(out var next) ? next : Fallback;
            var stream = JsonNode.Parse(body)?["stream"]?.GetValue<bool>() ?? false;
            await PlayAsync(step, context, stream, aborted.Token);
        }
        catch (OperationCanceledException)
        {
            // The client gave up (a timeout) or the server is stopping.
        }
        finally
        {
            lock (_flightLock)
            {
                _inFlight--;
            }
        }
    }

    private async Task PlayAsync(Step step, HttpContext context, bool stream, CancellationToken cancellationToken)
    {
        switch (step)
        {
            case Step.Held held:
                await Gate.WaitAsync(cancellationToken);
                await PlayAsync(held.Then, context, stream, cancellationToken);
                break;
            case Step.Hang:
                await Task.Delay(Timeout.Infinite, cancellationToken);
                break;
            case Step.Status status:
                context.Response.StatusCode = status.Code;
                if (status.RetryAfter is { } after)
                {
                    context.Response.Headers.RetryAfter = after;
                }
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(status.Body, cancellationToken);
                break;
            case Step.Reply reply when stream:
                await StreamAsync(context, reply.Content, reply.ChunkSize, finish: true, reply.ReportUsage, cancellationToken);
                break;
            case Step.Reply reply:
                context.Response.ContentType = "application/json";
                var completion = new JsonObject
                {
                    ["id"] = "chatcmpl-scripted",
                    ["object"] = "chat.completion",
                    ["created"] = 1_700_000_000,
                    ["model"] = "scripted",
                    ["choices"] = new JsonArray(new JsonObject
                    {
                        ["index"] = 0,
                        ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply.Content },
                        ["finish_reason"] = "stop",
                    }),
                };
                if (reply.ReportUsage)
                {
                    completion["usage"] = Usage();
                }
                await context.Response.WriteAsync(completion.ToJsonString(), cancellationToken);
                break;
            case Step.CutShort cut:
                await StreamAsync(context, cut.Content[..cut.Characters], 5, finish: false, usage: false, cancellationToken);
                if (cut.ThenHang)
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                break;
        }
    }

    private static async Task StreamAsync(HttpContext context, string content, int chunkSize, bool finish, bool usage,
        CancellationToken cancellationToken)
    {
        context.Response.ContentType = "text/event-stream";
        async Task SendAsync(JsonObject chunk)
        {
            chunk["id"] = "chatcmpl-scripted";
            chunk["object"] = "chat.completion.chunk";
            chunk["created"] = 1_700_000_000;
            chunk["model"] = "scripted";
            await context.Response.WriteAsync($"data: {chunk.ToJsonString()}\n\n", cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
        }
        static JsonObject Choice(JsonObject delta, string? finishReason) => new()
        {
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason }),
        };

        await SendAsync(Choice(new JsonObject { ["role"] = "assistant", ["content"] = "" }, null));
        for (var i = 0; i < content.Length; i += chunkSize)
        {
            await SendAsync(Choice(new JsonObject { ["content"] = content.Substring(i, Math.Min(chunkSize, content.Length - i)) }, null));
        }
        if (!finish)
        {
            return;
        }
        await SendAsync(Choice(new JsonObject(), "stop"));
        if (usage)
        {
            await SendAsync(new JsonObject { ["choices"] = new JsonArray(), ["usage"] = Usage() });
        }
        await context.Response.WriteAsync("data: [DONE]\n\n", cancellationToken);
    }

    private static JsonObject Usage() => new()
    {
        ["prompt_tokens"] = ReportedPromptTokens,
        ["completion_tokens"] = ReportedCompletionTokens,
        ["total_tokens"] = ReportedPromptTokens + ReportedCompletionTokens,
    };
}
