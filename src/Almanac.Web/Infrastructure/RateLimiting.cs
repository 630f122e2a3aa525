using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Almanac.Web.Infrastructure;

/// <summary>
/// A fixed window of requests per client IP address (<c>Almanac:RateLimit:PermitLimit</c> per
/// <c>Almanac:RateLimit:WindowSeconds</c>); past it, 429 problem details with <c>Retry-After</c>.
/// </summary>
internal static class RateLimiting
{
    public static IServiceCollection AddAlmanacRateLimiting(this IServiceCollection services, WebSettings settings)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                settings.RateLimitPermits <= 0
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = settings.RateLimitPermits,
                            Window = settings.RateLimitWindow,
                            QueueLimit = 0,
                        }));
            options.OnRejected = async (rejected, cancellation) =>
            {
                var response = rejected.HttpContext.Response;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }

                var problems = rejected.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = rejected.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"more than {settings.RateLimitPermits} requests in {settings.RateLimitWindow.TotalSeconds:0.###} s from this address; try again later",
                    },
                });
            };
        });
        return services;
    }
}
