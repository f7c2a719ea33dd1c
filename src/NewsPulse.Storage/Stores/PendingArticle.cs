namespace NewsPulse.Storage.Stores;

/// <summary>An article claimed for the next pipeline step, with what that step needs to know.</summary>
public sealed class PendingArticle
{
    public long Id { get; init; }

    public required string Url { get; init; }

    public required string Status { get; init; }

    public string? FeedLanguage { get; init; }
}
