using System.ComponentModel.DataAnnotations;

namespace NewsPulse.App.Hosting;

/// <summary>Configuration section <c>Extraction</c>.</summary>
public sealed class ExtractionOptions
{
    public const string SectionName = "Extraction";

    /// <summary>Time one page may take to extract; a page over it fails with that reason and the run goes on.</summary>
    [Range(50, 600_000)]
    public int TimeLimitMs { get; set; } = 2000;
}
