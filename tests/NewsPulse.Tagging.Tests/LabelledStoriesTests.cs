using System.Text.Json;
using NewsPulse.Tests;

namespace NewsPulse.Tagging.Tests;

/// <summary>The labelled stories (tests/data/tagging) speak the knowledge files' language: every label is a known theme, ISO code or company.</summary>
public class LabelledStoriesTests
{
    private static readonly string[] Themes = ["open-source", "policy", "markets", "ai", "semiconductors", "deals", "cloud", "security", "telecoms"];

    private sealed class Story
    {
        public string? Id { get; init; }

        public string? Split { get; init; }

        public string? Language { get; init; }

        public string? Text { get; init; }

        public string[] Themes { get; init; } = [];

        public string[] Companies { get; init; } = [];

        public string[] Countries { get; init; } = [];
    }

    private static List<Story> Stories() =>
        [.. Directory.GetFiles(RepositoryRoot.Combine("tests", "data", "tagging"), "*.jsonl")
            .SelectMany(File.ReadLines)
            .Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<Story>(line, StoryJson)!)];

    private static readonly JsonSerializerOptions StoryJson = new() { PropertyNameCaseInsensitive = true };

    [Fact]
    public void Every_story_is_well_formed_and_labelled_with_known_names_only()
    {
        var stories = Stories();
        var codes = Knowledge.Countries.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var companies = Knowledge.Companies.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(stories);
        Assert.Equal(stories.Count, stories.Select(s => s.Id).Distinct().Count());
        Assert.All(stories, s => Assert.Contains(s.Split, new[] { "train", "dev", "test" }));
        Assert.All(stories, s => Assert.Contains(s.Language, new[] { "en", "fr" }));
        Assert.All(stories, s => Assert.False(string.IsNullOrWhiteSpace(s.Text), s.Id));
        Assert.Equal([], stories.SelectMany(s => s.Themes).Except(Themes).Distinct().ToArray());
        Assert.Equal([], stories.SelectMany(s => s.Countries).Except(codes).Distinct().ToArray());
        Assert.Equal([], stories.SelectMany(s => s.Companies).Except(companies).Distinct().Order(StringComparer.Ordinal).ToArray());
    }
}
