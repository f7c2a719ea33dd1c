using System.ComponentModel.DataAnnotations;

namespace NewsPulse.App.Hosting;

/// <summary>Configuration section <c>Tagging</c>.</summary>
public sealed class TaggingOptions
{
    public const string SectionName = "Tagging";

    /// <summary>Tag articles as they are extracted; off, they stay extracted until <c>reprocess --stage tag</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where trained models are kept, one file per version plus a <c>current</c> pointer (default: .newspulse/models).</summary>
    public string ModelDirectory { get; set; } = "";

    /// <summary>The labelled stories training reads (default: tests/data/tagging).</summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>The seed training starts from; the same seed and data give the same model.</summary>
    [Range(0, int.MaxValue)]
    public int Seed { get; set; } = 20261206;

    public string ResolvedModelDirectory => Resolve(ModelDirectory, Path.Combine(ProjectPaths.StateDirectory, "models"));

    public string ResolvedDataDirectory => Resolve(DataDirectory, Path.Combine(ProjectPaths.Root, "tests", "data", "tagging"));

    private static string Resolve(string configured, string fallback) =>
        string.IsNullOrWhiteSpace(configured) ? fallback : Path.GetFullPath(configured, ProjectPaths.Root);
}
