using System.Collections.Concurrent;
using Microsoft.ML;

namespace NewsPulse.Tagging;

/// <summary>
/// Tags a story with its themes, companies and countries: the theme classifiers read the featurized text; the
/// gazetteer proposes companies and countries and the salience classifiers keep those the story is about.
/// Thread-safe: ML.NET prediction engines are not, so each thread borrows a set of its own.
/// </summary>
public sealed class Tagger
{
    private readonly TaggingModel _model;
    private readonly Gazetteer _gazetteer;
    private readonly IReadOnlyDictionary<string, CompanyEntry> _companies;
    private readonly IReadOnlyDictionary<string, CountryEntry> _countries;
    private readonly ConcurrentBag<Engines> _idle = [];

    public Tagger(TaggingModel model, Gazetteer gazetteer, IEnumerable<CompanyEntry> companies, IEnumerable<CountryEntry> countries)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _gazetteer = gazetteer ?? throw new ArgumentNullException(nameof(gazetteer));
        _companies = companies.ToDictionary(c => c.Name, StringComparer.Ordinal);
        _countries = countries.ToDictionary(c => c.Code, StringComparer.Ordinal);
    }

    /// <summary>A tagger over the built-in knowledge files.</summary>
    public Tagger(TaggingModel model)
        : this(model, Gazetteer.BuiltIn, Knowledge.Companies, Knowledge.Countries)
    {
    }

    public string ModelVersion => _model.Version;

    public TaggingModel Model => _model;

    public StoryTags Tag(string title, string text, string? language)
    {
        var scores = Score(title, text, language);
        var manifest = _model.Manifest;
        var themes = scores.Themes
            .Where(t => t.Value >= manifest.ThemeThresholds[t.Key])
            .Select(t => new ThemeTag(t.Key, Round(t.Value)));
        var companies = scores.Entities
            .Where(e => e.Kind == TagKind.Company && e.Probability >= manifest.CompanyThreshold)
            .Select(e => new CompanyTag(e.Id, _companies.GetValueOrDefault(e.Id)?.Ticker, Round(e.Probability)));
        var countries = scores.Entities
            .Where(e => e.Kind == TagKind.Country && e.Probability >= manifest.CountryThreshold)
            .Select(e => new CountryTag(e.Id, _countries.GetValueOrDefault(e.Id)?.Name ?? e.Id, Round(e.Probability)));
        return new StoryTags(
            [.. companies.OrderByDescending(c => c.Confidence).ThenBy(c => c.Name, StringComparer.Ordinal)],
            [.. countries.OrderByDescending(c => c.Confidence).ThenBy(c => c.Code, StringComparer.Ordinal)],
            [.. themes.OrderByDescending(t => t.Confidence).ThenBy(t => t.Name, StringComparer.Ordinal)]);
    }

    /// <summary>Every probability the models give, before thresholds: what training picks thresholds from.</summary>
    internal StoryScores Score(string title, string text, string? language)
    {
        var engines = _idle.TryTake(out var idle) ? idle : new Engines(_model);
        try
        {
            return engines.Score(_gazetteer, title ?? "", text ?? "", language);
        }
        finally
        {
            _idle.Add(engines);
        }
    }

    private static double Round(float probability) => Math.Round(probability, 3);

    /// <summary>One thread's featurizer engine, with the linear scorers every thread shares.</summary>
    private sealed class Engines(TaggingModel model)
    {
        private readonly PredictionEngine<StoryTextRow, FeatureRow> _featurizer =
            model.Ml.Model.CreatePredictionEngine<StoryTextRow, FeatureRow>(model.ThemeFeaturizer, ignoreMissingColumns: true);

        private readonly StoryTextRow _textRow = new();

        // Reused from story to story, so the featurizer fills the same buffers instead of allocating new ones.
        private FeatureRow _featureRow = new();

        public StoryScores Score(Gazetteer gazetteer, string title, string text, string? language)
        {
            _textRow.Text = ThemeText.Of(title, text);
            _featurizer.Predict(_textRow, ref _featureRow);
            var features = _featureRow.Features;
            var themes = new Dictionary<string, float>(StringComparer.Ordinal);
            foreach (var (theme, scorer) in model.ThemeScorers)
            {
                themes[theme] = scorer.Probability(features);
            }

            var entities = new List<EntityScore>();
            foreach (var candidate in SalienceFeatures.Candidates(gazetteer, title, text, language))
            {
                var scorer = candidate.Kind == TagKind.Company ? model.CompanyScorer : model.CountryScorer;
                entities.Add(new EntityScore(candidate.Kind, candidate.Id, scorer.Probability(candidate.Features)));
            }

            return new StoryScores(themes, entities);
        }
    }
}

/// <summary>A company or country candidate with the salience model's probability.</summary>
internal sealed record EntityScore(TagKind Kind, string Id, float Probability);

/// <summary>All of the models' probabilities for one story.</summary>
internal sealed record StoryScores(IReadOnlyDictionary<string, float> Themes, IReadOnlyList<EntityScore> Entities);
