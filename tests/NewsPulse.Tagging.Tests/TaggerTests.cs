using Microsoft.ML;
using Microsoft.ML.Data;

namespace NewsPulse.Tagging.Tests;

/// <summary>The trained tagger: what it keeps and drops on sentences written for these tests, and how its models behave as files.</summary>
public class TaggerTests(TrainedModel trained) : IClassFixture<TrainedModel>
{
    private readonly Tagger _tagger = trained.Tagger;

    private StoryTags Tag(string title, string text, string language) => _tagger.Tag(title, text, language);

    [Fact]
    public void A_company_that_acts_is_tagged_and_the_fruit_is_not()
    {
        var company = Tag(
            "Apple lifts iPhone prices in Europe",
            "Apple said on Monday it would raise the price of its latest iPhone models across Europe. Apple blamed a weaker euro and higher component costs, and its shares rose 2% in New York.",
            "en");
        var fruit = Tag(
            "Orchards report a bumper harvest",
            "Growers in Normandy picked a record apple crop this autumn. Cider makers said the apple glut would push down prices, while pear and plum harvests were average.",
            "en");

        Assert.Contains(company.Companies, c => c.Name == "Apple" && c.Ticker == "AAPL");
        Assert.DoesNotContain(fruit.Companies, c => c.Name == "Apple");
    }

    [Fact]
    public void A_product_brings_its_maker()
    {
        var tags = Tag(
            "Start-ups switch to Qwen for coding assistants",
            "Dozens of start-ups have moved their coding assistants to Qwen, citing its permissive licence and strong benchmark results. Developers said the newest Qwen release runs well on a single graphics card.",
            "en");

        Assert.Contains(tags.Companies, c => c.Name == "Alibaba");
    }

    [Fact]
    public void French_countries_come_through_elision_articles_and_inflected_adjectives()
    {
        var tags = Tag(
            "Les autorités chinoises répliquent aux États-Unis",
            "Pékin a annoncé mardi de nouvelles restrictions sur les exportations de gallium, en réponse aux sanctions américaines. Les fabricants japonais et l'Inde suivent la situation de près, selon plusieurs analystes.",
            "fr");
        var codes = tags.Countries.Select(c => c.Code).ToList();

        Assert.Contains("CN", codes);
        Assert.Contains("US", codes);
        Assert.Contains("IN", codes);
        Assert.Contains("JP", codes);
        Assert.All(tags.Countries, c => Assert.InRange(c.Confidence, 0, 1));
    }

    [Fact]
    public void Themes_follow_what_the_story_is_about()
    {
        var policy = Tag(
            "EU lawmakers approve new rules for AI models",
            "The European Parliament on Wednesday approved rules requiring developers of large AI models to disclose training data and test their systems for risks. Regulators will be able to fine companies up to 7% of global turnover. Member states must now transpose the law, and the Commission will publish guidance on how the obligations apply to open-weight models.",
            "en");
        var markets = Tag(
            "Chip stocks slide as investors take profits",
            "Shares of chip makers fell sharply on Wall Street on Thursday, dragging the Nasdaq down 2.1%. Nvidia lost 5% and AMD 4% as investors locked in gains after a record quarter. Analysts said valuations had run ahead of earnings forecasts, and bond yields rose for a third day.",
            "en");

        Assert.Contains(policy.Themes, t => t.Name == "policy");
        Assert.Contains(markets.Themes, t => t.Name == "markets");
        Assert.DoesNotContain(markets.Themes, t => t.Name == "open-source");
    }

    [Fact]
    public void The_test_split_meets_the_targets_in_each_language()
    {
        // The test split is only read here and by `newspulse model eval`; nothing is tuned on it.
        var scores = TaggingEvaluation.Evaluate(_tagger, trained.Stories.Where(s => s.Split == "test"));

        Assert.Equal(["en", "fr"], scores.Select(s => s.Language));
        Assert.All(scores, language =>
        {
            Assert.True(language.ThemeMacroF1 >= 0.85, $"{language.Language} theme macro-F1 {language.ThemeMacroF1:0.000}");
            Assert.True(language.Companies.F1 >= 0.90, $"{language.Language} company micro-F1 {language.Companies.F1:0.000}");
            Assert.True(language.Countries.F1 >= 0.93, $"{language.Language} country micro-F1 {language.Countries.F1:0.000}");
        });
    }

    [Fact]
    public void The_direct_linear_scorers_agree_with_ML_NET_prediction_engines()
    {
        var model = trained.Model;
        var ml = model.Ml;
        var featurizer = ml.Model.CreatePredictionEngine<StoryTextRow, FeatureRow>(model.ThemeFeaturizer, ignoreMissingColumns: true);
        var themeSchema = VectorSchema.ForFeatures(model.ThemeFeatureCount);
        var salienceSchema = VectorSchema.ForFeatures(SalienceFeatures.Count);
        foreach (var story in trained.Stories.Where(s => s.Split == "dev").Take(20))
        {
            var features = featurizer.Predict(new StoryTextRow { Text = ThemeText.Of(story.Title, story.Text) });
            foreach (var (theme, scorer) in model.ThemeScorers)
            {
                var engine = ml.Model.CreatePredictionEngine<FeatureRow, ProbabilityRow>(model.ThemeClassifiers[theme], ignoreMissingColumns: true, inputSchemaDefinition: themeSchema);
                Assert.Equal(engine.Predict(features).Probability, scorer.Probability(features.Features), 4);
            }

            var company = ml.Model.CreatePredictionEngine<FeatureRow, ProbabilityRow>(model.CompanySalience, ignoreMissingColumns: true, inputSchemaDefinition: salienceSchema);
            foreach (var candidate in SalienceFeatures.Candidates(Gazetteer.BuiltIn, story.Title, story.Text, story.Language).Where(c => c.Kind == TagKind.Company))
            {
                var row = new FeatureRow { Features = new VBuffer<float>(candidate.Features.Length, candidate.Features) };
                Assert.Equal(company.Predict(row).Probability, model.CompanyScorer.Probability(candidate.Features), 4);
            }
        }
    }

