using System.Text;
using NewsPulse.Ingest.Feeds;
using NewsPulse.Tests;

namespace NewsPulse.Ingest.Tests;

public class FeedParserTests
{
    private static readonly Uri FeedUrl = new("http://news.example/feeds/main.xml");

    [Fact]
    public void Rss2_items_get_absolute_links_ids_authors_and_offset_dates()
    {
        const string rss = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel><title>Example</title><link>/</link><language>en</language>
                <item><title>First</title><link>/2026/11/first.html</link><guid isPermaLink="false">id-1</guid>
                  <pubDate>Tue, 18 Nov 2026 09:30:00 +0100</pubDate><dc:creator>Ana Ruiz</dc:creator><description>Summary one</description></item>
                <item><title>Second</title><link>https://other.example/second</link><pubDate>Wed, 19 Nov 2026 10:00:00 GMT</pubDate></item>
                <item><title>No link at all</title></item>
              </channel>
            </rss>
            """;

        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(rss), FeedUrl);

        Assert.Equal("Example", feed.Title);
        Assert.Equal(2, feed.Items.Count);
        var first = feed.Items[0];
        Assert.Equal("http://news.example/2026/11/first.html", first.Link.AbsoluteUri);
        Assert.Equal("id-1", first.EntryId);
        Assert.Equal("Ana Ruiz", first.Author);
        Assert.Equal("Summary one", first.Summary);
        Assert.Equal(new DateTimeOffset(2026, 11, 18, 9, 30, 0, TimeSpan.FromHours(1)), first.PublishedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 19, 10, 0, 0, TimeSpan.Zero), feed.Items[1].PublishedAt);
        Assert.Contains("No link at all", Assert.Single(feed.SkippedItems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("samples/feeds/echo-numerique.json")]
    [InlineData("samples/feeds/techwire.rss.xml")]
    [InlineData("samples/feeds/marketdesk.atom.xml")]
    [InlineData("samples/feeds/fil-eco.rdf")]
    public void Sample_feeds_in_every_format_parse_with_links_to_their_pages(string path)
    {
        var feed = FeedParser.Parse(File.ReadAllBytes(RepositoryRoot.Combine(path)), new Uri("http://127.0.0.1:9/" + path["samples/".Length..]));

        Assert.True(feed.Items.Count >= 10, $"{path}: {feed.Items.Count} items");
        Assert.Empty(feed.SkippedItems);
        Assert.All(feed.Items, item =>
        {
            Assert.Equal("127.0.0.1", item.Link.Host);
            Assert.True(File.Exists(RepositoryRoot.Combine("samples", item.Link.AbsolutePath.TrimStart('/'))), $"{item.Link} has no page");
            Assert.False(string.IsNullOrWhiteSpace(item.Title));
            Assert.NotNull(item.PublishedAt);
            Assert.InRange(item.PublishedAt!.Value.Year, 2026, 2026);
        });
    }

    [Fact]
    public void Common_xml_breakage_is_repaired_leniently()
    {
        const string broken = "\uFEFF  \r\n<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>Tech &amp; Policy</title>"
            + "<item><title>AT&T and Apple&nbsp;say &eacute;t&eacute; &mdash; yes</title><link>/a?x=1&y=2</link>"
            + "<description><![CDATA[<p>R&D &nbsp; stays as written</p>]]></description></item></channel></rss>";

        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(broken), FeedUrl);

        var item = Assert.Single(feed.Items);
        Assert.Equal("Tech & Policy", feed.Title);
        Assert.Equal("AT&T and Apple\u00A0say été — yes", item.Title);
        Assert.Equal("http://news.example/a?x=1&y=2", item.Link.AbsoluteUri);
        Assert.Equal("<p>R&D &nbsp; stays as written</p>", item.Summary);
    }

    [Fact]
    public void Repair_keeps_a_declared_legacy_charset()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var latin = Encoding.GetEncoding("iso-8859-1").GetBytes(
            "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss version=\"2.0\"><channel><title>Éco & co</title><item><title>Déjà</title><link>/d</link></item></channel></rss>");

        var feed = FeedParser.Parse(latin, FeedUrl);

        Assert.Equal("Éco & co", feed.Title);
        Assert.Equal("Déjà", Assert.Single(feed.Items).Title);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"utf-8\"?>")]
    [InlineData("<?xml version=\"1.0\"?>")]
    [InlineData("")]
    public void Windows_1252_bytes_labelled_or_assumed_utf8_come_out_right(string declaration)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var mislabelled = Encoding.GetEncoding(1252).GetBytes(
            declaration + "<rss version=\"2.0\"><channel><title>Économie</title><item><title>« Déjà vu » à l’Élysée – 5 €</title><link>/d</link></item></channel></rss>");

        var feed = FeedParser.Parse(mislabelled, FeedUrl);

        Assert.Equal("Économie", feed.Title);
        Assert.Equal("« Déjà vu » à l’Élysée – 5 €", Assert.Single(feed.Items).Title);
    }

    [Fact]
    public void Valid_utf8_and_declared_legacy_charsets_are_never_recoded()
    {
        var utf8 = Encoding.UTF8.GetBytes("<rss version=\"2.0\"><channel><title>Économie</title></channel></rss>");
        var latin = Encoding.Latin1.GetBytes("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss version=\"2.0\"><channel><title>Économie</title></channel></rss>");

        Assert.Same(utf8, FeedRepair.RecodeMislabelledLegacyBytes(utf8));
        Assert.Same(latin, FeedRepair.RecodeMislabelledLegacyBytes(latin));
    }

    [Theory]
    [InlineData("", "the feed is empty")]
    [InlineData("<!doctype html><html><body><p>Home page</p></body></html>", "an HTML page")]
    [InlineData("<rss version=\"2.0\"><channel><item><title>x</title></item>", "not a readable RSS, Atom or JSON feed")]
    [InlineData("{\"not\": \"a feed\"", "not a readable RSS, Atom or JSON feed")]
    [InlineData("\u0000\u0001binary", "not a readable RSS, Atom or JSON feed")]
    public void Non_feeds_raise_a_clear_parse_error(string content, string expected)
    {
        var error = Assert.Throws<FeedParseException>(() => FeedParser.Parse(Encoding.UTF8.GetBytes(content), FeedUrl));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-18T09:30:00+01:00", "2026-11-18T08:30:00Z")]
    [InlineData("Tue, 18 Nov 2026 09:30:00 +0100", "2026-11-18T08:30:00Z")]
    [InlineData("18 Nov 2026 09:30:00 -0500", "2026-11-18T14:30:00Z")]
    [InlineData("Tue, 18 Nov 2026 09:30:00 GMT", "2026-11-18T09:30:00Z")]
    [InlineData("2026-11-18T09:30:00Z", "2026-11-18T09:30:00Z")]
    public void Dates_keep_their_offset(string raw, string expectedUtc)
    {
        var parsed = FeedParser.ParseDate(raw);

        Assert.NotNull(parsed);
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), parsed!.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    public void Unreadable_dates_are_null(string? raw) => Assert.Null(FeedParser.ParseDate(raw));
}
