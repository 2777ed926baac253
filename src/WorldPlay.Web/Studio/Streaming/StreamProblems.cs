using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using WorldPlay.Contracts;

namespace WorldPlay.Web.Studio.Streaming;

/// <summary>A failed command as the REST call would have answered it: the status, its title and a detail a game can show.</summary>
internal static class StreamProblems
{
    /// <summary>The error message for <paramref name="error"/>; null when it is no error a caller can cause (the server failed).
    /// </summary>
    public static ErrorMessage? Of(string? id, Exception error) => error switch
    {
        StudioRefusal r => Message(id, r.Status, r.Message, r.RetryAfter),
        JsonException j => Message(id, StatusCodes.Status400BadRequest, $"The message does not read as its type: {j.Message}"),
        ArgumentException a => Message(id, StatusCodes.Status400BadRequest, a.Message),
        KeyNotFoundException k => Message(id, StatusCodes.Status404NotFound, k.Message),
        TurnInterruptedException t => Message(id, StatusCodes.Status503ServiceUnavailable, t.Message),
        SiloBusyException b => Message(id, StatusCodes.Status503ServiceUnavailable, b.Message, b.RetryAfter),
        ModelUnreachableException m => Message(id, StatusCodes.Status502BadGateway, m.Message),
        // The grains refuse what the scene cannot do now (a scene played by a user simulator asked to say) this way.
        InvalidOperationException o => Message(id, StatusCodes.Status409Conflict, o.Message),
        _ => null,
    };

    /// <summary>An error message; with <paramref name="retryAfter"/> (a 429, 409 or busy 503), when to try again in whole
    /// seconds, as the REST call's <c>Retry-After</c>.</summary>
    public static ErrorMessage Message(string? id, int status, string detail, TimeSpan? retryAfter = null) =>
        new(id, status, ReasonPhrases.GetReasonPhrase(status), detail,
            retryAfter is { } after ? Math.Max(1, (long)Math.Ceiling(after.TotalSeconds)) : null);

    /// <summary>An answer before the stream opens, as problem details.</summary>
    public static IResult Problem(int status, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: ReasonPhrases.GetReasonPhrase(status));
}
