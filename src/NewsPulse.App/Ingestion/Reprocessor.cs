using NewsPulse.App.Quotes;
using NewsPulse.App.Tagging;
using NewsPulse.Storage.Stores;

namespace NewsPulse.App.Ingestion;

/// <summary>Reruns a later pipeline stage on stored articles from their kept raw HTML, without fetching anything.</summary>
public sealed class Reprocessor(ArticleStore articles, ExtractionStage extraction, TagStore tags, TaggingStage tagging, QuoteStage quoteStage)
{
    private const int BatchSize = 200;

    /// <summary>The stages that can be rerun, by the names the CLI and the admin API take.</summary>
    public static readonly IReadOnlyList<string> Stages = ["extract", "tag", "quotes"];

    /// <summary>Reruns the named stage (one of <see cref="Stages"/>).</summary>
    public Task<ReprocessSummary> RunAsync(string stage, DateTimeOffset? since, IProgress<IngestProgress>? progress, CancellationToken cancellationToken) => stage switch
    {
        "extract" => ReextractAsync(since, progress, cancellationToken),
        "tag" => RetagAsync(since, progress, cancellationToken),
        "quotes" => RequoteAsync(since, progress, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, $"use one of {string.Join(", ", Stages)}"),
    };

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
    public Task<ReprocessSummary> RetagAsync(DateTimeOffset? since, IProgress<IngestProgress>? progress, CancellationToken cancellationToken) =>
        ForEachArticleWithTextAsync("re-tag", since, progress, (article, token) => tagging.TagAsync(article.Id, article.Title, article.Text!, article.Language, token), cancellationToken);

    /// <summary>Extracts the quotes again of every article with text extracted since <paramref name="since"/> (all when null).</summary>
    public Task<ReprocessSummary> RequoteAsync(DateTimeOffset? since, IProgress<IngestProgress>? progress, CancellationToken cancellationToken) =>
        ForEachArticleWithTextAsync(
            "re-quote", since, progress, async (article, token) => await quoteStage.ExtractAsync(article.Id, article.Text!, article.Language, article.PublishedAt, token) is not null, cancellationToken);

    private async Task<ReprocessSummary> ForEachArticleWithTextAsync(
        string stage, DateTimeOffset? since, IProgress<IngestProgress>? progress, Func<TaggableArticle, CancellationToken, Task<bool>> run, CancellationToken cancellationToken)
    {
        var total = await tags.CountTaggableAsync(since, cancellationToken);
        int succeeded = 0, failed = 0, done = 0;
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
                if (await run(article, cancellationToken))
                {
                    succeeded++;
                }
                else
                {
                    failed++;
                }

                progress?.Report(new IngestProgress(stage, ++done, total));
            }

            afterId = batch[^1].Id;
        }

        return new ReprocessSummary(succeeded, failed);
    }
}
