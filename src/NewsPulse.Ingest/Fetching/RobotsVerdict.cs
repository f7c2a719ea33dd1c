namespace NewsPulse.Ingest.Fetching;

/// <summary>What robots.txt says about one page: fetch it, never fetch it, or ask again later (the file was unreachable).</summary>
public sealed record RobotsVerdict(bool Allowed, string? Reason, bool RetryLater)
{
    public static RobotsVerdict Allow { get; } = new(true, null, false);
}
