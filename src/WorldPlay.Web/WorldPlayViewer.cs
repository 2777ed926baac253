using Microsoft.AspNetCore.Routing;

namespace WorldPlay.Web;

/// <summary>The timeline viewer: a page and its script and style, embedded in this assembly and served under <c>/viewer</c>.</summary>
public static class WorldPlayViewer
{
    /// <summary>Where the viewer is served.</summary>
    public const string Path = "/viewer";

    // The page may talk to its own origin only: the viewer needs nothing else, and the browser test relies on it. Its data calls
    // carry the read token from the URL fragment.
    private static readonly EmbeddedPage Page = new("viewer",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'",
        "index.html", "viewer.js", "viewer.css");

    /// <summary>Maps the viewer page and its assets; it reads the API that <see cref="WorldPlayApi.MapWorldPlayApi"/> maps.</summary>
    public static IEndpointRouteBuilder MapWorldPlayViewer(this IEndpointRouteBuilder endpoints) => Page.Map(endpoints, Path);
}
