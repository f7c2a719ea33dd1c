using System.Text.Json;
using NewsPulse.Domain;

namespace NewsPulse.App.Evaluation;

/// <summary>
/// Chooses the story-overlap threshold on the train and dev splits (best F1) and reports precision, recall and
/// F1 on every split at that threshold; the test split is never used to choose anything.
/// </summary>
public static class NearDuplicateEvaluation
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record SplitResult(string Split, int Pairs, BinaryScores Scores, IReadOnlyList<(LabelledPair Pair, double Overlap)> Errors);

    public sealed record Report(double Threshold, IReadOnlyList<SplitResult> Splits);

    public static IReadOnlyList<LabelledPair> Load(string path) =>
        File.ReadLines(path)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select((line, index) => JsonSerializer.Deserialize<LabelledPair>(line, Json)
                ?? throw new InvalidDataException($"{path}:{index + 1}: not a labelled pair"))
            .ToArray();

    public static Report Run(IReadOnlyDictionary<string, IReadOnlyList<LabelledPair>> splits)
    {
        ArgumentNullException.ThrowIfNull(splits);
        var scored = splits.ToDictionary(
            split => split.Key,
            split => split.Value.Select(pair => (Pair: pair, Overlap: StoryFingerprint.Of(pair.A).Overlap(StoryFingerprint.Of(pair.B)))).ToArray());
        var tuning = scored.Where(s => s.Key is "train" or "dev").SelectMany(s => s.Value).ToArray();
        var threshold = ChooseThreshold(tuning);
        var results = scored
            .OrderBy(s => s.Key switch { "train" => 0, "dev" => 1, "test" => 2, _ => 3 })
            .Select(s => new SplitResult(
                s.Key,
                s.Value.Length,
                BinaryScores.Of(s.Value.Select(p => (p.Overlap >= threshold, p.Pair.Label == 1))),
                s.Value.Where(p => (p.Overlap >= threshold) != (p.Pair.Label == 1)).ToArray()))
            .ToArray();
        return new Report(threshold, results);
    }

    /// <summary>The cut with the best F1 on the tuning pairs: halfway between neighbouring scores, the lower cut on ties.</summary>
    public static double ChooseThreshold(IReadOnlyList<(LabelledPair Pair, double Overlap)> tuning)
    {
        ArgumentNullException.ThrowIfNull(tuning);
        var scores = tuning.Select(t => t.Overlap).Distinct().Order().ToArray();
        var candidates = scores.Zip(scores.Skip(1), (low, high) => (low + high) / 2).Prepend(scores.FirstOrDefault()).ToArray();
        return candidates
            .Select(cut => (Cut: cut, F1: BinaryScores.Of(tuning.Select(t => (t.Overlap >= cut, t.Pair.Label == 1))).F1))
            .OrderByDescending(c => c.F1)
            .ThenBy(c => c.Cut)
            .First()
            .Cut;
    }
}
