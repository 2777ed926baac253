using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace WorldPlay.Web.Studio;

/// <summary>Rate limits per tenant and player (429 with Retry-After), request body limits (413), and problem details for every
/// error, never a stack trace.</summary>
public static class StudioLimiting
{
    /// <summary>The path whose POST body is a world file, allowed <see cref="StudioLimits.MaxWorldBodyBytes"/>.</summary>
    private const string WorldsPath = "/api/worlds";

    /// <summary>Adds problem details (with a detail for every bare error status), the rate limiters, and asks minimal APIs to
    /// throw on a body they cannot bind, so the answer names the field.</summary>
    public static IServiceCollection AddStudioLimits(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = StudioErrors.Complete);
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(PerTenant(), PerPlayer());
            o.OnRejected = (rejected, _) => new ValueTask(StudioErrors.WriteAsync(rejected.HttpContext,
                StatusCodes.Status429TooManyRequests,
                "Too many requests: this caller's budget is spent for now; try again after Retry-After seconds.",
                RetryAfter(rejected.Lease)));
        });
        return services;
    }

    /// <summary>First in the pipeline: every exception and error status becomes problem details.</summary>
    public static IApplicationBuilder UseStudioErrors(this IApplicationBuilder app)
    {
        app.UseMiddleware<StudioErrors>();
        app.UseStatusCodePages(StudioErrors.WriteStatusAsync);
        return app;
    }

    /// <summary>After authentication, so limits are kept per tenant and player.</summary>
    public static IApplicationBuilder UseStudioLimits(this IApplicationBuilder app)
    {
        app.UseRateLimiter();
        app.Use(LimitBodyAsync);
        return app;
    }

    /// <summary>Spends one request of the caller's budgets (tenant and player) for work that arrives without a request of its
    /// own, such as a command on an open WebSocket: null when the budgets allow it, otherwise when to try again.</summary>
    public static TimeSpan? SpendRequest(HttpContext context)
    {
        var limiter = context.RequestServices.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter
            ?? throw new InvalidOperationException("The studio's rate limits are not configured: call AddWorldPlayStudio.");
        using var lease = limiter.AttemptAcquire(context);
        return lease.IsAcquired ? null : RetryAfter(lease);
    }

    /// <summary>The limits of the calling tenant, or the default ones for an unauthenticated request.</summary>
    private static StudioLimits LimitsOf(HttpContext context) =>
        context.RequestServices.GetRequiredService<StudioOptions>().LimitsOf(context.User.FindFirstValue(StudioClaims.Tenant) ?? "");

    // A tenant's budget: a bucket of a minute's requests refilled every second, so a burst is allowed and a steady caller never
    // waits for a window to roll over. A caller nobody authenticated gets a player's budget per remote address.
    private static PartitionedRateLimiter<HttpContext> PerTenant() => PartitionedRateLimiter.Create<HttpContext, string>(context =>
    {
        var limits = LimitsOf(context);
        return context.User.FindFirstValue(StudioClaims.Tenant) is { } tenant
            ? RateLimitPartition.GetTokenBucketLimiter("tenant:" + tenant, _ => Bucket(limits.RequestsPerMinutePerTenant))
            : RateLimitPartition.GetTokenBucketLimiter("address:" + (context.Connection.RemoteIpAddress ?? IPAddress.None),
                _ => Bucket(limits.RequestsPerMinutePerPlayer));
    });

    // A player's budget within its tenant's; an API key itself (no player) spends only the tenant's.
    private static PartitionedRateLimiter<HttpContext> PerPlayer() => PartitionedRateLimiter.Create<HttpContext, string>(context =>
    {
        var tenant = context.User.FindFirstValue(StudioClaims.Tenant);
        var player = context.User.FindFirstValue(StudioClaims.Player);
        if (tenant is null || player is null)
        {
            return RateLimitPartition.GetNoLimiter("");
        }
        var limits = LimitsOf(context);
        return RateLimitPartition.GetTokenBucketLimiter($"player:{tenant}/{player}", _ => Bucket(limits.RequestsPerMinutePerPlayer));
    });

    /// <summary>A bucket of <paramref name="perMinute"/> tokens, refilled at <paramref name="perMinute"/>/60 a second (or one token
    /// every 60/<paramref name="perMinute"/> seconds below 60 a minute); no queue: an empty bucket answers 429 at once.</summary>
    internal static TokenBucketRateLimiterOptions Bucket(int perMinute)
    {
        var tokens = Math.Max(1, perMinute);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokens,
            QueueLimit = 0,
            ReplenishmentPeriod = tokens >= 60 ? TimeSpan.FromSeconds(1) : TimeSpan.FromMinutes(1) / tokens,
            TokensPerPeriod = tokens >= 60 ? (tokens + 59) / 60 : 1,
            AutoReplenishment = true,
        };
    }

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero ? after : TimeSpan.FromSeconds(1);

    /// <summary>Caps the body at the tenant's limit: a declared length beyond it is refused before a byte is read, and a body
    /// without one stops being read there (the server then throws a 413 that <see cref="StudioErrors"/> answers).</summary>
    private static Task LimitBodyAsync(HttpContext context, RequestDelegate next)
    {
        var limits = LimitsOf(context);
        var isWorld = HttpMethods.IsPost(context.Request.Method)
            && context.Request.Path.Value?.TrimEnd('/').Equals(WorldsPath, StringComparison.OrdinalIgnoreCase) == true;
        long max = isWorld ? limits.MaxWorldBodyBytes : limits.MaxBodyBytes;
        if (context.Request.ContentLength > max)
        {
            return StudioErrors.WriteAsync(context, StatusCodes.Status413PayloadTooLarge,
                TooLarge(context.Request.ContentLength.Value, max));
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = max;
        }
        return next(context);
    }

    internal static string TooLarge(long? length, long max) =>
        $"The request body{(length is { } n ? $" ({n.ToString(CultureInfo.InvariantCulture)} bytes)" : "")} is larger than " +
        $"this call accepts: at most {max.ToString(CultureInfo.InvariantCulture)} bytes.";
}