    [Fact]
    public void A_saved_model_loads_with_its_manifest_and_tags_the_same()
    {
        var path = Path.Combine(Path.GetTempPath(), $"np-model-{Guid.NewGuid():N}.zip");
        try
        {
            trained.Model.Save(path);
            var loaded = new Tagger(TaggingModel.Load(path));

            Assert.Equal(trained.Model.Version, loaded.ModelVersion);
            Assert.Equal(trained.Model.Manifest.ThemeThresholds, loaded.Model.Manifest.ThemeThresholds);
            foreach (var story in trained.Stories.Where(s => s.Split == "test").Take(25))
            {
                Assert.Equal(
                    System.Text.Json.JsonSerializer.Serialize(_tagger.Tag(story.Title, story.Text, story.Language)),
                    System.Text.Json.JsonSerializer.Serialize(loaded.Tag(story.Title, story.Text, story.Language)));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_or_damaged_model_file_fails_with_its_name()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"np-missing-{Guid.NewGuid():N}.zip");
        var damaged = Path.Combine(Path.GetTempPath(), $"np-damaged-{Guid.NewGuid():N}.zip");
        File.WriteAllText(damaged, "not a zip");
        try
        {
            Assert.Contains(missing, Assert.Throws<FileNotFoundException>(() => TaggingModel.Load(missing)).Message, StringComparison.Ordinal);
            Assert.Contains(damaged, Assert.Throws<InvalidDataException>(() => TaggingModel.Load(damaged)).Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(damaged);
        }
    }

    [Fact]
    public void A_model_trained_on_other_features_is_refused_with_what_to_do()
    {
        var path = Path.Combine(Path.GetTempPath(), $"np-old-model-{Guid.NewGuid():N}.zip");
        try
        {
            trained.Model.Save(path);
            using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update))
            {
                var entry = zip.GetEntry("manifest.json")!;
                string manifest;
                using (var reader = new StreamReader(entry.Open()))
                {
                    manifest = reader.ReadToEnd();
                }

                entry.Delete();
                using var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open());
                writer.Write(manifest.Replace($"\"feature_version\": {TaggingModel.FeatureVersion}", "\"feature_version\": 1", StringComparison.Ordinal));
            }

            var refused = Assert.Throws<IncompatibleModelException>(() => TaggingModel.Load(path));
            Assert.Contains("newspulse model train", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_manifest_records_thresholds_and_dev_scores_for_both_languages()
    {
        var manifest = trained.Model.Manifest;

        Assert.Equal(Themes.All.Order(StringComparer.Ordinal), manifest.ThemeThresholds.Keys.Order(StringComparer.Ordinal));
        Assert.All(manifest.ThemeThresholds.Values.Append(manifest.CompanyThreshold).Append(manifest.CountryThreshold), t => Assert.InRange(t, 0.05, 0.95));
        Assert.Equal(["en", "fr"], manifest.DevScores.Select(s => s.Language));
        Assert.Equal(trained.Stories.Count(s => s.Split == "train"), manifest.TrainingStories);
        Assert.Matches("^tagger-20261206-080000-[0-9a-f]{6}$", manifest.Version);
    }

    [Fact]
    public void Training_is_deterministic_for_a_seed()
    {
        // A small slice keeps this quick; determinism does not depend on size.
        var slice = trained.Stories.Where(s => s.Split == "train").Take(80).Concat(trained.Stories.Where(s => s.Split == "dev").Take(30)).ToList();
        var first = new Tagger(new TaggerTrainer(TrainedModel.Clock).Train(slice, [], TrainedModel.Seed));
        var second = new Tagger(new TaggerTrainer(TrainedModel.Clock).Train(slice, [], TrainedModel.Seed));

        Assert.Equal(first.Model.Manifest.ThemeThresholds, second.Model.Manifest.ThemeThresholds);
        foreach (var story in trained.Stories.Where(s => s.Split == "test").Take(10))
        {
            var a = first.Score(story.Title, story.Text, story.Language);
            var b = second.Score(story.Title, story.Text, story.Language);
            Assert.Equal(a.Themes, b.Themes);
            Assert.Equal(a.Entities, b.Entities);
        }
    }

    [Fact]
    public void Analyst_feedback_teaches_a_theme_the_stories_lack()
    {
        var slice = trained.Stories.Where(s => s.Split == "train").Take(80).Concat(trained.Stories.Where(s => s.Split == "dev").Take(30)).ToList();
        const string title = "Harbour cranes idle as dockers strike";
        const string text = "Dock workers walked out at the port for a third day, leaving cranes idle and ships waiting offshore.";
        var feedback = Enumerable.Range(0, 12)
            .Select(i => new FeedbackStory($"article-{i}", title, text, "en", [new FeedbackLabel(TagKind.Theme, "telecoms", Present: true)]))
            .ToList();
        var without = new Tagger(new TaggerTrainer(TrainedModel.Clock).Train(slice, [], TrainedModel.Seed));
        var with = new Tagger(new TaggerTrainer(TrainedModel.Clock).Train(slice, feedback, TrainedModel.Seed));

        Assert.Equal(12, with.Model.Manifest.FeedbackLabels);
        Assert.True(
            with.Score(title, text, "en").Themes["telecoms"] > without.Score(title, text, "en").Themes["telecoms"] + 0.2,
            "the analysts' label should raise the theme's probability on the article they labelled");
    }
}
