using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace WorldPlay.Web;

/// <summary>A page with its script and style, embedded in this assembly under <paramref name="folder"/> and served with a
/// content security policy. The page and its assets hold no data, so anyone may load them (their data calls carry a token).
/// </summary>
internal sealed class EmbeddedPage(string folder, string contentSecurityPolicy, params string[] files)
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    };

    /// <summary>Maps <c>index.html</c> at <paramref name="path"/> and every file at <c>path/file</c>.</summary>
    public IEndpointRouteBuilder Map(IEndpointRouteBuilder endpoints, string path)
    {
        endpoints.MapGet(path, () => Asset("index.html")).ExcludeFromDescription().AllowAnonymous();
        endpoints.MapGet(path + "/{file}", (string file) => Asset(file)).ExcludeFromDescription().AllowAnonymous();
        return endpoints;
    }

    private IResult Asset(string file)
    {
        if (!files.Contains(file, StringComparer.Ordinal)
            || !ContentTypes.TryGetValue(Path.GetExtension(file), out var contentType)
            || typeof(EmbeddedPage).Assembly.GetManifestResourceStream($"{folder}/{file}") is not { } stream)
        {
            return TypedResults.NotFound();
        }
        return new PageAsset(stream, contentType, contentSecurityPolicy);
    }

    private sealed class PageAsset(Stream content, string contentType, string contentSecurityPolicy) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = contentType;
            httpContext.Response.Headers.ContentSecurityPolicy = contentSecurityPolicy;
            httpContext.Response.Headers.XContentTypeOptions = "nosniff";
            httpContext.Response.Headers.CacheControl = "no-cache";
            await using (content)
            {
                await content.CopyToAsync(httpContext.Response.Body, httpContext.RequestAborted);
            }
        }
    }
}
