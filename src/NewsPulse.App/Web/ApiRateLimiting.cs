using System.Globalization;
using System.Threading.RateLimiting;
using NewsPulse.App.Hosting;

namespace NewsPulse.App.Web;

/// <summary>
/// A token bucket per client address over the pages and the API (<c>Api:RateLimitPerMinute</c>,
/// <c>Api:RateLimitBurst</c>): one client cannot starve the others or the database. Health checks and metrics
/// scrapes are never limited. A refused request answers 429 with <c>Retry-After</c> and problem details.
/// </summary>
internal static class ApiRateLimiting
{
    private static readonly string[] Unlimited = ["/healthz", "/metrics"];

    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services, ApiOptions options) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                options.RateLimitPerMinute == 0 || Unlimited.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase))
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : RateLimitPartition.GetTokenBucketLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => Bucket(options)));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Refill(options).Period;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                rejected.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Results.Problem(
                        title: "Too many requests",
                        detail: $"This client made more than {options.RateLimitPerMinute} requests a minute (bursts of {options.RateLimitBurst}); try again in {seconds} s.",
                        statusCode: StatusCodes.Status429TooManyRequests)
                    .ExecuteAsync(rejected.HttpContext);
            };
        });

    private static TokenBucketRateLimiterOptions Bucket(ApiOptions options)
    {
        var (tokens, period) = Refill(options);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.RateLimitBurst,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }

    /// <summary>The refill that averages the configured rate: every second when the rate allows, else one token at a time.</summary>
    private static (int Tokens, TimeSpan Period) Refill(ApiOptions options) =>
        options.RateLimitPerMinute >= 60
            ? (options.RateLimitPerMinute / 60, TimeSpan.FromSeconds(1))
            : (1, TimeSpan.FromMinutes(1) / Math.Max(1, options.RateLimitPerMinute));
}
