using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace WorldPlay.Web;

/// <summary>The timeline viewer: a page and its script and style, embedded in this assembly and served under <c>/viewer</c>.</summary>
public static class WorldPlayViewer
{
    /// <summary>Where the viewer is served.</summary>
    public const string Path = "/viewer";

    // The page may talk to its own origin only: the viewer needs nothing else, and the browser test relies on it.
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["viewer.js"] = "text/javascript; charset=utf-8",
        ["viewer.css"] = "text/css; charset=utf-8",
    };

    /// <summary>Maps the viewer page and its assets; it reads the API that <see cref="WorldPlayApi.MapWorldPlayApi"/> maps.</summary>
    public static IEndpointRouteBuilder MapWorldPlayViewer(this IEndpointRouteBuilder endpoints)
    {
        // The page and its assets hold no data: anyone may load them. Its data calls carry the read token from the URL fragment.
        endpoints.MapGet(Path, () => Asset("index.html")).ExcludeFromDescription().AllowAnonymous();
        endpoints.MapGet(Path + "/{file}", (string file) => Asset(file)).ExcludeFromDescription().AllowAnonymous();
        return endpoints;
    }

    private static IResult Asset(string file)
    {
        if (!ContentTypes.TryGetValue(file, out var contentType)
            || typeof(WorldPlayViewer).Assembly.GetManifestResourceStream($"viewer/{file}") is not { } stream)
        {
            return TypedResults.NotFound();
        }
        return new ViewerAsset(stream, contentType);
    }

    private sealed class ViewerAsset(Stream content, string contentType) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = contentType;
            httpContext.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            httpContext.Response.Headers.CacheControl = "no-cache";
            await using (content)
            {
                await content.CopyToAsync(httpContext.Response.Body, httpContext.RequestAborted);
            }
        }
    }
}
