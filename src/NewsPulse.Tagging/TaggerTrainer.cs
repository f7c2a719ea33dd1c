using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;
using LogisticModel = Microsoft.ML.Data.BinaryPredictionTransformer<Microsoft.ML.Calibrators.CalibratedModelParametersBase<Microsoft.ML.Trainers.LinearBinaryModelParameters, Microsoft.ML.Calibrators.PlattCalibrator>>;

namespace NewsPulse.Tagging;

/// <summary>
/// Trains the tagger's ML.NET models on the train split (plus analyst feedback) and chooses every decision
/// threshold, and the theme models' regularisation, on the dev split. The test split is not read. Deterministic
/// for a given seed and data.
/// </summary>
public sealed class TaggerTrainer(TimeProvider time)
{
    /// <summary>The regularisation strengths tried for the theme models; the dev split picks one.</summary>
    private static readonly float[] ThemeL2Choices = [0.01f, 0.1f, 1f];

    private const float SalienceL2 = 0.1f;

    public TaggingModel Train(IReadOnlyList<LabelledStory> stories, IReadOnlyList<FeedbackStory> feedback, int seed, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentNullException.ThrowIfNull(feedback);
        var clock = Stopwatch.StartNew();
        var train = stories.Where(s => s.Split == "train").ToList();
        var dev = stories.Where(s => s.Split == "dev").ToList();
        if (train.Count == 0 || dev.Count == 0)
        {
            throw new InvalidDataException($"Training needs stories in both the train and the dev split; found {train.Count} and {dev.Count}.");
        }

        var ml = new MLContext(seed);
        progress?.Report($"featurizing {train.Count + feedback.Count} training and {dev.Count} dev stories");
        var featurizer = FitFeaturizer(ml, train.Select(s => ThemeText.Of(s.Title, s.Text)).Concat(feedback.Select(f => ThemeText.Of(f.Title, f.Text))));
        var featureCount = VectorSchema.FeatureCount(ml, featurizer, ml.Data.LoadFromEnumerable(Array.Empty<StoryTextRow>()).Schema);
        var trainVectors = Featurize(ml, featurizer, train.Select(s => ThemeText.Of(s.Title, s.Text)));
        var feedbackVectors = Featurize(ml, featurizer, feedback.Select(f => ThemeText.Of(f.Title, f.Text)));
        var devVectors = Featurize(ml, featurizer, dev.Select(s => ThemeText.Of(s.Title, s.Text)));

        ThemeModels? best = null;
        foreach (var l2 in ThemeL2Choices)
        {
            progress?.Report($"theme models, L2 {l2.ToString(CultureInfo.InvariantCulture)}");
            var candidate = TrainThemes(ml, l2, featureCount, train, trainVectors, feedback, feedbackVectors, dev, devVectors);
            if (best is null || candidate.DevMacroF1 > best.DevMacroF1)
            {
                best = candidate;
            }
        }

        progress?.Report("salience models");
        var (companySalience, companyThreshold) = TrainSalience(ml, TagKind.Company, train, feedback, dev, s => s.Companies);
        var (countrySalience, countryThreshold) = TrainSalience(ml, TagKind.Country, train, feedback, dev, s => s.Countries);

        var trainedAt = time.GetUtcNow();
        var manifest = new ModelManifest
        {
            Version = $"tagger-{trainedAt.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{Fingerprint(train, dev, feedback, seed)}",
            TrainedAt = trainedAt,
            Seed = seed,
            TrainingStories = train.Count,
            FeedbackLabels = feedback.Sum(f => f.Labels.Count),
            // Filled in below, once the dev split has been scored.
            TrainingSeconds = 0,
            ThemeL2 = best!.L2,
            ThemeThresholds = best.Thresholds,
            CompanyThreshold = companyThreshold,
            CountryThreshold = countryThreshold,
            SalienceFeatureCount = SalienceFeatures.Count,
            FeatureVersion = TaggingModel.FeatureVersion,
        };
        var draft = new TaggingModel(ml, manifest, featurizer, featureCount, best.Classifiers, companySalience, countrySalience);
        progress?.Report("scoring the dev split");
        var devScores = TaggingEvaluation.Evaluate(new Tagger(draft), dev);
        var final = manifest with { TrainingSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1), DevScores = devScores };
        return new TaggingModel(ml, final, featurizer, featureCount, best.Classifiers, companySalience, countrySalience);
    }

    /// <summary>
    /// Six hex digits that change with the training data, the analysts' labels or the seed, so two models trained
    /// in the same second from different data never share a version.
    /// </summary>
    private static string Fingerprint(List<LabelledStory> train, List<LabelledStory> dev, IReadOnlyList<FeedbackStory> feedback, int seed)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string value) => hash.AppendData(Encoding.UTF8.GetBytes(value + "\u0001"));
        Add(seed.ToString(CultureInfo.InvariantCulture));
        foreach (var story in train.Concat(dev))
        {
            Add(string.Join('|', [story.Split, story.Title, story.Text, .. story.Themes, .. story.Companies, .. story.Countries]));
        }

        foreach (var story in feedback)
        {
            Add(string.Join('|', [story.Title, story.Text, .. story.Labels.Select(l => $"{l.Kind}:{l.Value}:{l.Present}")]));
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..6].ToLowerInvariant();
    }

    /// <summary>Word unigrams and bigrams plus character trigrams of the <see cref="ThemeText"/>, already normalised.</summary>
    private static ITransformer FitFeaturizer(MLContext ml, IEnumerable<string> texts)
    {
        var options = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.None,
            KeepDiacritics = true,
            KeepPunctuations = true,
            KeepNumbers = true,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var data = ml.Data.LoadFromEnumerable(texts.Select(t => new StoryTextRow { Text = t }));
        return ml.Transforms.Text.FeaturizeText(nameof(FeatureRow.Features), options, nameof(StoryTextRow.Text)).Fit(data);
    }

    private static List<VBuffer<float>> Featurize(MLContext ml, ITransformer featurizer, IEnumerable<string> texts)
    {
        var data = featurizer.Transform(ml.Data.LoadFromEnumerable(texts.Select(t => new StoryTextRow { Text = t })));
        return [.. ml.Data.CreateEnumerable<FeatureRow>(data, reuseRowObject: false, ignoreMissingColumns: true).Select(r => r.Features)];
    }

    private sealed record ThemeModels(float L2, Dictionary<string, ITransformer> Classifiers, Dictionary<string, double> Thresholds, double DevMacroF1);

    private static ThemeModels TrainThemes(
        MLContext ml, float l2, int featureCount,
        List<LabelledStory> train, List<VBuffer<float>> trainVectors,
        IReadOnlyList<FeedbackStory> feedback, List<VBuffer<float>> feedbackVectors,
        List<LabelledStory> dev, List<VBuffer<float>> devVectors)
    {
        var classifiers = new Dictionary<string, ITransformer>(StringComparer.Ordinal);
        var thresholds = new Dictionary<string, double>(StringComparer.Ordinal);
        var f1s = new List<double>();
        foreach (var theme in Themes.All)
        {
            var rows = train.Select((s, i) => new FeatureRow { Features = trainVectors[i], Label = s.Themes.Contains(theme) }).ToList();
            // An analyst's word on a theme is a label for that theme only; the article says nothing of the others.
            for (var i = 0; i < feedback.Count; i++)
            {
                if (feedback[i].Labels.LastOrDefault(l => l.Kind == TagKind.Theme && l.Value == theme) is { } label)
                {
                    rows.Add(new FeatureRow { Features = feedbackVectors[i], Label = label.Present });
                }
            }

            var classifier = FitLogistic(ml, VectorSchema.Load(ml, rows, featureCount), l2);
            var devData = VectorSchema.Load(ml, dev.Select((s, i) => new FeatureRow { Features = devVectors[i], Label = s.Themes.Contains(theme) }), featureCount);
            var probabilities = Probabilities(ml, classifier, devData);
            var (threshold, f1) = BestThreshold(probabilities, [.. dev.Select(s => s.Themes.Contains(theme))], missedElsewhere: 0);
            classifiers[theme] = classifier;
            thresholds[theme] = threshold;
            f1s.Add(f1);
        }

        return new ThemeModels(l2, classifiers, thresholds, f1s.Average());
    }

    private static (ITransformer Model, double Threshold) TrainSalience(
        MLContext ml, TagKind kind, List<LabelledStory> train, IReadOnlyList<FeedbackStory> feedback, List<LabelledStory> dev, Func<LabelledStory, IReadOnlyList<string>> gold)
    {
        var rows = new List<FeatureRow>();
        foreach (var story in train)
        {
            var labels = gold(story);
            rows.AddRange(CandidatesOf(kind, story.Title, story.Text, story.Language).Select(c => Row(c, labels.Contains(c.Id))));
        }

        foreach (var story in feedback)
        {
            foreach (var candidate in CandidatesOf(kind, story.Title, story.Text, story.Language))
            {
                if (story.Labels.LastOrDefault(l => l.Kind == kind && l.Value == candidate.Id) is { } label)
                {
                    rows.Add(Row(candidate, label.Present));
                }
            }
        }

        var model = FitLogistic(ml, VectorSchema.Load(ml, rows, SalienceFeatures.Count), SalienceL2);

        var devRows = new List<FeatureRow>();
        var missed = 0;
        foreach (var story in dev)
        {
            var labels = gold(story);
            var candidates = CandidatesOf(kind, story.Title, story.Text, story.Language);
            devRows.AddRange(candidates.Select(c => Row(c, labels.Contains(c.Id))));
            missed += labels.Count(l => candidates.All(c => c.Id != l));
        }

        var probabilities = Probabilities(ml, model, VectorSchema.Load(ml, devRows, SalienceFeatures.Count));
        var (threshold, _) = BestThreshold(probabilities, [.. devRows.Select(r => r.Label)], missed);
        return (model, threshold);
    }

    private static IEnumerable<EntityCandidate> CandidatesOf(TagKind kind, string title, string text, string? language) =>
        SalienceFeatures.Candidates(Gazetteer.BuiltIn, title, text, language).Where(c => c.Kind == kind);

    private static FeatureRow Row(EntityCandidate candidate, bool label) =>
        new() { Features = new VBuffer<float>(candidate.Features.Length, candidate.Features), Label = label };

    private static LogisticModel FitLogistic(MLContext ml, IDataView data, float l2) =>
        ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(FeatureRow.Label),
            FeatureColumnName = nameof(FeatureRow.Features),
            L2Regularization = l2,
            L1Regularization = 0,
            NumberOfThreads = 1,
        }).Fit(data);

    private static List<float> Probabilities(MLContext ml, LogisticModel model, IDataView data) =>
        [.. ml.Data.CreateEnumerable<ProbabilityRow>(model.Transform(data), reuseRowObject: false, ignoreMissingColumns: true).Select(r => r.Probability)];

    /// <summary>
    /// The probability cut with the best F1 on the dev split; <paramref name="missedElsewhere"/> counts gold labels
    /// no candidate carries (misses whatever the cut). Ties go to the cut nearest 0.5.
    /// </summary>
    internal static (double Threshold, double F1) BestThreshold(IReadOnlyList<float> probabilities, IReadOnlyList<bool> labels, int missedElsewhere)
    {
        var best = (Threshold: 0.5, F1: -1.0);
        for (var step = 2; step <= 38; step++)
        {
            var threshold = step * 0.025;
            int tp = 0, fp = 0, fn = missedElsewhere;
            for (var i = 0; i < probabilities.Count; i++)
            {
                var predicted = probabilities[i] >= threshold;
                tp += predicted && labels[i] ? 1 : 0;
                fp += predicted && !labels[i] ? 1 : 0;
                fn += !predicted && labels[i] ? 1 : 0;
            }

            var f1 = tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
            if (f1 > best.F1 + 1e-9 || (Math.Abs(f1 - best.F1) <= 1e-9 && Math.Abs(threshold - 0.5) < Math.Abs(best.Threshold - 0.5)))
            {
                best = (threshold, f1);
            }
        }

        return (Math.Round(best.Threshold, 3), best.F1);
    }
}
