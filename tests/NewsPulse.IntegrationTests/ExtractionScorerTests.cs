using NewsPulse.App.Evaluation;
using NewsPulse.Tests;

namespace NewsPulse.IntegrationTests;

/// <summary>The Zyte benchmark's scoring rule, checked on worked examples and on the check rows its README prints.</summary>
public class ExtractionScorerTests
{
    private static readonly string ZyteSet = Path.Combine(RepositoryRoot.Path, "..", "shared", "bench", "extraction-zyte");

    [Fact]
    public void Tokens_are_python_word_runs_by_unicode_category_not_dotnet_regex_word_characters()
    {
        // ½ (No) and Ⅻ (Nl) are word characters in Python's \w, a combining accent (Mn) is not.
        Assert.Equal(["l", "État", "a", "dit", "½", "Ⅻ", "snake_case", "e", "x"], ExtractionScorer.Tokens("l’État a dit : « ½ Ⅻ » snake_case e\u0301x"));
    }

    [Fact]
    public void Extra_text_costs_precision_and_missing_text_costs_recall()
    {
        var longer = ExtractionScorer.ScorePage("a b c d", "a b c d e");
        var repeated = ExtractionScorer.ScorePage("a b c d a b c d", "a b c d");

        Assert.Equal((0.5, 0.5, 0.0), (longer.TruePositive, longer.FalsePositive, longer.FalseNegative));
        Assert.Equal(0.2, repeated.TruePositive, 10);
        Assert.Equal(0.8, repeated.FalseNegative, 10);
        Assert.Single(ExtractionScorer.Shingles(ExtractionScorer.Tokens("only three words")));
        Assert.Empty(ExtractionScorer.Shingles(ExtractionScorer.Tokens("… !")));
    }

    [Fact]
    public void Empty_predictions_are_left_out_of_precision_but_count_against_recall()
    {
        var summary = ExtractionScorer.Summarise([ExtractionScorer.ScorePage("a b c d", "a b c d"), ExtractionScorer.ScorePage("a b c d", "")]);

        Assert.Equal((1.0, 0.5), (summary.Precision, summary.Recall));
        Assert.Equal(2 * 0.5 / 1.5, summary.F1, 10);
        Assert.Equal(0.5, summary.Accuracy);
    }

    [Theory]
    [InlineData("same", 1.0000, 1.0000, 1.0000, 1.0000)]
    [InlineData("first line", 0.1682, 0.9613, 0.0921, 0.0221)]
    [InlineData("twice", 0.6648, 0.4979, 1.0000, 0.0000)]
    public void The_check_rows_of_the_benchmark_readme_are_reproduced(string prediction, double f1, double precision, double recall, double accuracy)
    {
        Assert.True(Directory.Exists(ZyteSet), $"The shared benchmark set is expected at {ZyteSet}.");
        var pages = ExtractionBenchmark.Load(ZyteSet);

        var summary = ExtractionScorer.Summarise(pages.Select(p => ExtractionScorer.ScorePage(p.Truth, prediction switch
        {
            "same" => p.Truth,
            "first line" => p.Truth.Split('\n')[0],
            _ => p.Truth + "\n" + p.Truth,
        })).ToList());

        Assert.Equal(181, summary.Pages);
        Assert.Equal((f1, precision, recall, accuracy), (Math.Round(summary.F1, 4), Math.Round(summary.Precision, 4), Math.Round(summary.Recall, 4), Math.Round(summary.Accuracy, 4)));
    }
}
