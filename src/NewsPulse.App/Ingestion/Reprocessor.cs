using NewsPulse.App.Tagging;
using NewsPulse.Storage.Stores;

namespace NewsPulse.App.Ingestion;

/// <summary>Reruns a later pipeline stage on stored articles from their kept raw HTML, without fetching anything.</summary>
public sealed class Reprocessor(ArticleStore articles, ExtractionStage extraction, TagStore tags, TaggingStage tagging)
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

    /// <summary>Tags again, with the current model, every article with text extracted since <paramref name="since"/> (all when null).</summary>
    public async Task<ReprocessSummary> RetagAsync(DateTimeOffset? since, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        var total = await tags.CountTaggableAsync(since, cancellationToken);
        int tagged = 0, failed = 0, done = 0;
        var afterId = 0L;
        while (true)
        {
            var batch = await tags.ListTaggableAsync(since, afterId, BatchSize, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var article in batch)
            {
                if (await tagging.TagAsync(article.Id, article.Title, article.Text!, article.Language, cancellationToken))
                {
                    tagged++;
                }
                else
                {
                    failed++;
                }

                progress?.Report(new IngestProgress("re-tag", ++done, total));
            }

            afterId = batch[^1].Id;
        }

        return new ReprocessSummary(tagged, failed);
    }
}
