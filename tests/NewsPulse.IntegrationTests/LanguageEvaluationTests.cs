using NewsPulse.App.Evaluation;
using NewsPulse.Ingest.Extraction;
using NewsPulse.Tests;

namespace NewsPulse.IntegrationTests;

/// <summary>Language identification on the project's labelled paragraphs: the test split is only ever measured, never tuned on.</summary>
public class LanguageEvaluationTests
{
    private static readonly string[] Required = ["de", "en", "es", "fr", "it", "ja", "nl", "pt", "ru", "zh"];

    [Fact]
    public void Every_required_language_is_identified_on_the_held_out_paragraphs_with_at_least_98_percent_accuracy()
    {
        var samples = LanguageSamples.Load(RepositoryRoot.Combine("tests", "data", "language-id"));

        var test = LanguageEvaluation.Run(samples).Single(r => r.Split == "test");

        Assert.Equal(Required, test.PerLanguage.Select(l => l.Language));
        Assert.All(samples.Where(s => s.Split == "test"), s => Assert.True(s.Text.Length >= 200, $"{s.Language}: {s.Text[..40]}… is shorter than 200 characters"));
        Assert.True(test.Accuracy >= 0.98, $"accuracy {test.Accuracy:0.000}; errors: {string.Join("; ", test.Errors.Select(e => $"{e.Sample.Language}->{e.Predicted}"))}");
    }

    [Fact]
    public void The_built_in_model_is_the_train_split_of_the_same_set()
    {
        var samples = LanguageSamples.Load(RepositoryRoot.Combine("tests", "data", "language-id"));

        var dev = samples.Where(s => s.Split == "dev").ToList();

        Assert.True(dev.Count(s => LanguageSamples.Identifier.Identify(s.Text) == s.Language) >= 0.98 * dev.Count);
    }
}
