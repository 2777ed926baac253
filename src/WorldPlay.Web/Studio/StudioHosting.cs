using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace WorldPlay.Web.Studio;

/// <summary>The studio service in one call each: what a silo or <c>worldplay serve</c> adds and maps beside the read-only API.</summary>
public static class StudioHosting
{
    public static IServiceCollection AddWorldPlayStudio(this IServiceCollection services, StudioOptions options) =>
        services.AddStudioAuthentication(options).AddStudioScenes().AddStudioStreams();

    public static IEndpointRouteBuilder MapWorldPlayStudio(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapStudioTokens().MapStudioScenes().MapStudioStreams();
}
