namespace NewsPulse.Tagging;

/// <summary>True positives, false positives and misses of one label (or of a whole kind, micro-averaged).</summary>
public sealed record LabelScore(string Label, int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => TruePositives == 0 ? (FalsePositives + FalseNegatives == 0 ? 1 : 0) : 2 * Precision * Recall / (Precision + Recall);

    public int Support => TruePositives + FalseNegatives;
}

/// <summary>A label the tagger often gets wrong, with example story ids, for the confusion notes.</summary>
public sealed record ConfusionNote(TagKind Kind, string Label, int FalsePositives, int FalseNegatives, string Detail, IReadOnlyList<string> Examples);

/// <summary>Scores of one language: per theme, theme macro-F1, and company and country micro scores.</summary>
public sealed class LanguageScores
{
    public required string Language { get; init; }

    public required int Stories { get; init; }

    public required IReadOnlyList<LabelScore> Themes { get; init; }

    /// <summary>Mean F1 over the themes that occur in the gold labels or the predictions of this language.</summary>
    public required double ThemeMacroF1 { get; init; }

    public required LabelScore Companies { get; init; }

    public required LabelScore Countries { get; init; }

    public IReadOnlyList<ConfusionNote> Confusions { get; init; } = [];
}

/// <summary>Scores a tagger against labelled stories, per language. Pure apart from running the tagger.</summary>
public static class TaggingEvaluation
{
    private const int NotesPerLanguage = 8;

    public static List<LanguageScores> Evaluate(Tagger tagger, IEnumerable<LabelledStory> stories)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        var predictions = stories.Select(s => (Story: s, Tags: tagger.Tag(s.Title, s.Text, s.Language))).ToList();
        return [.. predictions.GroupBy(p => p.Story.Language ?? "?").OrderBy(g => g.Key, StringComparer.Ordinal).Select(Score)];
    }

    private static LanguageScores Score(IGrouping<string, (LabelledStory Story, StoryTags Tags)> language)
    {
        var themeErrors = new Errors();
        var companyErrors = new Errors();
        var countryErrors = new Errors();
        foreach (var (story, tags) in language)
        {
            themeErrors.Add(story, story.Themes, tags.Themes.Select(t => t.Name));
            companyErrors.Add(story, story.Companies, tags.Companies.Select(c => c.Name));
            countryErrors.Add(story, story.Countries, tags.Countries.Select(c => c.Code));
        }

        var themes = Themes.All.Select(themeErrors.Score).ToList();
        var present = themes.Where(t => t.Support + t.FalsePositives > 0).ToList();
        return new LanguageScores
        {
            Language = language.Key,
            Stories = language.Count(),
            Themes = themes,
            ThemeMacroF1 = present.Count == 0 ? 1 : present.Average(t => t.F1),
            Companies = companyErrors.Micro("companies"),
            Countries = countryErrors.Micro("countries"),
            Confusions =
            [
                .. themeErrors.Notes(TagKind.Theme)
                    .Concat(companyErrors.Notes(TagKind.Company))
                    .Concat(countryErrors.Notes(TagKind.Country))
                    .OrderByDescending(n => n.FalsePositives + n.FalseNegatives)
                    .ThenBy(n => n.Label, StringComparer.Ordinal)
                    .Take(NotesPerLanguage),
            ],
        };
    }

    /// <summary>Per-label error counts of one tag kind, with what the gold labels were when the tagger added a label.</summary>
    private sealed class Errors
    {
        private readonly Dictionary<string, (int Tp, int Fp, int Fn)> _counts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<string>> _examples = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Dictionary<string, int>> _goldBesideFalsePositive = new(StringComparer.Ordinal);

        public void Add(LabelledStory story, IEnumerable<string> gold, IEnumerable<string> predicted)
        {
            var goldSet = gold.ToHashSet(StringComparer.Ordinal);
            var predictedSet = predicted.ToHashSet(StringComparer.Ordinal);
            foreach (var label in goldSet.Union(predictedSet))
            {
                var (tp, fp, fn) = _counts.GetValueOrDefault(label);
                var inGold = goldSet.Contains(label);
                var inPrediction = predictedSet.Contains(label);
                _counts[label] = (tp + (inGold && inPrediction ? 1 : 0), fp + (!inGold && inPrediction ? 1 : 0), fn + (inGold && !inPrediction ? 1 : 0));
                if (inGold != inPrediction)
                {
                    Example(label, story.Id);
                }

                if (inPrediction && !inGold)
                {
                    var beside = _goldBesideFalsePositive.TryGetValue(label, out var b) ? b : _goldBesideFalsePositive[label] = new(StringComparer.Ordinal);
                    foreach (var other in goldSet)
                    {
                        beside[other] = beside.GetValueOrDefault(other) + 1;
                    }
                }
            }
        }

        public LabelScore Score(string label)
        {
            var (tp, fp, fn) = _counts.GetValueOrDefault(label);
            return new LabelScore(label, tp, fp, fn);
        }

        public LabelScore Micro(string name) =>
            new(name, _counts.Values.Sum(c => c.Tp), _counts.Values.Sum(c => c.Fp), _counts.Values.Sum(c => c.Fn));

        public IEnumerable<ConfusionNote> Notes(TagKind kind) =>
            _counts.Where(c => c.Value.Fp + c.Value.Fn > 0).Select(c => new ConfusionNote(
                kind,
                c.Key,
                c.Value.Fp,
                c.Value.Fn,
                _goldBesideFalsePositive.TryGetValue(c.Key, out var beside)
                    ? "added where the labels had " + string.Join(", ", beside.OrderByDescending(b => b.Value).ThenBy(b => b.Key, StringComparer.Ordinal).Take(3).Select(b => $"{b.Key} ({b.Value})"))
                    : "",
                _examples[c.Key]));

        private void Example(string label, string id)
        {
            var list = _examples.TryGetValue(label, out var l) ? l : _examples[label] = [];
            if (list.Count < 3)
            {
                list.Add(id);
            }
        }
    }
}
