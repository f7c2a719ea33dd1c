using NewsPulse.Quotes;
using NewsPulse.App.Telemetry;
using NewsPulse.Storage.Stores;

namespace NewsPulse.App.Quotes;

/// <summary>
/// Extracted article to stored quotes: finds the quotes and speakers, replaces the article's quotes, and adds new
/// people to the registry with the role the article gives them, dated by the article. A failure is logged and
/// never fails ingestion.
/// </summary>
public sealed class QuoteStage(QuoteStore quotes, PipelineMetrics metrics, TimeProvider time, ILogger<QuoteStage> logger)
{
    private static readonly QuoteExtractor Extractor = new();

    /// <summary>Extracts and stores one article's quotes; returns how many, or null when extraction failed.</summary>
    public async Task<int?> ExtractAsync(long articleId, string text, string? language, DateTimeOffset? publishedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var started = time.GetTimestamp();
        var found = await ExtractAndStoreAsync(articleId, text, language, publishedAt, cancellationToken);
        metrics.QuotesExtracted(found, time.GetElapsedTime(started));
        return found;
    }

    private async Task<int?> ExtractAndStoreAsync(long articleId, string text, string? language, DateTimeOffset? publishedAt, CancellationToken cancellationToken)
    {
        List<ExtractedQuote> found;
        try
        {
            found = Extractor.Extract(text, language);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug in quote extraction must not cost the article; `reprocess --stage quotes` can retry.
            logger.LogError(ex, "Article {ArticleId}: quote extraction failed", articleId);
            return null;
        }

        var records = found.Select(q => new QuoteRecord(
            q.Text, q.Start, q.End, q.Speaker, q.SpeakerIsPerson, q.SpeakerTitle, q.SpeakerOrg, q.Kind == QuoteKind.Direct ? "direct" : "indirect", q.Verb, q.Confidence, q.ContextIn(text)))
            .ToList();
        await quotes.ReplaceQuotesAsync(articleId, records, publishedAt ?? time.GetUtcNow(), cancellationToken);
        return records.Count;
    }
}
