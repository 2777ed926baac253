using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace WorldPlay.Web.Studio;

/// <summary>The studio service in one call each: what a silo or <c>worldplay serve</c> adds, uses and maps beside the read-only
/// API.</summary>
public static class StudioHosting
{
    public static IServiceCollection AddWorldPlayStudio(this IServiceCollection services, StudioOptions options) =>
        services.AddStudioAuthentication(options).AddStudioLimits().AddStudioScenes().AddStudioStreams();

    /// <summary>The middleware, in order: errors as problem details, WebSockets, routing, authentication, rate limits (per caller),
    /// authorization.</summary>
    public static WebApplication UseWorldPlayStudio(this WebApplication app)
    {
        app.UseStudioErrors();
        app.UseWebSockets();
        app.UseRouting();
        app.UseAuthentication();
        app.UseStudioLimits();
        app.UseAuthorization();
        return app;
    }

    public static IEndpointRouteBuilder MapWorldPlayStudio(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapStudioTokens().MapStudioScenes().MapStudioStreams().MapWorldPlayPlayPage();
}
