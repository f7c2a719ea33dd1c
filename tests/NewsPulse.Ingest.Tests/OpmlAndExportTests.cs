using NewsPulse.Domain;
using NewsPulse.Ingest.Feeds;
using NewsPulse.Tests;

namespace NewsPulse.Ingest.Tests;

public class OpmlAndExportTests
{
    private const string Opml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="2.0">
          <head><title>Reader export</title></head>
          <body>
            <outline text="Tech">
              <outline text="AI">
                <outline type="rss" text="Lab news" xmlUrl="https://lab.example/feed.xml" language="en-US"/>
              </outline>
              <outline type="rss" text="Gadgets" title="Gadget Daily" xmlUrl="https://gadgets.example/rss"/>
            </outline>
            <outline type="rss" text="Économie" xmlUrl="https://eco.example/rss" category="/Marchés"/>
            <outline type="rss" text="Lab news again" xmlUrl="https://LAB.example/feed.xml"/>
            <outline type="rss" text="Broken" xmlUrl="javascript:alert(1)"/>
          </body>
        </opml>
        """;

    [Fact]
    public void Nested_outlines_become_categories_and_repeats_are_skipped()
    {
        var file = OpmlFile.Parse(Opml, "reader.opml");

        Assert.Equal(["Lab news", "Gadget Daily", "Économie"], file.Feeds.Select(f => f.Name));
        Assert.Equal(["Tech / AI", "Tech", "Marchés"], file.Feeds.Select(f => f.Category));
        Assert.Equal("en", file.Feeds[0].Language);
        var error = Assert.Single(file.Errors);
        Assert.Equal(13, error.Line);
        Assert.Contains("xmlUrl must be an absolute http(s) URL", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<opml><body><outline text='x'", 1)]
    [InlineData("<?xml version=\"1.0\"?>\n<opml>\n<body>\n<outline xmlUrl=\"https://a.example/\" text=\"a & b\"/>\n</body></opml>", 4)]
    public void Malformed_files_are_reported_with_their_line(string xml, int line)
    {
        var error = Assert.Single(OpmlFile.Parse(xml, "bad.opml").Errors);

        Assert.Equal(line, error.Line);
        Assert.StartsWith("not well-formed OPML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_opml_says_so()
    {
        Assert.StartsWith("not an OPML file", Assert.Single(OpmlFile.Parse("<rss version='2.0'/>", "x.opml").Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Written_opml_reads_back_the_same_feeds()
    {
        var feeds = OpmlFile.Parse(Opml, "reader.opml").Feeds;

        var again = OpmlFile.Parse(OpmlFile.Write(feeds, "NewsPulse feeds"), "export.opml");

        Assert.Empty(again.Errors);
        Assert.Equal(feeds.OrderBy(f => f.Url.AbsoluteUri), again.Feeds.OrderBy(f => f.Url.AbsoluteUri));
    }

    [Fact]
    public void Yaml_export_of_the_repository_feeds_loads_back_identically()
    {
        var original = FeedsFileParser.Load(RepositoryRoot.Combine("feeds.yaml"));
        var withDisabled = original.Feeds.Append(new FeedDefinition("Quoted: 'name' # not a comment", new Uri("https://x.example/f?a=1&b=2"), null, TimeSpan.FromSeconds(90), null, false)).ToArray();

        var reloaded = FeedsFileParser.Parse(FeedsFileWriter.Write(withDisabled), "export.yaml");

        Assert.Empty(reloaded.Errors);
        Assert.Equal(withDisabled, reloaded.Feeds);
    }

    [Theory]
    [InlineData(90, "90s")]
    [InlineData(1800, "30m")]
    [InlineData(7200, "2h")]
    [InlineData(86400, "1d")]
    public void Intervals_are_written_in_their_largest_whole_unit(int seconds, string expected) =>
        Assert.Equal(expected, FeedsFileWriter.Interval(TimeSpan.FromSeconds(seconds)));
}
