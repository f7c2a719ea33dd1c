namespace NewsPulse.Domain.Tests;

public class FeedScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan ThirtyMinutes = TimeSpan.FromMinutes(30);
    private const double NoJitter = 0.5;

    private static TimeSpan Interval(PollObservation observation, double random = NoJitter, ScheduleBounds? bounds = null) =>
        FeedSchedule.NextCheck(observation, Now, bounds ?? ScheduleBounds.Default, random) - Now;

    [Fact]
    public void A_healthy_feed_without_dates_keeps_its_declared_interval()
    {
        Assert.Equal(ThirtyMinutes, Interval(new PollObservation(PollOutcome.Success, ThirtyMinutes)));
        Assert.Equal(ThirtyMinutes, Interval(new PollObservation(PollOutcome.NotModified, ThirtyMinutes)));
    }

    [Theory]
    [InlineData(24.0, 60)] // one item an hour: poll hourly
    [InlineData(96.0, 15)] // every 15 minutes: poll every 15 minutes
    [InlineData(1000.0, 7.5)] // very busy: at most 4x faster than declared
    [InlineData(0.5, 240)] // one item every two days: at most 8x slower than declared
    public void Posting_rate_moves_the_interval_within_a_band_around_the_declared_one(double itemsPerDay, double expectedMinutes)
    {
        var interval = Interval(new PollObservation(PollOutcome.Success, ThirtyMinutes, ItemsPerDay: itemsPerDay), bounds: new ScheduleBounds(TimeSpan.FromMinutes(1), TimeSpan.FromDays(7)));

        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), interval);
    }

    [Fact]
    public void Default_bounds_clamp_between_five_minutes_and_a_day()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), Interval(new PollObservation(PollOutcome.Success, TimeSpan.FromMinutes(10), ItemsPerDay: 10_000)));
        Assert.Equal(TimeSpan.FromHours(24), Interval(new PollObservation(PollOutcome.Success, TimeSpan.FromHours(12), ItemsPerDay: 0.01)));
    }

    [Fact]
    public void Ttl_max_age_and_expires_are_floors()
    {
        Assert.Equal(TimeSpan.FromHours(2), Interval(new PollObservation(PollOutcome.Success, ThirtyMinutes, Ttl: TimeSpan.FromHours(2))));
        Assert.Equal(TimeSpan.FromHours(1), Interval(new PollObservation(PollOutcome.NotModified, ThirtyMinutes, MaxAge: TimeSpan.FromHours(1))));
        Assert.Equal(TimeSpan.FromMinutes(45), Interval(new PollObservation(PollOutcome.Success, ThirtyMinutes, Expires: Now.AddMinutes(45))));
        Assert.Equal(ThirtyMinutes, Interval(new PollObservation(PollOutcome.Success, ThirtyMinutes, Ttl: TimeSpan.FromMinutes(10), Expires: Now.AddMinutes(-5))));
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(6, 960)]
    [InlineData(7, 1440)] // capped at the upper bound
    [InlineData(500, 1440)]
    public void Errors_back_off_exponentially_up_to_the_upper_bound(int consecutiveErrors, double expectedMinutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), Interval(new PollObservation(PollOutcome.Error, ThirtyMinutes, consecutiveErrors)));
    }

    [Fact]
    public void Jitter_spreads_retries_by_at_most_twenty_percent()
    {
        var observation = new PollObservation(PollOutcome.Error, ThirtyMinutes, ConsecutiveErrors: 3);

        Assert.Equal(TimeSpan.FromMinutes(96), Interval(observation, random: 0));
        Assert.Equal(TimeSpan.FromMinutes(120), Interval(observation, random: 0.5));
        Assert.True(Interval(observation, random: 0.999_999) < TimeSpan.FromMinutes(144));
    }

    [Fact]
    public void Retry_after_is_honoured_and_never_shortened()
    {
        Assert.Equal(TimeSpan.FromHours(3), Interval(new PollObservation(PollOutcome.RateLimited, ThirtyMinutes, 1, RetryAfter: TimeSpan.FromHours(3))));
        Assert.Equal(ThirtyMinutes, Interval(new PollObservation(PollOutcome.RateLimited, ThirtyMinutes, 1, RetryAfter: TimeSpan.FromMinutes(1))));
    }

    [Fact]
    public void A_gone_feed_is_still_checked_once_per_upper_bound()
    {
        Assert.Equal(TimeSpan.FromHours(24), Interval(new PollObservation(PollOutcome.Gone, ThirtyMinutes, 1)));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    public void The_random_draw_must_be_in_the_unit_interval(double random)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FeedSchedule.NextCheck(new PollObservation(PollOutcome.Error, ThirtyMinutes, 1), Now, ScheduleBounds.Default, random));
    }
}
