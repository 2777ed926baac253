using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace WorldPlay.Web.Studio;

/// <summary>The REST endpoints that create worlds and open and play scenes, per tenant, idempotent.</summary>
public static class StudioSceneEndpoints
{
    public static IServiceCollection AddStudioScenes(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapStudioScenes(this IEndpointRouteBuilder endpoints) => endpoints;
}
