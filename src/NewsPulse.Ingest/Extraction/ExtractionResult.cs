using NewsPulse.Domain;

namespace NewsPulse.Ingest.Extraction;

/// <summary>Either an article, or the reason the page is not one (a home page, an error page, a stub).</summary>
public sealed record ExtractionResult(ExtractedArticle? Article, string? NotAnArticleReason)
{
    public static ExtractionResult Found(ExtractedArticle article) => new(article, null);

    public static ExtractionResult NotAnArticle(string reason) => new(null, reason);
}
