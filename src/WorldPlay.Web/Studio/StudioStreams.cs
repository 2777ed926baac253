using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorldPlay.Web.Studio.Streaming;

namespace WorldPlay.Web.Studio;

/// <summary>A scene's stream: WebSocket (commands in, speech and turns out) and Server-Sent Events, resumable after a turn.</summary>
public static class StudioStreams
{
    /// <summary>The WebSocket subprotocol of the messages docs/studio-api.md describes; the server accepts it when offered.</summary>
    public const string Subprotocol = "worldplay.v1";

    /// <summary>Adds the scene feed (<see cref="ISceneFeed"/>) the streams and the REST calls share, and the stream options (a
    /// <see cref="StudioStreamOptions"/> registered before wins).</summary>
    public static IServiceCollection AddStudioStreams(this IServiceCollection services)
    {
        services.TryAddSingleton(new StudioStreamOptions());
        services.AddSingleton<SceneFeed>();
        services.AddSingleton<ISceneFeed>(s => s.GetRequiredService<SceneFeed>());
        return services;
    }

    /// <summary>Maps <c>GET /api/scenes/{key}/ws</c> (WebSocket) and <c>GET /api/scenes/{key}/events</c> (Server-Sent Events).</summary>
    public static IEndpointRouteBuilder MapStudioStreams(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Streams");
        api.MapGet("/scenes/{key}/ws", SocketAsync)
            .RequireAuthorization(StudioPolicies.Read)
            .WithName("SceneSocket")
            .WithSummary("A scene's WebSocket (subprotocol worldplay.v1): ready, the turns after `after`, then speech, turns, game " +
                "events; commands say, converse, next, trigger (play scope) answered by done or error.")
            .Accepts<StreamCommand>("application/json")
            .Produces(StatusCodes.Status101SwitchingProtocols)
            .Produces<StreamMessage>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/scenes/{key}/events", EventsAsync)
            .RequireAuthorization(StudioPolicies.Read)
            .WithName("SceneEvents")
            .WithSummary("A scene's stream as Server-Sent Events: the WebSocket's messages but commands; Last-Event-ID resumes.")
            .Produces<StreamMessage>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<IResult> SocketAsync(string key, string? after, HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return StreamProblems.Problem(StatusCodes.Status400BadRequest,
                "This is a WebSocket: connect with one (subprotocol worldplay.v1). Without WebSockets, read " +
                "GET /api/scenes/{key}/events (Server-Sent Events) and play with the REST calls.");
        }
        var opening = await OpenAsync(context, key, after, null);
        if (opening.Problem is { } problem)
        {
            return problem;
        }
        var services = context.RequestServices;
        var options = services.GetRequiredService<StudioStreamOptions>();
        var offered = context.WebSockets.WebSocketRequestedProtocols.Contains(Subprotocol, StringComparer.Ordinal);
        using var socket = await context.WebSockets.AcceptWebSocketAsync(
            new WebSocketAcceptContext { SubProtocol = offered ? Subprotocol : null, KeepAliveInterval = options.Heartbeat });
        var feed = services.GetRequiredService<SceneFeed>();
        var stream = await feed.OpenAsync(opening.Scene.Internal, opening.Ready!);
        try
        {
            var session = new SceneSocket(socket, context, stream, services.GetRequiredService<IStudioScenes>(), opening.Caller!,
                opening.Scene, Json(services), services.GetRequiredService<StudioOptions>().LimitsOf(opening.Caller!.Tenant).MaxBodyBytes,
                options.Heartbeat, services.GetRequiredService<ILoggerFactory>().CreateLogger("WorldPlay.Web.Studio.SceneSocket"));
            using var stopping = Stopping(context);
            await session.RunAsync(stopping.Token);
        }
        finally
        {
            feed.Close(opening.Scene.Internal, stream);
        }
        return Results.Empty;
    }

    private static async Task<IResult> EventsAsync(string key, string? after, HttpContext context)
    {
        var opening = await OpenAsync(context, key, after, context.Request.Headers["Last-Event-ID"].FirstOrDefault());
        if (opening.Problem is { } problem)
        {
            return problem;
        }
        var services = context.RequestServices;
        var feed = services.GetRequiredService<SceneFeed>();
        var stream = await feed.OpenAsync(opening.Scene.Internal, opening.Ready!);
        try
        {
            using var stopping = Stopping(context);
            await SceneEventStream.WriteAsync(context, stream, Json(services), services.GetRequiredService<StudioStreamOptions>().Heartbeat,
                stopping.Token);
        }
        finally
        {
            feed.Close(opening.Scene.Internal, stream);
        }
        return Results.Empty;
    }

    /// <summary>Who asks for which scene, after which turn: the scene must be the caller's (404 otherwise, as if it did not exist)
    /// and the turn one it has played. <paramref name="lastEventId"/> (SSE's resume) wins over <paramref name="after"/>.</summary>
    private static async Task<Opening> OpenAsync(HttpContext context, string key, string? after, string? lastEventId)
    {
        var caller = StudioCaller.From(context);
        var external = Uri.UnescapeDataString(key);
        try
        {
            var scene = new SceneAddress(external, TenantKeys.Internal(caller.Tenant, external));
            var view = await context.RequestServices.GetRequiredService<IStudioScenes>().StatusAsync(caller, external);
            var resume = string.IsNullOrWhiteSpace(lastEventId) ? after : lastEventId;
            var name = string.IsNullOrWhiteSpace(lastEventId) ? "after" : "Last-Event-ID";
            if (string.IsNullOrWhiteSpace(resume))
            {
                return new Opening(caller, scene, new ReadyMessage(view, view.Turn), null);
            }
            if (!int.TryParse(resume, NumberStyles.None, CultureInfo.InvariantCulture, out var turn) || turn > view.Turn)
            {
                return new Opening(caller, scene, null, StreamProblems.Problem(StatusCodes.Status400BadRequest,
                    $"{name} '{Shorten(resume)}' is not a turn scene '{external}' has played: give the last turn you saw, from 0 to " +
                    $"{view.Turn} (0: every turn; leave it out: only what is played from now on)."));
            }
            return new Opening(caller, scene, new ReadyMessage(view, turn), null);
        }
        catch (Exception e) when (StreamProblems.Of(null, e) is { } error)
        {
            return new Opening(caller, new SceneAddress(external, ""), null, StreamProblems.Problem(error.Status, error.Detail));
        }
    }

    /// <summary>Ends with the request or with the host, so open streams never hold a stopping server up.</summary>
    private static CancellationTokenSource Stopping(HttpContext context) => CancellationTokenSource.CreateLinkedTokenSource(
        context.RequestAborted, context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);

    private static JsonSerializerOptions Json(IServiceProvider services) =>
        services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "...";

    private sealed record Opening(StudioCaller? Caller, SceneAddress Scene, ReadyMessage? Ready, IResult? Problem);
}
