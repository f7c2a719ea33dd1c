using NewsPulse.App.Digest;
using Quartz;

namespace NewsPulse.App.Scheduling;

/// <summary>
/// At the top of every hour (and once at start-up): composes the digests of subscribers whose local send hour has
/// come and who have none for their local date, then sends what the outbox holds. One run at a time in the cluster;
/// the outbox's unique (subscriber, date) keeps even two runs from making two digests.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PlanDigestsJob(DigestService digests, ILogger<PlanDigestsJob> logger) : IJob
{
    public static readonly JobKey Key = new("PlanDigests", "digest");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        DigestJobRun.RunAsync(context, logger, async () =>
        {
            await digests.PlanAsync(ignoreSendHour: false, date: null, cancellationToken);
            return await digests.SendDueAsync(null, cancellationToken);
        });
}

/// <summary>Every few minutes: sends digests whose retry time has come, and any a stopped node left half-sent.</summary>
[DisallowConcurrentExecution]
public sealed class SendDigestsJob(DigestService digests, ILogger<SendDigestsJob> logger) : IJob
{
    public static readonly JobKey Key = new("SendDigests", "digest");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        DigestJobRun.RunAsync(context, logger, () => digests.SendDueAsync(null, cancellationToken));
}

/// <summary>What both digest jobs do around their work: log the outcome, and never throw (the trigger fires again anyway).</summary>
internal static class DigestJobRun
{
    public static async ValueTask RunAsync(IJobExecutionContext context, ILogger logger, Func<Task<DigestSendSummary>> work)
    {
        var name = context.JobDetail.Key.Name;
        try
        {
            var sent = await work();
            if (sent.Sent + sent.Retrying + sent.Failed > 0)
            {
                logger.LogInformation("{Job}: {Sent} digests sent, {Retrying} to retry, {Failed} failed", name, sent.Sent, sent.Retrying, sent.Failed);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("{Job} stopped by shutdown; the outbox keeps what was not sent", name);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "{Job} failed; it runs again at its next trigger", name);
        }
    }
}
