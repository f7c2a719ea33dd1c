using System.ComponentModel.DataAnnotations;
using NewsPulse.Domain;

namespace NewsPulse.App.Hosting;

/// <summary>Configuration section <c>Scheduler</c>: the bounds every feed's polling interval is clamped to.</summary>
public sealed class SchedulerOptions : IValidatableObject
{
    public const string SectionName = "Scheduler";

    public TimeSpan MinPollInterval { get; set; } = ScheduleBounds.Default.Min;

    public TimeSpan MaxPollInterval { get; set; } = ScheduleBounds.Default.Max;

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
    }
}
