using NewsPulse.Ingest.Extraction;

namespace NewsPulse.App.Evaluation;

/// <summary>Language identification measured on a labelled set: trained on its train split, scored per split and per language.</summary>
public static class LanguageEvaluation
{
    public sealed record LanguageScore(string Language, BinaryScores Scores, int Samples);

    public sealed record SplitReport(string Split, int Samples, double Accuracy, IReadOnlyList<LanguageScore> PerLanguage, IReadOnlyList<(LanguageSamples.Sample Sample, string? Predicted)> Errors);

    public static IReadOnlyList<SplitReport> Run(IReadOnlyList<LanguageSamples.Sample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var identifier = new LanguageIdentifier(samples.Where(s => s.Split == "train").Select(s => (s.Language, s.Text)));
        var reports = new List<SplitReport>();
        foreach (var split in new[] { "train", "dev", "test" })
        {
            var scored = samples.Where(s => s.Split == split).Select(s => (Sample: s, Predicted: identifier.Identify(s.Text))).ToList();
            if (scored.Count == 0)
            {
                continue;
            }

            var perLanguage = scored.Select(s => s.Sample.Language).Distinct().Order(StringComparer.Ordinal).Select(language => new LanguageScore(
                language,
                BinaryScores.Of(scored.Select(s => (Predicted: s.Predicted == language, Actual: s.Sample.Language == language))),
                scored.Count(s => s.Sample.Language == language))).ToList();
            reports.Add(new SplitReport(
                split,
                scored.Count,
                (double)scored.Count(s => s.Predicted == s.Sample.Language) / scored.Count,
                perLanguage,
                scored.Where(s => s.Predicted != s.Sample.Language).ToList()));
        }

        return reports;
    }
}
