using System.ComponentModel.DataAnnotations;

namespace NewsPulse.App.Hosting;

/// <summary>Configuration section <c>Clustering</c>: when two articles count as copies of one story.</summary>
public sealed class ClusteringOptions
{
    public const string SectionName = "Clustering";

    /// <summary>
    /// Minimum estimated share of the shorter text found in the other. The default is the threshold
    /// <c>newspulse eval near-duplicates</c> chooses on the project's labelled train and dev pairs.
    /// </summary>
    [Range(0.05, 1.0)]
    public double OverlapThreshold { get; set; } = 0.46;

    /// <summary>How far back (by discovery time) to look for copies of a story.</summary>
    [Range(1, 365)]
    public int WindowDays { get; set; } = 7;
}
