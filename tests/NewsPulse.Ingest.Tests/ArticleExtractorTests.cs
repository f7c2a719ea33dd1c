using System.Text.Json;
using System.Text.RegularExpressions;
using NewsPulse.Ingest.Extraction;
using NewsPulse.Tests;

namespace NewsPulse.Ingest.Tests;

public partial class ArticleExtractorTests
{
    private readonly ArticleExtractor _extractor = new();

    public static TheoryData<string> SamplePages()
    {
        var data = new TheoryData<string>();
        foreach (var manifest in Directory.GetFiles(RepositoryRoot.Combine("samples", "manifest"), "*.jsonl").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(manifest).Where(l => l.Length > 0))
            {
                data.Add(line);
            }
        }

        return data;
    }

    /// <summary>The corpus manifests were written with the pages; extraction must agree with them on every page.</summary>
    [Theory]
    [MemberData(nameof(SamplePages))]
    public void Sample_pages_yield_their_manifest_metadata_and_every_quote(string manifestLine)
    {
        using var expected = JsonDocument.Parse(manifestLine);
        var root = expected.RootElement;
        var path = root.GetProperty("path").GetString()!;
        var html = HtmlDecoder.Decode(File.ReadAllBytes(RepositoryRoot.Combine("samples", path.TrimStart('/'))), "text/html");

        var result = _extractor.Extract(html, new Uri("http://127.0.0.1:8080" + path));

        var article = Assert.IsType<NewsPulse.Domain.ExtractedArticle>(result.Article);
        Assert.Equal(root.GetProperty("title").GetString(), article.Title);
        Assert.Equal(DateTimeOffset.Parse(root.GetProperty("published").GetString()!, System.Globalization.CultureInfo.InvariantCulture), article.PublishedAt);
        Assert.Equal(root.GetProperty("language").GetString(), article.Language);
        Assert.Equal(root.GetProperty("authors").EnumerateArray().Select(a => a.GetString()!).Order(), article.Authors.Order());
        var text = Comparable(article.Text);
        foreach (var quote in root.GetProperty("quotes").EnumerateArray().Where(q => q.GetProperty("kind").GetString() == "direct"))
        {
            Assert.Contains(Comparable(quote.GetProperty("text").GetString()!), text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Advertisement", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("cookie", article.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains('\n', article.Text);
    }

    [Fact]
    public void Json_ld_headline_dates_and_authors_win_over_the_page_title()
    {
        const string html = """
            <html lang="en-GB"><head><title>Shortened | Daily Site</title>
            <link rel="canonical" href="/2026/story">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Daily"},
              {"@type":["NewsArticle"],"headline":"Full headline","datePublished":"2026-11-20T10:00:00-05:00",
               "author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chan"}],"publisher":{"name":"Daily Site"}}]}</script>
            </head><body><article><p>This first paragraph is long enough to count as article text for the extractor here.</p>
            <p>And a second paragraph, also long enough, keeps the article above its minimum length so it is an article.</p>
            <p>A third paragraph adds a little more body so that the text comes to well over two hundred and fifty characters.</p></article></body></html>
            """;

        var article = _extractor.Extract(html, new Uri("https://daily.example/x?utm=1")).Article!;

        Assert.Equal("Full headline", article.Title);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(-5)), article.PublishedAt);
        Assert.Equal(["Ann Lee", "Bo Chan"], article.Authors);
        Assert.Equal("en", article.Language);
        Assert.Equal("Daily Site", article.SiteName);
        Assert.Equal("https://daily.example/2026/story", article.CanonicalUrl!.AbsoluteUri);
        Assert.Equal(3, article.Text.Split('\n').Length);
    }

    [Fact]
    public void A_french_page_with_open_graph_a_time_element_and_a_byline_gives_every_field()
    {
        const string html = """
            <html lang="fr"><head><title>La BCE maintient ses taux — Le Fil Éco</title>
            <meta property="og:site_name" content="Le Fil Éco"><meta property="og:image" content="/img/bce.jpg">
            <meta name="description" content="Francfort garde le cap malgré le ralentissement.">
            <link rel="canonical" href="https://fil-eco.example/2026/11/03/bce-taux"></head>
            <body><header><h1>La BCE maintient ses taux</h1><p class="byline">Par Claire Martin</p>
            <time datetime="2026-11-03T08:15:00+01:00">3 novembre 2026</time></header>
            <article><p>La Banque centrale européenne a laissé jeudi ses taux directeurs inchangés, comme l’attendaient les marchés.</p>
            <p>« Nous restons attentifs », a déclaré sa présidente, selon qui l’inflation devrait revenir vers 2 % l’an prochain.</p>
            <p>Les économistes interrogés estiment qu’une baisse pourrait intervenir au printemps si la croissance continue de ralentir.</p></article></body></html>
            """;

        var article = _extractor.Extract(html, new Uri("https://fil-eco.example/2026/11/03/bce-taux?utm_source=rss")).Article!;

        Assert.Equal("La BCE maintient ses taux", article.Title);
        Assert.Equal(["Claire Martin"], article.Authors);
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 8, 15, 0, TimeSpan.FromHours(1)), article.PublishedAt);
        Assert.Equal(TimeSpan.FromHours(1), article.PublishedAt!.Value.Offset);
        Assert.Equal("fr", article.Language);
        Assert.Equal("Le Fil Éco", article.SiteName);
        Assert.Equal("Francfort garde le cap malgré le ralentissement.", article.Description);
        Assert.Equal("https://fil-eco.example/img/bce.jpg", article.Image!.AbsoluteUri);
        Assert.Equal("https://fil-eco.example/2026/11/03/bce-taux", article.CanonicalUrl!.AbsoluteUri);
        Assert.DoesNotContain("Claire Martin", article.Text, StringComparison.Ordinal);
        Assert.StartsWith("La Banque centrale européenne", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_english_page_with_microdata_and_a_json_ld_image_object_gives_every_field()
    {
        const string html = """
            <html lang="en"><head><title>Chipmaker beats forecasts | Market Wire</title>
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Chipmaker beats forecasts as AI demand surges",
              "image":[{"@type":"ImageObject","url":"https://cdn.example/chip.png"}]}</script></head>
            <body><article itemscope itemtype="https://schema.org/NewsArticle">
            <div class="meta">By <span itemprop="author" itemscope><span itemprop="name">Dana Whitfield</span></span>
            <time itemprop="datePublished" datetime="2026-11-20T21:05:00-05:00">Nov 20</time>
            <meta itemprop="dateModified" content="2026-11-21T09:30:00Z"></div>
            <div itemprop="articleBody"><p>Shares of the chipmaker rose 9% in after-hours trading after it reported quarterly revenue well above estimates.</p>
            <p>The company said demand for its accelerators, used to train large AI models, would keep growing through next year.</p>
            <p>Analysts cautioned that export limits could weigh on sales in China, which accounted for a fifth of revenue.</p></div></article></body></html>
            """;

        var article = _extractor.Extract(html, new Uri("https://wire.example/markets/chip")).Article!;

        Assert.Equal("Chipmaker beats forecasts as AI demand surges", article.Title);
        Assert.Equal(["Dana Whitfield"], article.Authors);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 21, 5, 0, TimeSpan.FromHours(-5)), article.PublishedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 9, 30, 0, TimeSpan.Zero), article.ModifiedAt);
        Assert.Equal("https://cdn.example/chip.png", article.Image!.AbsoluteUri);
        Assert.Equal("en", article.Language);
        Assert.Equal(3, article.Text.Split('\n').Length);
    }

    [Theory]
    [InlineData("https://news.example/2019/11/18/keyboard-story", 2019, 11, 18)]
    [InlineData("https://news.example/politique/2024-02-29-budget.html", 2024, 2, 29)]
    [InlineData("https://news.example/world/20230705/heatwave", 2023, 7, 5)]
    public void A_page_without_a_stated_date_takes_the_date_in_its_url(string url, int year, int month, int day)
    {
        var html = "<html><body><article>" + string.Concat(Enumerable.Repeat("<p>Officials said the new rules would apply to every company operating in the sector, large or small.</p>", 4)) + "</article></body></html>";

        Assert.Equal(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero), _extractor.Extract(html, new Uri(url)).Article!.PublishedAt);
    }

    [Fact]
    public void Numbers_in_a_url_that_are_not_a_date_give_no_date()
    {
        var html = "<html><body><article>" + string.Concat(Enumerable.Repeat("<p>Officials said the new rules would apply to every company operating in the sector, large or small.</p>", 4)) + "</article></body></html>";

        Assert.Null(_extractor.Extract(html, new Uri("https://news.example/story/20231345/x")).Article!.PublishedAt);
    }

    [Fact]
    public void Title_falls_back_to_the_document_title_without_the_site_name()
    {
        var html = "<html><head><title>Chip stocks rally on export news - MarketDesk</title></head><body><div>"
            + string.Concat(Enumerable.Repeat("<p>Shares of chip makers rose sharply on Tuesday after the announcement of new rules.</p>", 4))
            + "</div></body></html>";

        Assert.Equal("Chip stocks rally on export news", _extractor.Extract(html, new Uri("http://x.example/")).Article!.Title);
    }

    [Theory]
    [InlineData("<html><body><nav><a href='/a'>Home</a><a href='/b'>World</a></nav><h1>Welcome</h1><ul><li><a href='/1'>Story one</a></li></ul></body></html>")]
    [InlineData("<html><body><p>Page not found.</p></body></html>")]
    [InlineData("<html><body><form><input name=user><input type=password></form><p>Please sign in to continue reading.</p></body></html>")]
    public void Pages_without_article_text_are_not_articles(string html)
    {
        var result = _extractor.Extract(html, new Uri("http://x.example/"));

        Assert.Null(result.Article);
        Assert.StartsWith("no article text found", result.NotAnArticleReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Link_lists_and_boilerplate_blocks_are_left_out()
    {
        var body = string.Concat(Enumerable.Repeat("<p>The central bank kept its main rate unchanged, citing slowing inflation across the euro area.</p>", 3));
        var html = $"""
            <html><body>
            <div class="cookie-banner"><p>We use cookies to improve your experience on this website, accept them all?</p></div>
            <div id="story">{body}<p><a href="/1">Read more: a related link that is long enough to be a paragraph</a></p></div>
            <section class="related-stories"><p>Related: another story about rates that should not be in the article.</p></section>
            </body></html>
            """;

        var text = _extractor.Extract(html, new Uri("http://x.example/")).Article!.Text;

        Assert.Equal(3, text.Split('\n').Length);
        Assert.DoesNotContain("cookies", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Related", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Le gouvernement a présenté mercredi un projet de loi sur le numérique, qui prévoit de nouvelles obligations pour les plateformes. Selon le ministre, « les règles entreront en vigueur dès l’an prochain ». Les entreprises auront six mois pour se mettre en conformité, et les sanctions pourront atteindre 4 % du chiffre d’affaires.", "fr")]
    [InlineData("fr", "The government unveiled a bill on Wednesday that would impose new obligations on online platforms. According to the minister, the rules will take effect early next year, and companies will have six months to comply before fines of up to four percent of revenue can be imposed.", "en")]
    public void When_the_declared_language_disagrees_with_the_text_the_text_wins(string declared, string paragraph, string expected)
    {
        var html = $"<html lang=\"{declared}\"><body><article><p>{paragraph}</p><p>{paragraph}</p></article></body></html>";

        Assert.Equal(expected, _extractor.Extract(html, new Uri("http://x.example/")).Article!.Language);
    }

    [Fact]
    public void Too_little_text_to_tell_keeps_the_declared_language()
    {
        Assert.Null(LanguageSamples.Identifier.Identify("Oui, non."));
        Assert.Equal("ja", LanguageSamples.Identifier.Identify("日本銀行は金融政策決定会合で、短期金利の誘導目標を据え置くことを決めた。市場では追加利上げの時期をめぐる観測が続いている。"));
        Assert.Equal("zh", LanguageSamples.Identifier.Identify("中国人民银行周三宣布下调存款准备金率，以支持实体经济发展，市场普遍认为此举将释放长期流动性。"));
    }

    [Fact]
    public void No_break_spaces_of_french_typography_survive_whitespace_normalisation()
    {
        Assert.Equal("«\u00A0Oui\u202F», dit-il\u00A0: non", ArticleExtractor.NormalizeWhitespace("  «\u00A0Oui\u202F»,\n\t dit-il\u00A0: non  "));
        Assert.Equal("a b c", ArticleExtractor.NormalizeWhitespace(" a \r\n b\u200B c "));
    }

    /// <summary>Quotes are compared on their words: marks, paragraph breaks and the kind of space do not matter.</summary>
    private static string Comparable(string text) => Spaces().Replace(text.Replace('«', ' ').Replace('»', ' ').Replace('\u00A0', ' ').Replace('\u202F', ' '), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
