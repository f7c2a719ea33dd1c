namespace NewsPulse.Storage.Stores;

/// <summary>One article with its text and metadata.</summary>
public sealed class ArticleDetail : ArticleSummary
{
    public string? CanonicalUrl { get; init; }

    public string[] Authors { get; init; } = [];

    public string? Description { get; init; }

    public string? Text { get; init; }

    public DateTimeOffset? ModifiedAt { get; init; }

    public DateTimeOffset? FetchedAt { get; init; }

    public int Attempts { get; init; }
}
