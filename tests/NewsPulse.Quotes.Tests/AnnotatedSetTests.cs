using NewsPulse.Tests;

namespace NewsPulse.Quotes.Tests;

/// <summary>The annotated quote set (tests/data/quotes) is well formed, big enough, and the extractor meets its targets on the test split.</summary>
public class AnnotatedSetTests
{
    private static readonly List<AnnotatedArticle> Articles = AnnotatedArticle.Load(RepositoryRoot.Combine("tests", "data", "quotes"));

    [Fact]
    public void The_set_has_enough_articles_and_quotes_in_both_languages_with_spans_in_their_text()
    {
        Assert.True(Articles.Count >= 60, $"{Articles.Count} articles");
        Assert.True(Articles.Sum(a => a.Quotes.Count) >= 400, $"{Articles.Sum(a => a.Quotes.Count)} quotes");
        Assert.Equal(["en", "fr"], Articles.Select(a => a.Language).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(Articles.Count, Articles.Select(a => a.Id).Distinct().Count());
        Assert.All(Articles, a => Assert.Contains(a.Split, new[] { "train", "dev", "test" }));
        Assert.All(Articles.SelectMany(a => a.Quotes.Select(q => (a, q))), pair =>
        {
            Assert.Equal(pair.q.Text, pair.a.Text[pair.q.Start..pair.q.End]);
            Assert.Contains(pair.q.Kind, new[] { "direct", "indirect" });
            Assert.False(string.IsNullOrWhiteSpace(pair.q.Speaker), $"{pair.a.Id}: a quote without a speaker");
        });
    }

    [Fact]
    public void The_test_split_meets_the_targets_in_each_language()
    {
        // The test split is read only here and by `newspulse quotes eval`; the rules were developed on train and dev.
        var (scores, _) = QuoteEvaluation.Evaluate(new QuoteExtractor(), Articles.Where(a => a.Split == "test"));

        Assert.Equal(["en", "fr"], scores.Select(s => s.Language));
        Assert.All(scores, s =>
        {
            Assert.True(s.F1 >= 0.85, $"{s.Language} quote F1 {s.F1:0.000}");
            Assert.True(s.SpeakerAccuracy >= 0.90, $"{s.Language} speaker accuracy {s.SpeakerAccuracy:0.000}");
        });
    }

    [Fact]
    public void Overlap_is_shared_characters_over_the_longer_span()
    {
        Assert.Equal(1, QuoteEvaluation.Overlap(10, 20, 10, 20));
        Assert.Equal(0.8, QuoteEvaluation.Overlap(10, 20, 10, 18), 6);
        Assert.Equal(0.5, QuoteEvaluation.Overlap(0, 10, 5, 15), 6);
        Assert.Equal(0, QuoteEvaluation.Overlap(0, 10, 10, 20));
        Assert.True(QuoteEvaluation.SameSpeaker("Jörg Lindqvist-Bauer", "jorg lindqvist bauer"));
        Assert.True(QuoteEvaluation.SameSpeaker("the Commerce Department", "Commerce Department"));
        Assert.False(QuoteEvaluation.SameSpeaker("Ray Wang", "Wang"));
    }
}
