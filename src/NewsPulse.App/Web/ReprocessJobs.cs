using System.Collections.Concurrent;
using NewsPulse.App.Ingestion;

namespace NewsPulse.App.Web;

/// <summary>One reprocessing run started over HTTP, as its status endpoint reports it.</summary>
public sealed record ReprocessJobStatus(
    string Id, string Stage, DateTimeOffset? Since, string State, int Done, int Total, int? Succeeded, int? Failed, string? Error, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt);

/// <summary>
/// Reprocessing runs in the background of <c>serve</c>: a run can take minutes, longer than an HTTP client should
/// wait, so the start answers at once with a status URL. One run at a time, since two would redo the same articles.
/// Runs stop with the server; a stopped run is reported as cancelled and can simply be started again.
/// </summary>
public sealed class ReprocessJobs(IServiceProvider services, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<ReprocessJobs> logger)
{
    private readonly ConcurrentDictionary<string, ReprocessJobStatus> _jobs = new();
    private readonly Lock _startLock = new();

    public ReprocessJobStatus? Get(string id) => _jobs.GetValueOrDefault(id);

    /// <summary>Starts a run, or returns the one already running (and false).</summary>
    public (ReprocessJobStatus Job, bool Started) Start(string stage, DateTimeOffset? since)
    {
        lock (_startLock)
        {
            if (_jobs.Values.FirstOrDefault(j => j.State == "running") is { } running)
            {
                return (running, false);
            }

            var job = new ReprocessJobStatus(Guid.NewGuid().ToString("n"), stage, since, "running", 0, 0, null, null, null, time.GetUtcNow(), null);
            _jobs[job.Id] = job;
            _ = Task.Run(() => RunAsync(job), CancellationToken.None);
            return (job, true);
        }
    }

    private async Task RunAsync(ReprocessJobStatus job)
    {
        var progress = new InlineProgress(p => _jobs[job.Id] = _jobs[job.Id] with { Done = p.Done, Total = p.Total });
        try
        {
            var summary = await services.GetRequiredService<Reprocessor>().RunAsync(job.Stage, job.Since, progress, lifetime.ApplicationStopping);
            Finish(job.Id, "done", summary, null);
            logger.LogInformation("Reprocess {Stage} ({JobId}) done: {Succeeded} succeeded, {Failed} failed", job.Stage, job.Id, summary.Succeeded, summary.Failed);
        }
        catch (OperationCanceledException)
        {
            Finish(job.Id, "cancelled", null, "the server stopped before the run ended; start it again");
        }
        catch (Exception ex)
        {
            // The run is in the background: its failure must be recorded for the status endpoint, not lost.
            logger.LogError(ex, "Reprocess {Stage} ({JobId}) failed", job.Stage, job.Id);
            Finish(job.Id, "failed", null, ex.Message);
        }
    }

    private void Finish(string id, string state, ReprocessSummary? summary, string? error) =>
        _jobs[id] = _jobs[id] with { State = state, Succeeded = summary?.Succeeded, Failed = summary?.Failed, Error = error, FinishedAt = time.GetUtcNow() };

    /// <summary>Reports on the worker's own thread, so no late report can land after the run's final state.</summary>
    private sealed class InlineProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }
}
