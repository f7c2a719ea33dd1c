using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using NewsPulse.App.Hosting;
using NewsPulse.App.Telemetry;
using NewsPulse.Domain;
using NewsPulse.Ingest.Feeds;
using NewsPulse.Ingest.Fetching;
using NewsPulse.Storage.Stores;

namespace NewsPulse.App.Ingestion;

/// <summary>
/// One pass of ingestion: load the feeds file, poll every feed once, then fetch and extract every pending
/// article page. Each failure is recorded on its feed or article with the reason and the run goes on.
/// </summary>
public sealed class IngestPipeline(
    FeedStore feeds,
    ArticleStore articles,
    IngestRunStore runs,
    HttpFetcher fetcher,
    RobotsCache robots,
    ExtractionStage extraction,
    PipelineMetrics metrics,
    TimeProvider time,
    IOptions<FetchOptions> fetchOptions,
    IOptions<SchedulerOptions> schedulerOptions,
    IOptions<StorageOptions> storageOptions,
    ILogger<IngestPipeline> logger)
{
    private const int ClaimBatchSize = 50;
    private static readonly TimeSpan ArticleLease = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan FeedLease = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan RobotsRetryDelay = TimeSpan.FromHours(1);

    public async Task<IngestSummary> RunOnceAsync(IngestRequest request, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var startedAt = time.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        var problems = new ConcurrentQueue<IngestProblem>();

        string? source = null;
        if (request.FeedsFile is { } path)
        {
            source = ProjectPaths.Display(path);
            var file = FeedsFileParser.Load(path, request.BaseUrl);
            foreach (var error in file.Errors)
            {
                problems.Enqueue(new IngestProblem("feeds-file", $"{source}:{error.Line}", error.Message));
                logger.LogWarning("Feeds file problem at {File}:{Line}:{Column}: {Message}", source, error.Line, error.Column, error.Message);
            }

            // A file with errors may be missing feeds only because of a typo: never disable on its word.
            var sync = await feeds.SyncAsync(source, file.Feeds, disableMissing: file.IsValid, cancellationToken);
            logger.LogInformation("Loaded {Source}: {Added} feeds added, {Updated} updated, {Disabled} disabled", source, sync.Added, sync.Updated, sync.Disabled);
        }

        var polled = request.PollFeeds
            ? await PollFeedsAsync(request.DueOnly, source, startedAt, problems, progress, cancellationToken)
            : [];
        var pollTime = stopwatch.Elapsed;
        var (extracted, failed) = request.ProcessPages ? await ProcessPendingAsync(problems, progress, cancellationToken) : (0, 0);
        var pageTime = stopwatch.Elapsed - pollTime;
        if (request.ProcessPages)
        {
            await PurgeExpiredRawHtmlAsync(cancellationToken);
        }

        stopwatch.Stop();
        var run = new IngestRunRecord(
            startedAt,
            time.GetUtcNow(),
            FeedsOk: polled.Count(o => o.Succeeded),
            FeedsFailed: polled.Count(o => !o.Succeeded),
            FeedsNotModified: polled.Count(o => o.NotModified),
            ArticlesNew: polled.Sum(o => o.Discovered.New),
            ArticlesDuplicate: polled.Sum(o => o.Discovered.Duplicate),
            ArticlesExtracted: extracted,
            ArticlesFailed: failed,
            Problems: problems.ToArray());

        // A scheduler cycle that found nothing due is not history worth a row (there would be one a minute).
        var idle = polled.Length == 0 && extracted + failed == 0 && run.Problems.Count == 0;
        long? runId = idle ? null : await runs.RecordAsync(run, cancellationToken);
        return new IngestSummary(runId, stopwatch.Elapsed, run, pollTime, pageTime);
    }

    private async Task PurgeExpiredRawHtmlAsync(CancellationToken cancellationToken)
    {
        var days = storageOptions.Value.RawHtmlRetentionDays;
        if (days == 0)
        {
            return;
        }

        var purged = await articles.PurgeRawHtmlAsync(time.GetUtcNow().AddDays(-days), cancellationToken);
        if (purged > 0)
        {
            logger.LogInformation("Deleted {Count} raw pages older than {Days} days", purged, days);
        }
    }

    /// <summary>Claims feeds in batches (a claim is a lease, kept short by polling what it holds at once) and polls them.</summary>
    private async Task<FeedPollOutcome[]> PollFeedsAsync(
        bool dueOnly, string? source, DateTimeOffset runStart, ConcurrentQueue<IngestProblem> problems, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        var outcomes = new ConcurrentBag<FeedPollOutcome>();
        var parallelism = fetchOptions.Value.MaxConcurrentPages;
        var expected = await feeds.CountEnabledAsync(source, cancellationToken);
        while (true)
        {
            var batch = await feeds.ClaimAsync(dueOnly, source, runStart, parallelism * 4, FeedLease, time.GetUtcNow(), cancellationToken);
            if (batch.Count == 0)
            {
                return outcomes.ToArray();
            }

            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (feed, ct) =>
            {
                outcomes.Add(await PollFeedAsync(feed, problems, ct));
                progress?.Report(new IngestProgress("feeds", outcomes.Count, Math.Max(expected, outcomes.Count)));
            });
        }
    }

    private async Task<FeedPollOutcome> PollFeedAsync(StoredFeed feed, ConcurrentQueue<IngestProblem> problems, CancellationToken cancellationToken)
    {
        var url = new Uri(feed.Url);
        var declared = TimeSpan.FromSeconds(feed.PollIntervalSeconds);
        var started = time.GetTimestamp();
        try
        {
            var response = await fetcher.FetchFeedAsync(url, new ConditionalHeaders(feed.Etag, feed.LastModified), cancellationToken);
            var checkedAt = time.GetUtcNow();
            var discovered = new DiscoveryResult(0, 0);
            double? itemsPerDay = null;
            TimeSpan? ttl = null;
            if (!response.NotModified)
            {
                var parsed = FeedParser.Parse(response.Body, response.FinalUrl);
                foreach (var skipped in parsed.SkippedItems)
                {
                    problems.Enqueue(new IngestProblem("feed-item", feed.Url, skipped));
                }

                discovered = await articles.AddDiscoveredAsync(feed.Id, parsed.Items, cancellationToken);
                itemsPerDay = PostingRate.ItemsPerDay(parsed.Items.Select(i => i.PublishedAt), checkedAt);
                ttl = parsed.Ttl;
            }

            var observation = new PollObservation(
                response.NotModified ? PollOutcome.NotModified : PollOutcome.Success,
                declared,
                ItemsPerDay: itemsPerDay ?? feed.ItemsPerDay,
                Ttl: ttl,
                MaxAge: response.MaxAge,
                Expires: response.Expires);
            await feeds.RecordSuccessAsync(feed.Id, response.StatusCode, response.ETag, response.LastModified, itemsPerDay, checkedAt, NextCheck(observation, checkedAt), cancellationToken);
            if (response.MovedPermanentlyTo is { } newUrl)
            {
                await MoveFeedAsync(feed, newUrl, problems, cancellationToken);
            }

            logger.LogInformation(
                "Polled {Feed}: {New} new, {Duplicate} already known ({Updated} changed by the publisher), not modified: {NotModified}",
                feed.Name, discovered.New, discovered.Duplicate, discovered.Updated, response.NotModified);
            metrics.FeedPolled(response.NotModified ? "not_modified" : "success", time.GetElapsedTime(started));
            return new FeedPollOutcome(true, response.NotModified, discovered);
        }
        catch (Exception ex) when (ex is FetchException or FeedParseException)
        {
            var checkedAt = time.GetUtcNow();
            var fetchError = ex as FetchException;
            var observation = new PollObservation(
                OutcomeOf(fetchError),
                declared,
                ConsecutiveErrors: feed.ErrorCount + 1,
                ItemsPerDay: feed.ItemsPerDay,
                RetryAfter: fetchError?.RetryAfter);
            problems.Enqueue(new IngestProblem("feed", feed.Url, ex.Message));
            await feeds.RecordFailureAsync(feed.Id, fetchError?.StatusCode, ex.Message, checkedAt, NextCheck(observation, checkedAt), cancellationToken);
            logger.LogWarning("Feed {Feed} ({Url}) failed: {Reason}", feed.Name, feed.Url, ex.Message);
            metrics.FeedPolled("failed", time.GetElapsedTime(started));
            return new FeedPollOutcome(false, false, new DiscoveryResult(0, 0));
        }
    }

    private async Task MoveFeedAsync(StoredFeed feed, Uri newUrl, ConcurrentQueue<IngestProblem> problems, CancellationToken cancellationToken)
    {
        if (await feeds.MoveAsync(feed.Id, newUrl, cancellationToken))
        {
            logger.LogInformation("Feed {Feed} moved permanently from {OldUrl} to {NewUrl}", feed.Name, feed.Url, newUrl);
            return;
        }

        problems.Enqueue(new IngestProblem("feed", feed.Url, $"redirects permanently to {newUrl}, which another feed already polls; remove one of them"));
    }

    private DateTimeOffset NextCheck(PollObservation observation, DateTimeOffset now) =>
        FeedSchedule.NextCheck(observation, now, schedulerOptions.Value.Bounds, Random.Shared.NextDouble());

    private static PollOutcome OutcomeOf(FetchException? error) => error switch
    {
        { StatusCode: 410 } => PollOutcome.Gone,
        { StatusCode: 429 } or { StatusCode: 503, RetryAfter: not null } => PollOutcome.RateLimited,
        _ => PollOutcome.Error,
    };

    private async Task<(int Extracted, int Failed)> ProcessPendingAsync(ConcurrentQueue<IngestProblem> problems, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        int extracted = 0, failed = 0, done = 0;
        var pending = await articles.CountPendingAsync(cancellationToken);
        while (true)
        {
            var batch = await articles.ClaimPendingAsync(ClaimBatchSize, ArticleLease, time.GetUtcNow(), cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = fetchOptions.Value.MaxConcurrentPages, CancellationToken = cancellationToken }, async (article, ct) =>
            {
                var outcome = await ProcessArticleAsync(article, ct);
                switch (outcome)
                {
                    case { Reason: null }:
                        Interlocked.Increment(ref extracted);
                        break;
                    case { Deferred: true }:
                        problems.Enqueue(new IngestProblem("page-deferred", article.Url, outcome.Reason));
                        break;
                    default:
                        Interlocked.Increment(ref failed);
                        problems.Enqueue(new IngestProblem("page", article.Url, outcome.Reason));
                        break;
                }

                progress?.Report(new IngestProgress("pages", Interlocked.Increment(ref done), Math.Max(pending, done)));
            });
        }

        return (extracted, failed);
    }

    /// <summary>Fetches (unless already fetched) and extracts one article.</summary>
    private async Task<ArticleOutcome> ProcessArticleAsync(PendingArticle article, CancellationToken cancellationToken)
    {
        try
        {
            FetchedPage? page = null;
            if (article.Status == ArticleStatusNames.Fetched)
            {
                page = await articles.GetFetchedPageAsync(article.Id, cancellationToken);
            }

            // A discovered article, or a fetched one whose stored page is gone, is fetched (again).
            if (page is null)
            {
                var verdict = await robots.CheckAsync(new Uri(article.Url), cancellationToken);
                if (verdict.RetryLater)
                {
                    await articles.DeferAsync(article.Id, time.GetUtcNow() + RobotsRetryDelay, verdict.Reason!, cancellationToken);
                    return new ArticleOutcome(verdict.Reason, Deferred: true);
                }

                if (!verdict.Allowed)
                {
                    return new ArticleOutcome(await extraction.FailAsync(article.Id, article.Url, verdict.Reason!, cancellationToken), Deferred: false);
                }

                var response = await FetchPageAsync(new Uri(article.Url), cancellationToken);
                page = new FetchedPage(response.FinalUrl, response.StatusCode, response.ContentType, response.Body);
                await articles.SaveFetchedAsync(article.Id, page, time.GetUtcNow(), cancellationToken);
            }

            return new ArticleOutcome(await extraction.ExtractAsync(article.Id, article.Url, article.FeedLanguage, page, cancellationToken), Deferred: false);
        }
        catch (FetchException ex)
        {
            return new ArticleOutcome(await extraction.FailAsync(article.Id, article.Url, ex.Message, cancellationToken), Deferred: false);
        }
    }

    private async Task<FetchedResource> FetchPageAsync(Uri url, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var outcome = "failed";
        try
        {
            var response = await fetcher.FetchPageAsync(url, cancellationToken);
            outcome = "ok";
            return response;
        }
        finally
        {
            metrics.PageFetched(outcome, time.GetElapsedTime(started));
        }
    }

    /// <summary>Extracted (no reason), failed for good, or deferred to a later run; the reason says why.</summary>
    private sealed record ArticleOutcome(string? Reason, bool Deferred);

    private sealed record FeedPollOutcome(bool Succeeded, bool NotModified, DiscoveryResult Discovered);
}
