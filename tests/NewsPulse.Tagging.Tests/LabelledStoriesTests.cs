using NewsPulse.Tests;

namespace NewsPulse.Tagging.Tests;

/// <summary>The labelled stories (tests/data/tagging) speak the knowledge files' language: every label is a known theme, ISO code or company.</summary>
public class LabelledStoriesTests
{
    [Fact]
    public void Every_story_is_well_formed_and_labelled_with_known_names_only()
    {
        var stories = LabelledStory.Load(RepositoryRoot.Combine("tests", "data", "tagging"));
        var codes = Knowledge.Countries.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var companies = Knowledge.Companies.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

        Assert.True(stories.Count >= 1500, $"{stories.Count} labelled stories");
        Assert.Equal(stories.Count, stories.Select(s => s.Id).Distinct().Count());
        Assert.All(stories, s => Assert.Contains(s.Split, new[] { "train", "dev", "test" }));
        Assert.All(stories, s => Assert.Contains(s.Language, new[] { "en", "fr" }));
        Assert.All(stories, s => Assert.False(string.IsNullOrWhiteSpace(s.Text), s.Id));
        Assert.Equal([], stories.SelectMany(s => s.Themes).Except(Themes.All).Distinct().ToArray());
        Assert.Equal([], stories.SelectMany(s => s.Countries).Except(codes).Distinct().ToArray());
        Assert.Equal([], stories.SelectMany(s => s.Companies).Except(companies).Distinct().Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Each_language_has_every_theme_in_every_split()
    {
        var stories = LabelledStory.Load(RepositoryRoot.Combine("tests", "data", "tagging"));

        foreach (var group in stories.GroupBy(s => (s.Language, s.Split)))
        {
            foreach (var theme in Themes.All)
            {
                var count = group.Count(s => s.Themes.Contains(theme));
                Assert.True(count >= 10, $"{group.Key.Language} {group.Key.Split}: {count} stories with {theme}");
            }
        }
    }
}
