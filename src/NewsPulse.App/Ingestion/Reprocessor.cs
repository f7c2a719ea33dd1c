using NewsPulse.Storage.Stores;

namespace NewsPulse.App.Ingestion;

/// <summary>Reruns a later pipeline stage on stored articles from their kept raw HTML, without fetching anything.</summary>
public sealed class Reprocessor(ArticleStore articles, ExtractionStage extraction)
{
    private const int BatchSize = 200;

    /// <summary>Re-extracts every article whose raw HTML was fetched since <paramref name="since"/> (all when null).</summary>
    public async Task<ReprocessSummary> ReextractAsync(DateTimeOffset? since, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        var total = await articles.CountWithStoredPagesAsync(since, cancellationToken);
        int extracted = 0, failed = 0, done = 0;
        var afterId = 0L;
        while (true)
        {
            var batch = await articles.ListWithStoredPagesAsync(since, afterId, BatchSize, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var article in batch)
            {
                var page = await articles.GetFetchedPageAsync(article.Id, cancellationToken);
                var failure = page is null
                    ? "the stored page was deleted while reprocessing"
                    : await extraction.ExtractAsync(article.Id, article.Url, article.FeedLanguage, page, cancellationToken);
                if (failure is null)
                {
                    extracted++;
                }
                else
                {
                    failed++;
                }

                progress?.Report(new IngestProgress("re-extract", ++done, total));
            }

            afterId = batch[^1].Id;
        }

        return new ReprocessSummary(extracted, failed);
    }
}
