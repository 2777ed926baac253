using System.Collections.Immutable;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WorldPlay.Contracts;

namespace WorldPlay.Web.Studio;

/// <summary>The REST endpoints that create worlds and open and play scenes, per tenant, idempotent.</summary>
public static class StudioSceneEndpoints
{
    /// <summary>The header every POST carries: a retry with the same key and body is answered the same and plays nothing again.
    /// </summary>
    public const string IdempotencyHeader = "Idempotency-Key";

    public static IServiceCollection AddStudioScenes(this IServiceCollection services) =>
        services.AddSingleton<IStudioScenes, StudioSceneService>();

    public static IEndpointRouteBuilder MapStudioScenes(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Studio");

        api.MapPost("/worlds", (HttpContext http, CreateWorldRequest request, IStudioScenes scenes) =>
                Answer(http, true, (caller, key) => scenes.CreateWorldAsync(caller, request, key),
                    world => TypedResults.Created($"/api/worlds/{world.Key}", world)))
            .RequireAuthorization(StudioPolicies.Create)
            .WithName("CreateWorld").WithSummary("Creates a world from a sample or from a world file in the body.")
            .Produces<StudioWorld>(StatusCodes.Status201Created).Problems(409, 422, 429);
        api.MapPost("/worlds/{key}/scenes", (HttpContext http, string key, OpenSceneRequest request, IStudioScenes scenes) =>
                Answer(http, true, (caller, k) => scenes.OpenAsync(caller, key, request, k),
                    scene => TypedResults.Created($"/api/scenes/{Uri.EscapeDataString(scene.Scene)}", scene)))
            .RequireAuthorization(StudioPolicies.Create)
            .WithName("OpenScene").WithSummary("Opens a scene of the world (default: its first); it counts as one concurrent scene.")
            .Produces<SceneView>(StatusCodes.Status201Created).Problems(404, 409, 422, 429);
        api.MapGet("/scenes/{key}", (HttpContext http, string key, IStudioScenes scenes) =>
                Answer(http, false, (caller, _) => scenes.StatusAsync(caller, Scene(key)), TypedResults.Ok))
            .RequireAuthorization(StudioPolicies.Read)
            .WithName("GetScene").WithSummary("The scene: its place, cast, who is present, and the turns played.")
            .Produces<SceneView>().Problems(404);
        api.MapDelete("/scenes/{key}", (HttpContext http, string key, IStudioScenes scenes) =>
                Answer(http, false, async (caller, _) =>
                {
                    await scenes.CloseAsync(caller, Scene(key));
                    return true;
                }, _ => TypedResults.NoContent()))
            .RequireAuthorization(StudioPolicies.Create)
            .WithName("CloseScene").WithSummary("Closes the scene, freeing its concurrent-scene slot; it stays readable.")
            .Produces(StatusCodes.Status204NoContent).Problems(404);
        api.MapPost("/scenes/{key}/say", (HttpContext http, string key, SayRequest request, IStudioScenes scenes) =>
                Answer(http, true, (caller, k) => scenes.SayAsync(caller, Scene(key), request, k), TypedResults.Ok))
            .Play("Say", "The player says a line (with what it creates, and who answers first); the characters reply.");
        api.MapPost("/scenes/{key}/converse", (HttpContext http, string key, ConverseRequest request, IStudioScenes scenes) =>
                Answer(http, true, (caller, k) => scenes.ConverseAsync(caller, Scene(key), request, k), TypedResults.Ok))
            .Play("Converse", "The characters talk among themselves for a number of turns.");
        api.MapPost("/scenes/{key}/next", (HttpContext http, string key, NextRequest request, IStudioScenes scenes) =>
                Answer(http, true, (caller, k) => scenes.NextAsync(caller, Scene(key), request, k), TypedResults.Ok))
            .Play("PlayNext", "The named character speaks the next turn.");
        api.MapPost("/scenes/{key}/triggers", (HttpContext http, string key, TriggerRequest request, IStudioScenes scenes) =>
                Answer(http, true, (caller, k) => scenes.TriggerAsync(caller, Scene(key), request, k), TypedResults.Ok))
            .Play("Trigger",
                "The game reports what happened in its own world; the laws judge it, refused changes carry the law's reason.");
        api.MapPost("/scenes/{key}/regenerate", (HttpContext http, string key, IStudioScenes scenes) =>
                Answer(http, true, (caller, k) => scenes.RegenerateAsync(caller, Scene(key), k), TypedResults.Ok))
            .RequireAuthorization(StudioPolicies.Play)
            .WithName("Regenerate").WithSummary("Plays the last turn again on a sibling branch; answers every alternative so far.")
            .Produces<AlternativesView>().Problems(404, 409, 422);
        api.MapPost("/scenes/{key}/choose", (HttpContext http, string key, ChooseRequest request, IStudioScenes scenes) =>
                Answer(http, true, (caller, k) => scenes.ChooseAsync(caller, Scene(key), request, k), TypedResults.Ok))
            .RequireAuthorization(StudioPolicies.Play)
            .WithName("Choose").WithSummary("Keeps one regenerated alternative; answers the scene to go on with.")
            .Produces<SceneView>().Problems(404, 409, 422);
        api.MapPost("/scenes/{key}/fork", (HttpContext http, string key, ForkSceneRequest request, IStudioScenes scenes) =>
                Answer(http, true, (caller, k) => scenes.ForkAsync(caller, Scene(key), request, k),
                    scene => TypedResults.Created($"/api/scenes/{Uri.EscapeDataString(scene.Scene)}", scene)))
            .RequireAuthorization(StudioPolicies.Play)
            .WithName("Fork").WithSummary("Goes on from a turn on a new branch; the scene as it was stays readable (rollback).")
            .Produces<SceneView>(StatusCodes.Status201Created).Problems(404, 409, 422, 429);
        api.MapGet("/worlds/{key}/characters/{id}/memory", (HttpContext http, string key, string id, IStudioScenes scenes) =>
                Answer(http, false, (caller, _) => scenes.MemoryAsync(caller, key, id), TypedResults.Ok))
            .RequireAuthorization(StudioPolicies.Read)
            .WithName("GetMemory").WithSummary("What a character remembers: only what it witnessed.")
            .Produces<MemoryAnswer>().Problems(404);
        return endpoints;
    }

