using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using WorldPlay.Contracts;

namespace WorldPlay.Web.Studio;

/// <summary>Turns every exception an endpoint throws into one <c>application/problem+json</c> answer: what a caller can cause
/// (bad input, an unknown key, a refusal) says what to do; anything else is a 500 that says nothing of the server's insides
/// and is logged here instead.</summary>
public sealed class StudioErrors(RequestDelegate next, ILogger<StudioErrors> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller hung up: nobody is left to answer.
        }
        catch (Exception e)
        {
            var (status, detail, field, retryAfter) = Classify(context, e);
            if (status >= StatusCodes.Status500InternalServerError)
            {
                logger.LogError(e, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
            }
            else
            {
                logger.LogDebug("{Method} {Path} refused with {Status}: {Detail}", context.Request.Method, context.Request.Path, status,
                    detail);
            }
            if (context.Response.HasStarted)
            {
                // Part of an answer is on its way (a stream): it cannot become a problem any more, so the connection ends.
                context.Abort();
                return;
            }
            context.Response.Clear();
            await WriteAsync(context, status, detail, retryAfter, field);
        }
    }

    /// <summary>The status, detail, field (when known) and Retry-After of an exception.</summary>
    internal static (int Status, string Detail, string? Field, TimeSpan? RetryAfter) Classify(HttpContext context, Exception e)
    {
        return e switch
        {
            StudioRefusal r => (r.Status, r.Message, null, r.RetryAfter),
            SiloBusyException b => (StatusCodes.Status503ServiceUnavailable, b.Message, null, b.RetryAfter),
            BadHttpRequestException { InnerException: JsonException json } =>
                (StatusCodes.Status400BadRequest, JsonDetail(json), Field(json), null),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge or StatusCodes.Status415UnsupportedMediaType } b =>
                (b.StatusCode, DetailOf(context, b.StatusCode), null, null),
            BadHttpRequestException b => (b.StatusCode, b.Message, null, null),
            JsonException json => (StatusCodes.Status400BadRequest, JsonDetail(json), Field(json), null),
            ArgumentException a => (StatusCodes.Status400BadRequest, a.Message, a.ParamName, null),
            FormatException f => (StatusCodes.Status400BadRequest, f.Message, null, null),
            KeyNotFoundException k => (StatusCodes.Status404NotFound, k.Message, null, null),
            _ => (StatusCodes.Status500InternalServerError,
                "The server failed to answer this request. It has been logged under the traceId; try again, and report the traceId if " +
                    "it happens again.", null, null),
        };
    }

    /// <summary>Writes a problem with <paramref name="status"/> and <paramref name="detail"/> (and <c>Retry-After</c> in whole
    /// seconds, and the <c>field</c> at fault, when given).</summary>
    public static Task WriteAsync(HttpContext context, int status, string detail, TimeSpan? retryAfter = null, string? field = null)
    {
        var problem = new ProblemDetails { Status = status, Detail = detail };
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }
        if (retryAfter is { } after)
        {
            var seconds = Math.Max(1, (long)Math.Ceiling(after.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            problem.Extensions["retryAfterSeconds"] = seconds;
        }
        context.Response.StatusCode = status;
        return TypedResults.Problem(problem).ExecuteAsync(context);
    }

    /// <summary>Gives a problem that another part wrote without a detail the one its status needs.</summary>
    internal static void Complete(ProblemDetailsContext problem)
    {
        problem.ProblemDetails.Detail ??=
            DetailOf(problem.HttpContext, problem.ProblemDetails.Status ?? problem.HttpContext.Response.StatusCode);
    }

    /// <summary>Answers a bare error status (no endpoint, a method not allowed, no credentials) with a problem.</summary>
    internal static Task WriteStatusAsync(StatusCodeContext status) =>
        WriteAsync(status.HttpContext, status.HttpContext.Response.StatusCode,
            DetailOf(status.HttpContext, status.HttpContext.Response.StatusCode));

    private static string DetailOf(HttpContext context, int status)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        path = path.Length <= 100 ? path : path[..100] + "...";
        return status switch
        {
            StatusCodes.Status400BadRequest => "The request is malformed; see docs/studio-api.md for what this call takes.",
            StatusCodes.Status401Unauthorized => "This call needs credentials: an API key (Authorization: ApiKey ...) or a player token " +
                "(Authorization: Bearer ...; on a WebSocket, the subprotocol worldplay.bearer.TOKEN).",
            StatusCodes.Status403Forbidden => "The credentials do not allow this call: it needs a scope (read, play or create) they do " +
                "not hold, or an API key rather than a token.",
            StatusCodes.Status404NotFound => $"Nothing is served at {path}; see the OpenAPI document at {WorldPlayApi.OpenApiPath}.",
            StatusCodes.Status405MethodNotAllowed => $"{request.Method} is not allowed on {path}; see the OpenAPI document at " +
                $"{WorldPlayApi.OpenApiPath} for the methods it takes.",
            StatusCodes.Status413PayloadTooLarge => StudioLimiting.TooLarge(request.ContentLength, LimitOf(context)),
            StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON, with Content-Type: application/json.",
            StatusCodes.Status429TooManyRequests => "Too many requests: try again after Retry-After seconds.",
            >= 500 => "The server failed to answer this request; try again, and report the traceId if it happens again.",
            _ => $"The request to {path} failed with status {status.ToString(CultureInfo.InvariantCulture)}.",
        };
    }

    private static long LimitOf(HttpContext context) =>
        context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0;

    private static string? Field(JsonException json) => json.Path is { Length: > 0 } path && path != "$" ? path : null;

    /// <summary>What was wrong with a JSON body and where, without the serializer's line and byte positions or type names.</summary>
    private static string JsonDetail(JsonException json)
    {
        var message = json.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }
        var at = Field(json) is { } field ? $" at '{field}'" : "";
        return $"The body is not the JSON this call takes{at}: {message}";
    }
}
