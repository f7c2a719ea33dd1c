using NewsPulse.Ingest.Feeds;
using NewsPulse.Tests;

namespace NewsPulse.Ingest.Tests;

public class FeedsFileParserTests
{
    [Fact]
    public void Valid_file_yields_every_feed_with_defaults_applied()
    {
        const string yaml = """
            feeds:
              - name: Example Tech
                url: https://example.com/feed.xml
                language: en
                interval: 15m
                category: technology
              - name: Exemple Éco
                url: https://exemple.fr/rss
                enabled: false
            """;

        var file = FeedsFileParser.Parse(yaml, "feeds.yaml");

        Assert.True(file.IsValid);
        Assert.Equal(2, file.Feeds.Count);
        Assert.Equal(TimeSpan.FromMinutes(15), file.Feeds[0].PollInterval);
        Assert.Equal("technology", file.Feeds[0].Category);
        Assert.Equal(FeedsFileParser.DefaultPollInterval, file.Feeds[1].PollInterval);
        Assert.Null(file.Feeds[1].Language);
        Assert.False(file.Feeds[1].Enabled);
    }

    [Theory]
    [InlineData("url: ftp://example.com/feed", 4, "must use http or https")]
    [InlineData("url: not a url", 4, "must be an absolute http(s) URL")]
    [InlineData("url: https://example.com/f\n    language: english", 5, "two-letter ISO 639-1 code")]
    [InlineData("url: https://example.com/f\n    interval: often", 5, "'interval' must look like 90s, 15m, 2h, 1d or hh:mm:ss")]
    [InlineData("url: https://example.com/f\n    interval: 30s", 5, "outside the allowed range")]
    [InlineData("url: https://example.com/f\n    enabled: maybe", 5, "'enabled' must be true or false")]
    [InlineData("url: https://example.com/f\n    intervall: 5m", 5, "unknown key 'intervall'")]
    [InlineData("url: [https://example.com/f]", 4, "must be a single value")]
    public void Each_invalid_value_is_reported_with_its_line(string entryTail, int expectedLine, string expectedMessage)
    {
        var yaml = $"# comment\nfeeds:\n  - name: Broken\n    {entryTail}\n  - name: Fine\n    url: https://example.org/ok\n";

        var file = FeedsFileParser.Parse(yaml, "feeds.yaml");

        var error = Assert.Single(file.Errors);
        Assert.Equal(expectedLine, error.Line);
        Assert.Contains(expectedMessage, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"feeds.yaml:{expectedLine}:", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("Fine", Assert.Single(file.Feeds).Name);
    }

    [Fact]
    public void Missing_name_and_url_are_both_reported()
    {
        var file = FeedsFileParser.Parse("feeds:\n  - category: markets\n", "f.yaml");

        Assert.Contains(file.Errors, e => e.Message == "feed is missing its 'name'" && e.Line == 2);
        Assert.Contains(file.Errors, e => e.Message == "feed is missing its 'url'" && e.Line == 2);
        Assert.Empty(file.Feeds);
    }

    [Fact]
    public void Duplicate_urls_name_the_first_line()
    {
        var yaml = "feeds:\n  - name: A\n    url: https://Example.com/feed#x\n  - name: B\n    url: https://example.com/feed\n";

        var file = FeedsFileParser.Parse(yaml, "f.yaml");

        var error = Assert.Single(file.Errors);
        Assert.Equal(4, error.Line);
        Assert.Contains("first listed on line 2", error.Message, StringComparison.Ordinal);
        Assert.Single(file.Feeds);
    }

    [Fact]
    public void Broken_yaml_is_one_located_error_not_an_exception()
    {
        var file = FeedsFileParser.Parse("feeds:\n  - name: A\n    url: \"unterminated\n", "f.yaml");

        var error = Assert.Single(file.Errors);
        Assert.StartsWith("invalid YAML", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line >= 3);
        Assert.Empty(file.Feeds);
    }

    [Theory]
    [InlineData("", "expected a mapping")]
    [InlineData("- just a list", "expected a mapping")]
    [InlineData("sources: []", "missing the top-level 'feeds:' list")]
    [InlineData("feeds: many", "'feeds' must be a list")]
    public void Wrong_top_level_shape_is_explained(string yaml, string expected)
    {
        var file = FeedsFileParser.Parse(yaml, "f.yaml");

        Assert.Contains(file.Errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Relative_urls_resolve_against_a_base_and_are_errors_without_one()
    {
        const string yaml = "feeds:\n  - name: Local\n    url: feeds/local.xml\n";

        var withBase = FeedsFileParser.Parse(yaml, "f.yaml", new Uri("http://127.0.0.1:5000/"));
        var withoutBase = FeedsFileParser.Parse(yaml, "f.yaml");

        Assert.Equal("http://127.0.0.1:5000/feeds/local.xml", Assert.Single(withBase.Feeds).Url.AbsoluteUri);
        Assert.Contains("absolute http(s) URL", Assert.Single(withoutBase.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_an_error_not_an_exception()
    {
        var file = FeedsFileParser.Load(Path.Combine(Path.GetTempPath(), "no-such-dir-np", "feeds.yaml"));

        Assert.Contains("cannot read the feeds file", Assert.Single(file.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("feeds.yaml", 20)]
    [InlineData("samples/feeds.yaml", 4)]
    public void The_repository_feeds_files_are_valid(string relativePath, int minimumFeeds)
    {
        var file = FeedsFileParser.Load(RepositoryRoot.Combine(relativePath), new Uri("http://127.0.0.1:1/"));

        Assert.Empty(file.Errors);
        Assert.True(file.Feeds.Count >= minimumFeeds, $"{relativePath} lists {file.Feeds.Count} feeds");
        Assert.Contains(file.Feeds, f => f.Language == "fr");
        Assert.Contains(file.Feeds, f => f.Language == "en");
    }
}
