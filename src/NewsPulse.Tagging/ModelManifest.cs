namespace NewsPulse.Tagging;

/// <summary>
/// What a saved tagging model is: its version, how it was trained, the decision thresholds chosen on the dev
/// split, and the dev scores it reached. Stored as manifest.json inside the model file.
/// </summary>
public sealed record ModelManifest
{
    public required string Version { get; init; }

    public required DateTimeOffset TrainedAt { get; init; }

    public required int Seed { get; init; }

    public required int TrainingStories { get; init; }

    public required int FeedbackLabels { get; init; }

    public required double TrainingSeconds { get; init; }

    /// <summary>The theme model's L2 regularisation, chosen on the dev split.</summary>
    public required float ThemeL2 { get; init; }

    /// <summary>Per theme, the probability from which a story gets it.</summary>
    public required IReadOnlyDictionary<string, double> ThemeThresholds { get; init; }

    public required double CompanyThreshold { get; init; }

    public required double CountryThreshold { get; init; }

    public required int SalienceFeatureCount { get; init; }

    /// <summary>The <see cref="TaggingModel.FeatureVersion"/> of the code that trained the model (1 for models made before it was recorded).</summary>
    public int FeatureVersion { get; init; } = 1;

    /// <summary>Scores on the dev split, per language.</summary>
    public IReadOnlyList<LanguageScores> DevScores { get; init; } = [];
}
