using Microsoft.Extensions.Options;
using NewsPulse.App.Hosting;
using NewsPulse.App.Quotes;
using NewsPulse.App.Tagging;
using NewsPulse.App.Telemetry;
using NewsPulse.Domain;
using NewsPulse.Ingest.Extraction;
using NewsPulse.Storage.Stores;

namespace NewsPulse.App.Ingestion;

/// <summary>
/// Stored page bytes to a stored, tagged article with its quotes: content-type check, charset decoding,
/// extraction, the save that also spots duplicates, then tagging and quotes (a duplicate gets neither: its
/// original carries the story's). Shared by ingestion (right after a fetch) and reprocessing (from the raw HTML).
/// </summary>
public sealed class ExtractionStage(
    ArticleStore articles,
    StoryClusterStore clusters,
    TaggingStage tagging,
    ArticleExtractor extractor,
    IOptions<ClusteringOptions> clustering,
    IOptions<ExtractionOptions> extraction,
    IOptions<TaggingOptions> taggingOptions,
    QuoteStage quoteStage,
    IOptions<QuotesOptions> quotesOptions,
    PipelineMetrics metrics,
    TimeProvider time,
    ILogger<ExtractionStage> logger)
{
    /// <summary>Extracts and stores one article; returns null on success, else the reason it was recorded as failed.</summary>
    public async Task<string?> ExtractAsync(long articleId, string url, string? feedLanguage, FetchedPage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var started = time.GetTimestamp();
        if (page.ContentType is { } contentType && !contentType.Contains("html", StringComparison.OrdinalIgnoreCase))
        {
            return await FailAsync(articleId, url, $"not an HTML page: content type {contentType}", cancellationToken);
        }

        var html = HtmlDecoder.Decode(page.Body, page.ContentType);
        var result = await extractor.ExtractAsync(html, page.FinalUrl, TimeSpan.FromMilliseconds(extraction.Value.TimeLimitMs), cancellationToken);
        if (result.Article is not { } extracted)
        {
            metrics.ArticleExtracted("failed", time.GetElapsedTime(started));
            return await FailAsync(articleId, url, result.Problem!, cancellationToken);
        }

        var language = extracted.Language ?? feedLanguage;
        if (await articles.SaveExtractedAsync(articleId, url, extracted, language, time.GetUtcNow(), cancellationToken) is { } original)
        {
            logger.LogInformation("Article {Url} is the same story as article {Original}; kept as its duplicate", url, original);
            await clusters.JoinClusterOfAsync(articleId, original, cancellationToken);
            metrics.ArticleExtracted("duplicate", time.GetElapsedTime(started));
            return null;
        }

        var options = clustering.Value;
        await clusters.AssignAsync(articleId, language, StoryFingerprint.Of(extracted.Text), options.OverlapThreshold, TimeSpan.FromDays(options.WindowDays), time.GetUtcNow(), cancellationToken);
        metrics.ArticleExtracted("extracted", time.GetElapsedTime(started));
        if (taggingOptions.Value.Enabled)
        {
            await tagging.TagAsync(articleId, extracted.Title, extracted.Text, language, cancellationToken);
        }

        if (quotesOptions.Value.Enabled)
        {
            await quoteStage.ExtractAsync(articleId, extracted.Text, language, extracted.PublishedAt, cancellationToken);
        }

        return null;
    }

    /// <summary>Records the article as failed with the reason, and returns the reason.</summary>
    public async Task<string> FailAsync(long articleId, string url, string reason, CancellationToken cancellationToken)
    {
        await articles.MarkFailedAsync(articleId, reason, cancellationToken);
        logger.LogWarning("Article {Url} failed: {Reason}", url, reason);
        return reason;
    }
}
