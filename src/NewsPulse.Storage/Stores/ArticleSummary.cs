namespace NewsPulse.Storage.Stores;

/// <summary>An article as listed: enough to show a line per story.</summary>
public class ArticleSummary
{
    public long Id { get; init; }

    public required string Url { get; init; }

    public string? Title { get; init; }

    public string? FeedTitle { get; init; }

    public string? FeedName { get; init; }

    public string? SiteName { get; init; }

    public string? Language { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public DateTimeOffset DiscoveredAt { get; init; }

    public required string Status { get; init; }

    public string? LastError { get; init; }

    /// <summary>The story this article is a copy of (syndicated, rewritten); the id of the cluster's first article.</summary>
    public long? StoryClusterId { get; init; }
}
