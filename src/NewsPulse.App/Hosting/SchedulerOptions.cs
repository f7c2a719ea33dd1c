using System.ComponentModel.DataAnnotations;
using NewsPulse.Domain;

namespace NewsPulse.App.Hosting;

/// <summary>
/// Configuration section <c>Scheduler</c>: the bounds every feed's polling interval is clamped to, and how
/// <c>newspulse serve</c> runs its jobs.
/// </summary>
public sealed class SchedulerOptions : IValidatableObject
{
    public const string SectionName = "Scheduler";

    public TimeSpan MinPollInterval { get; set; } = ScheduleBounds.Default.Min;

    public TimeSpan MaxPollInterval { get; set; } = ScheduleBounds.Default.Max;

    /// <summary>
    /// Share Quartz's job store with other <c>serve</c> processes on the same database, each trigger firing on one
    /// of them. Every node of a group must say true: unclustered schedulers on one job store disturb each other.
    /// </summary>
    public bool Clustered { get; set; }

    /// <summary>How often PollDueFeeds looks for feeds whose next check has come (each feed keeps its own interval).</summary>
    public TimeSpan PollDueFeedsEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often FetchArticles looks for pending pages. A poll that finds new items also starts it at once; the
    /// period catches pages deferred or left behind by a stopped node.
    /// </summary>
    public TimeSpan FetchArticlesEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often digests whose retry time has come are sent (composing runs at the top of every hour).</summary>
    public TimeSpan DigestRetriesEvery { get; set; } = TimeSpan.FromMinutes(5);

    public ScheduleBounds Bounds => new(MinPollInterval, MaxPollInterval);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinPollInterval < TimeSpan.FromSeconds(10))
        {
            yield return new ValidationResult("must be at least 00:00:10", [nameof(MinPollInterval)]);
        }

        if (MaxPollInterval < MinPollInterval)
        {
            yield return new ValidationResult($"must not be shorter than MinPollInterval ({MinPollInterval})", [nameof(MaxPollInterval)]);
        }

        foreach (var (name, period) in new[] { (nameof(PollDueFeedsEvery), PollDueFeedsEvery), (nameof(FetchArticlesEvery), FetchArticlesEvery), (nameof(DigestRetriesEvery), DigestRetriesEvery) })
        {
            if (period < TimeSpan.FromSeconds(1))
            {
                yield return new ValidationResult("must be at least 00:00:01", [name]);
            }
        }
    }
}
