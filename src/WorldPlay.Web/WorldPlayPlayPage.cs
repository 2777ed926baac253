using Microsoft.AspNetCore.Routing;

namespace WorldPlay.Web;

/// <summary>The play page: a designer picks or creates a world, opens a scene and plays it with replies streamed over the scene's
/// WebSocket. Embedded in this assembly and served under <c>/play</c>, beside the viewer.</summary>
public static class WorldPlayPlayPage
{
    /// <summary>Where the play page is served.</summary>
    public const string Path = "/play";

    // As the viewer's: the page talks to its own origin only ('self' covers the scene's WebSocket on the same host and port).
    private static readonly EmbeddedPage Page = new("play",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; " +
        "form-action 'none'; frame-ancestors 'none'",
        "index.html", "play.js", "play.css");

    /// <summary>Maps the page and its assets; the page calls the studio API that <c>MapWorldPlayStudio</c> maps.</summary>
    public static IEndpointRouteBuilder MapWorldPlayPlayPage(this IEndpointRouteBuilder endpoints) => Page.Map(endpoints, Path);
}
