namespace NewsPulse.Domain;

/// <summary>The shortest and longest time between two polls of one feed, whatever the feed or server says.</summary>
public sealed record ScheduleBounds(TimeSpan Min, TimeSpan Max)
{
    public static ScheduleBounds Default { get; } = new(TimeSpan.FromMinutes(5), TimeSpan.FromHours(24));

    public TimeSpan Clamp(TimeSpan interval) => interval < Min ? Min : interval > Max ? Max : interval;
}
