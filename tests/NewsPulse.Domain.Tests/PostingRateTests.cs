namespace NewsPulse.Domain.Tests;

public class PostingRateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Rate_is_items_per_day_over_the_span_of_dated_items()
    {
        var hourly = Enumerable.Range(0, 25).Select(h => (DateTimeOffset?)Now.AddHours(-h));

        Assert.Equal(24, PostingRate.ItemsPerDay(hourly, Now)!.Value, precision: 6);
    }

    [Fact]
    public void Undated_and_future_items_are_ignored()
    {
        DateTimeOffset?[] dates = [null, Now.AddDays(-2), null, Now.AddDays(3), Now];

        Assert.Equal(0.5, PostingRate.ItemsPerDay(dates, Now)!.Value, precision: 6);
    }

    [Fact]
    public void A_burst_counts_as_spread_over_at_least_an_hour()
    {
        var burst = Enumerable.Repeat((DateTimeOffset?)Now, 11);

        Assert.Equal(240, PostingRate.ItemsPerDay(burst, Now)!.Value, precision: 6);
    }

    [Fact]
    public void Fewer_than_two_dated_items_give_no_rate()
    {
        Assert.Null(PostingRate.ItemsPerDay([Now, null], Now));
        Assert.Null(PostingRate.ItemsPerDay([], Now));
    }
}
