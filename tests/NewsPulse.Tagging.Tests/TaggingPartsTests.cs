namespace NewsPulse.Tagging.Tests;

/// <summary>The pure parts around the models: the text themes read, the salience candidates, tag values, scores and thresholds.</summary>
public class TaggingPartsTests
{
    [Fact]
    public void Theme_text_is_lower_case_without_diacritics_digits_or_punctuation_and_repeats_the_title()
    {
        Assert.Equal("regulation de l ia regulation de l ia les etats unis en ", ThemeText.Of("Régulation de l'IA", "Les États-Unis, en 2026 !"));
    }

    [Fact]
    public void Candidates_gather_every_mention_of_an_entity_with_where_it_stands()
    {
        var candidates = SalienceFeatures.Candidates(
            Gazetteer.BuiltIn,
            "Nvidia beats forecasts",
            "SANTA CLARA (Reuters) - Nvidia reported record sales. Chinese buyers and Beijing regulators were watching; Nvidia (NVDA) shares rose.\nThe report was translated into French.",
            "en");

        var nvidia = Assert.Single(candidates, c => c.Kind == TagKind.Company && c.Id == "Nvidia");
        var china = Assert.Single(candidates, c => c.Kind == TagKind.Country && c.Id == "CN");
        Assert.Single(candidates, c => c.Kind == TagKind.Country && c.Id == "FR");
        Assert.Equal(SalienceFeatures.Count, nvidia.Features.Length);
        Assert.True(nvidia.Features[0] > china.Features[0] || nvidia.Features[0] == china.Features[0], "Nvidia is named at least as often as China");
        Assert.Equal(candidates.Count, candidates.Select(c => (c.Kind, c.Id)).Distinct().Count());
    }

    [Fact]
    public void Tag_values_resolve_from_names_aliases_codes_and_French_names()
    {
        var vocabulary = TagVocabulary.BuiltIn;

        Assert.Equal("DE", vocabulary.Resolve(TagKind.Country, "Allemagne"));
        Assert.Equal("DE", vocabulary.Resolve(TagKind.Country, "de"));
        Assert.Equal("US", vocabulary.Resolve(TagKind.Country, "les États-Unis"));
        Assert.Equal("AMD", vocabulary.Resolve(TagKind.Company, "advanced micro devices"));
        Assert.Equal("open-source", vocabulary.Resolve(TagKind.Theme, "Open Source"));
        Assert.Null(vocabulary.Resolve(TagKind.Company, "No Such Company Ltd"));
        Assert.Null(vocabulary.Resolve(TagKind.Theme, "sports"));
    }

    [Fact]
    public void Label_scores_follow_the_definitions()
    {
        var score = new LabelScore("x", TruePositives: 6, FalsePositives: 2, FalseNegatives: 4);

        Assert.Equal(0.75, score.Precision, 6);
        Assert.Equal(0.6, score.Recall, 6);
        Assert.Equal(2 * 0.75 * 0.6 / 1.35, score.F1, 6);
        Assert.Equal(10, score.Support);
        Assert.Equal(1, new LabelScore("none", 0, 0, 0).F1);
        Assert.Equal(0, new LabelScore("all wrong", 0, 3, 2).F1);
    }

    [Fact]
    public void The_threshold_is_the_cut_with_the_best_F1_on_dev()
    {
        float[] probabilities = [0.9f, 0.8f, 0.7f, 0.35f, 0.3f, 0.1f];
        bool[] labels = [true, true, true, false, true, false];

        var (threshold, f1) = TaggerTrainer.BestThreshold(probabilities, labels, missedElsewhere: 0);
        var (_, f1WithMisses) = TaggerTrainer.BestThreshold(probabilities, labels, missedElsewhere: 4);

        Assert.InRange(threshold, 0.101, 0.3);
        Assert.Equal(8.0 / 9, f1, 6);
        Assert.True(f1WithMisses < f1);
    }
}
