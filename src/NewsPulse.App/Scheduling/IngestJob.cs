using NewsPulse.App.Ingestion;
using Quartz;

namespace NewsPulse.App.Scheduling;

/// <summary>
/// The shape every scheduled ingest job shares: one pipeline pass of the job's kind, cancelled when the scheduler
/// shuts down (a page backlog can take hours; the leases it still holds simply expire), its failures logged rather
/// than thrown since the trigger fires again next period either way.
/// </summary>
public abstract class IngestJob(IngestPipeline pipeline, ILogger logger) : IJob
{
    protected abstract IngestRequest Request { get; }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);

        var name = context.JobDetail.Key.Name;
        try
        {
            var summary = await pipeline.RunOnceAsync(Request, progress: null, cancellationToken);
            if (summary.RunId is { } runId)
            {
                var run = summary.Run;
                logger.LogInformation(
                    "{Job} finished as ingest run {RunId} in {Seconds:0.0} s: {FeedsOk} feeds ok, {FeedsFailed} failed, {New} new articles, {Extracted} pages extracted, {PagesFailed} failed",
                    name, runId, summary.Elapsed.TotalSeconds, run.FeedsOk, run.FeedsFailed, run.ArticlesNew, run.ArticlesExtracted, run.ArticlesFailed);
            }

            await AfterRunAsync(context, summary, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("{Job} stopped by shutdown; unfinished work is picked up when its leases expire", name);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "{Job} failed; it runs again at its next trigger", name);
        }
    }

    protected virtual Task AfterRunAsync(IJobExecutionContext context, IngestSummary summary, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Polls the feeds whose next check is due (chosen in SQL), and starts FetchArticles when they brought new items.</summary>
[DisallowConcurrentExecution]
public sealed class PollDueFeedsJob(IngestPipeline pipeline, ILogger<PollDueFeedsJob> logger)
    : IngestJob(pipeline, logger)
{
    public static readonly JobKey Key = new("PollDueFeeds", "ingest");

    protected override IngestRequest Request => IngestRequest.DueFeeds;

    protected override async Task AfterRunAsync(IJobExecutionContext context, IngestSummary summary, CancellationToken cancellationToken)
    {
        if (summary.Run.ArticlesNew > 0)
        {
            await context.Scheduler.TriggerJob(FetchArticlesJob.Key, cancellationToken);
        }
    }
}

/// <summary>
/// Fetches and extracts pending article pages. One pass at a time in the whole cluster, so the per-host limits
/// hold across nodes; the leases behind it keep even concurrent passes from sharing a page.
/// </summary>
[DisallowConcurrentExecution]
public sealed class FetchArticlesJob(IngestPipeline pipeline, ILogger<FetchArticlesJob> logger)
    : IngestJob(pipeline, logger)
{
    public static readonly JobKey Key = new("FetchArticles", "ingest");

    protected override IngestRequest Request => IngestRequest.PendingPages;
}
