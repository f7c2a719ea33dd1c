using NewsPulse.Domain;

namespace NewsPulse.Ingest.Extraction;

/// <summary>
/// An article; or the reason the page is not one (a home page, an error page, a stub); or the reason the page could
/// not be read at all (binary data, over the time limit).
/// </summary>
public sealed record ExtractionResult(ExtractedArticle? Article, string? NotAnArticleReason, string? Error = null)
{
    public static ExtractionResult Found(ExtractedArticle article) => new(article, null);

    public static ExtractionResult NotAnArticle(string reason) => new(null, reason);

    public static ExtractionResult Failed(string error) => new(null, null, error);

    /// <summary>Why there is no article, worded for a user: the failure, or "not an article: ..." with the reason.</summary>
    public string? Problem => Error ?? (NotAnArticleReason is { } reason ? $"not an article: {reason}" : null);
}
