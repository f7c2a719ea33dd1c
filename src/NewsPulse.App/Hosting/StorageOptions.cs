using System.ComponentModel.DataAnnotations;

namespace NewsPulse.App.Hosting;

/// <summary>Configuration section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Days raw HTML is kept for <c>newspulse reprocess</c>; 0 keeps it forever.</summary>
    [Range(0, 36_500)]
    public int RawHtmlRetentionDays { get; set; } = 90;
}
