using System.ComponentModel.DataAnnotations;

namespace NewsPulse.App.Hosting;

/// <summary>Configuration section <c>Api</c>: who may use the admin endpoints, and how hard anyone may use the public ones.</summary>
public sealed class ApiOptions : IValidatableObject
{
    public const string SectionName = "Api";

    /// <summary>Shortest admin key accepted: anything shorter could be guessed by trying.</summary>
    public const int MinKeyLength = 24;

    /// <summary>
    /// Keys that open the admin endpoints (feeds, tag labels, reprocess), sent as <c>X-Api-Key</c> or
    /// <c>Authorization: Bearer</c>. Empty: every admin request answers 401.
    /// </summary>
    public string[] AdminKeys { get; set; } = [];

    /// <summary>Requests a minute one client address may make to the public endpoints, on average; 0 turns the limit off.</summary>
    [Range(0, 1_000_000)]
    public int RateLimitPerMinute { get; set; } = 600;

    /// <summary>Requests one client may make at once above that average before it is told to wait.</summary>
    [Range(1, 100_000)]
    public int RateLimitBurst { get; set; } = 60;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AdminKeys.Any(key => key.Trim().Length < MinKeyLength))
        {
            yield return new ValidationResult(
                $"every admin key must be at least {MinKeyLength} characters (generate one with: openssl rand -base64 32)",
                [nameof(AdminKeys)]);
        }
    }
}
