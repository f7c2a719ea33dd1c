namespace NewsPulse.Domain;

/// <summary>A feed's posting rate from the publication dates of its items.</summary>
public static class PostingRate
{
    /// <summary>
    /// Items per day over the span the dated items cover, or null when fewer than two items have dates.
    /// Dates in the future (bad clocks, embargoes) are ignored; a span shorter than an hour counts as an hour,
    /// so a burst of simultaneous items does not look like thousands a day.
    /// </summary>
    public static double? ItemsPerDay(IEnumerable<DateTimeOffset?> publishedDates, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(publishedDates);
        var dates = publishedDates.OfType<DateTimeOffset>().Where(d => d <= now).ToArray();
        if (dates.Length < 2)
        {
            return null;
        }

        var span = TimeSpan.FromTicks(Math.Max((dates.Max() - dates.Min()).Ticks, TimeSpan.FromHours(1).Ticks));
        return (dates.Length - 1) / span.TotalDays;
    }
}
