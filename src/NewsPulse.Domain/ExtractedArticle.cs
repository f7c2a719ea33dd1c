namespace NewsPulse.Domain;

/// <summary>What the extractor found on an article page. Text keeps one paragraph per line; Image is the lead image.</summary>
public sealed record ExtractedArticle(
    string? Title,
    IReadOnlyList<string> Authors,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? ModifiedAt,
    string? Language,
    Uri? CanonicalUrl,
    string? SiteName,
    string? Description,
    string Text,
    Uri? Image = null);