    private static RouteHandlerBuilder Play(this RouteHandlerBuilder endpoint, string name, string summary) => endpoint
        .RequireAuthorization(StudioPolicies.Play).WithName(name).WithSummary(summary)
        .Produces<TurnsAnswer>().Problems(404, 409, 422);

    private static RouteHandlerBuilder Problems(this RouteHandlerBuilder endpoint, params int[] statuses)
    {
        foreach (var status in statuses.Prepend(StatusCodes.Status400BadRequest))
        {
            endpoint.ProducesProblem(status);
        }
        return endpoint;
    }

    /// <summary>A scene key from a route: <c>world/scene</c>, URL-encoded as <c>world%2Fscene</c>.</summary>
    private static string Scene(string key) => Uri.UnescapeDataString(key);

    /// <summary>Calls the scenes for the caller (with the request's idempotency key, which a POST must carry) and answers
    /// <paramref name="ok"/>, or the problem a caller caused.</summary>
    private static async Task<IResult> Answer<T>(
        HttpContext http, bool mutating, Func<StudioCaller, string?, Task<T>> call, Func<T, IResult> ok)
    {
        var caller = StudioCaller.From(http);
        try
        {
            return ok(await call(caller, mutating ? IdempotencyKey(http) : null));
        }
        catch (StudioRefusal e)
        {
            if (e.RetryAfter is { } after)
            {
                http.Response.Headers.RetryAfter = Math.Ceiling(after.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            }
            return Problem(e.Status, e.Message, caller);
        }
        catch (WorldFileRefusal e)
        {
            return TypedResults.Problem(Hide(e.Message, caller), statusCode: 400, title: Title(400),
                extensions: new Dictionary<string, object?> { ["problems"] = e.Problems.ToImmutableArray() });
        }
        catch (ArgumentException e)
        {
            return Problem(400, e.Message, caller);
        }
        catch (KeyNotFoundException e)
        {
            return Problem(404, e.Message, caller);
        }
        catch (InvalidOperationException e)
        {
            // The grains refuse a call the state does not allow (a world that exists, nothing to regenerate) with this exception.
            return Problem(409, e.Message, caller);
        }
        catch (SiloBusyException e)
        {
            // The silo's turn gate refused the turn before it played anything: come back when its line has had time to move.
            http.Response.Headers.RetryAfter = BusySeconds(e).ToString(CultureInfo.InvariantCulture);
            return Problem(503, e.Message, caller);
        }
        catch (Exception e) when (e is ModelUnreachableException or TurnInterruptedException)
        {
            http.Response.Headers.RetryAfter = "1";
            return Problem(503, e.Message, caller);
        }
    }

    /// <summary>A busy silo's retry hint in the whole seconds <c>Retry-After</c> takes, at least 1.</summary>
    internal static long BusySeconds(SiloBusyException e) => Math.Max(1, (long)Math.Ceiling(e.RetryAfter.TotalSeconds));

    private static string? IdempotencyKey(HttpContext http)
    {
        var values = http.Request.Headers[IdempotencyHeader];
        if (values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            throw new ArgumentException(
                $"{IdempotencyHeader}: every POST carries one header {IdempotencyHeader} (1 to 100 characters of A-Za-z0-9-_.:, "
                + "such as a UUID), so a retried request never plays twice.");
        }
        StudioSceneService.CheckIdempotencyKey(values[0]!);
        return values[0];
    }

    private static IResult Problem(int status, string message, StudioCaller caller) =>
        TypedResults.Problem(Hide(message, caller), statusCode: status, title: Title(status));

    /// <summary>A grain's message names keys as the grains know them; the caller knows its own without the tenant's prefix.</summary>
    private static string Hide(string message, StudioCaller caller) => caller.Tenant == StudioCaller.DevelopmentTenant
        ? message
        : message.Replace(caller.Tenant + ".", "", StringComparison.Ordinal);

    private static string Title(int status) => status switch
    {
        400 => "Bad request",
        404 => "Not found",
        409 => "Conflict",
        422 => "Idempotency key reused",
        429 => "Too many open scenes",
        503 => "Try again",
        _ => "Refused",
    };
}
