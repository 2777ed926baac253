using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace WorldPlay.Web;

/// <summary>The play page: a designer picks or creates a world, opens a scene and plays it with replies streamed over the scene's
/// WebSocket. Embedded in this assembly and served under <c>/play</c>, beside the viewer.</summary>
public static class WorldPlayPlayPage
{
    /// <summary>Where the play page is served.</summary>
    public const string Path = "/play";

    // As the viewer's: the page talks to its own origin only ('self' covers the scene's WebSocket on the same host and port).
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; " +
        "form-action 'none'; frame-ancestors 'none'";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["play.js"] = "text/javascript; charset=utf-8",
        ["play.css"] = "text/css; charset=utf-8",
    };

    /// <summary>Maps the page and its assets; the page calls the studio API that <c>MapWorldPlayStudio</c> maps.</summary>
    public static IEndpointRouteBuilder MapWorldPlayPlayPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, () => Asset("index.html")).ExcludeFromDescription();
        endpoints.MapGet(Path + "/{file}", (string file) => Asset(file)).ExcludeFromDescription();
        return endpoints;
    }

    private static IResult Asset(string file)
    {
        if (!ContentTypes.TryGetValue(file, out var contentType)
            || typeof(WorldPlayPlayPage).Assembly.GetManifestResourceStream($"play/{file}") is not { } stream)
        {
            return TypedResults.NotFound();
        }
        return new PlayAsset(stream, contentType);
    }

    private sealed class PlayAsset(Stream content, string contentType) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = contentType;
            httpContext.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            httpContext.Response.Headers.XContentTypeOptions = "nosniff";
            httpContext.Response.Headers.CacheControl = "no-cache";
            await using (content)
            {
                await content.CopyToAsync(httpContext.Response.Body, httpContext.RequestAborted);
            }
        }
    }
}
