namespace NewsPulse.Domain;

/// <summary>
/// When to poll a feed next. Pure: the same observation, time and random draw give the same answer.
/// <list type="bullet">
/// <item>Healthy feeds start from their declared interval and move towards their posting rate (one new item per poll),
/// within a factor of 4 faster or 8 slower than declared, so a feed's own setting keeps meaning something.</item>
/// <item>Server hints (RSS ttl, Cache-Control max-age, Expires) are a floor: there is no point asking sooner.</item>
/// <item>Errors back off exponentially from the healthy interval, with ±20% jitter so feeds that failed together
/// (one host down) do not retry together.</item>
/// <item>Retry-After is honoured as a floor; 410 Gone is checked once per upper bound.</item>
/// <item>Everything ends clamped to <see cref="ScheduleBounds"/> (default 5 min to 24 h).</item>
/// </list>
/// </summary>
public static class FeedSchedule
{
    public const double MaxSpeedUp = 4;
    public const double MaxSlowDown = 8;
    public const double Jitter = 0.2;

    /// <param name="observation">What the poll saw.</param>
    /// <param name="now">When the poll ended.</param>
    /// <param name="bounds">The clamp.</param>
    /// <param name="random">A draw in [0, 1) for the jitter: injected so tests and replays are deterministic.</param>
    public static DateTimeOffset NextCheck(PollObservation observation, DateTimeOffset now, ScheduleBounds bounds, double random)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(bounds);
        if (random is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(random), random, "The random draw must be in [0, 1).");
        }

        var healthy = HealthyInterval(observation, now, bounds);
        var interval = observation.Outcome switch
        {
            PollOutcome.Success or PollOutcome.NotModified => healthy,
            PollOutcome.Gone => bounds.Max,
            PollOutcome.RateLimited => Max(Backoff(healthy, observation.ConsecutiveErrors, random), observation.RetryAfter ?? TimeSpan.Zero),
            _ => Backoff(healthy, observation.ConsecutiveErrors, random),
        };
        return now + bounds.Clamp(interval);
    }

    /// <summary>The interval for a feed that works: declared, adapted to its posting rate, floored by server hints.</summary>
    public static TimeSpan HealthyInterval(PollObservation observation, DateTimeOffset now, ScheduleBounds bounds)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(bounds);
        var declared = observation.DeclaredInterval;
        var interval = declared;
        if (observation.ItemsPerDay is > 0 and var rate)
        {
            var gapBetweenItems = TimeSpan.FromDays(1 / rate);
            interval = Max(Min(gapBetweenItems, declared * MaxSlowDown), declared / MaxSpeedUp);
        }

        var serverFloor = Max(Max(observation.Ttl ?? TimeSpan.Zero, observation.MaxAge ?? TimeSpan.Zero),
            observation.Expires is { } expires && expires > now ? expires - now : TimeSpan.Zero);
        return bounds.Clamp(Max(interval, serverFloor));
    }

    private static TimeSpan Backoff(TimeSpan healthy, int consecutiveErrors, double random)
    {
        // 2^(n-1): the first error retries after one healthy interval; the exponent is capped to stay far from overflow.
        var factor = Math.Pow(2, Math.Clamp(consecutiveErrors - 1, 0, 20));
        var jitter = 1 + (((random * 2) - 1) * Jitter);
        return TimeSpan.FromSeconds(healthy.TotalSeconds * factor * jitter);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
