using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace WorldPlay.Web.Studio;

/// <summary>A scene's stream: WebSocket (commands in, speech and turns out) and Server-Sent Events, resumable after a turn.</summary>
public static class StudioStreams
{
    public static IServiceCollection AddStudioStreams(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapStudioStreams(this IEndpointRouteBuilder endpoints) => endpoints;
}
