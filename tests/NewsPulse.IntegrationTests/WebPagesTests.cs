using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.AspNetCore.Builder;
using NewsPulse.App.Hosting;
using NewsPulse.App.Web;
using NewsPulse.Storage.Stores;
using Npgsql;

namespace NewsPulse.IntegrationTests;

/// <summary>
/// A database seeded with a few tagged articles, quotes and a hostile title, and the web front on Kestrel over it,
/// shared by the page tests (they only read).
/// </summary>
public sealed class WebPagesFixture : IAsyncLifetime
{
    public const string Hostile = "<script>alert(1)</script>";

    private string _connectionString = "";
    private WebApplication? _web;

    public Uri BaseAddress { get; private set; } = null!;

    public long HostileArticle { get; private set; }

    public long QuotedArticle { get; private set; }

    public long Speaker { get; private set; }

    public async Task InitializeAsync()
    {
        _connectionString = await TestDatabase.CreateAsync();
        await using (var app = await AppServices.StartAsync(CancellationToken.None, _connectionString))
        {
            await SeedAsync(app.Get<NpgsqlDataSource>(), app.Get<QuoteStore>());
        }

        _web = WebServer.Build(_connectionString, "http://127.0.0.1:0");
        await _web.StartAsync();
        BaseAddress = new Uri(_web.Urls.First());
    }

    public async Task DisposeAsync()
    {
        if (_web is not null)
        {
            await _web.StopAsync();
            await _web.DisposeAsync();
        }

        await TestDatabase.DropAsync(_connectionString);
    }

    private async Task SeedAsync(NpgsqlDataSource dataSource, QuoteStore quotes)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var feed = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO feeds (url, name, language, poll_interval_seconds, source) VALUES ('https://wire.example/feed.xml', 'Example Wire', 'en', 1800, 'test') RETURNING id");
        await connection.ExecuteAsync(
            "INSERT INTO model_versions (version, file_name, trained_at, seed, training_stories, feedback_labels, metrics) VALUES ('test-1', 'test-1.zip', now(), 1, 0, 0, '{}')");

        async Task<long> ArticleAsync(string title, string text, string language, int daysAgo, params (string Kind, string Value, double Confidence)[] tags)
        {
            var id = await connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO articles (feed_id, url, url_hash, title, text, language, published_at, status)
                VALUES (@feed, @url, sha256(convert_to(@url, 'UTF8')), @title, @text, @language, now() - make_interval(days => @daysAgo), 'tagged')
                RETURNING id
                """,
                new { feed, url = $"https://wire.example/{Guid.NewGuid():N}", title, text, language, daysAgo });
            foreach (var (kind, value, confidence) in tags)
            {
                await connection.ExecuteAsync(
                    "INSERT INTO article_tags (article_id, kind, value, confidence, model_version) VALUES (@id, @kind, @value, @confidence, 'test-1')",
                    new { id, kind, value, confidence = (float)confidence });
            }

            return id;
        }

        const string Said = "\"We are doubling output,\" said Jensen Huang, chief executive of Nvidia.";
        QuotedArticle = await ArticleAsync(
            "Nvidia and TSMC expand chip output", $"Chip makers plan more capacity.\n{Said}", "en", 1,
            ("company", "Nvidia", 0.95), ("company", "TSMC", 0.9), ("country", "TW", 0.8), ("country", "US", 0.7), ("theme", "semiconductors", 0.9));
        await ArticleAsync("Nvidia shares climb", "Investors bought the stock.", "en", 3, ("company", "Nvidia", 0.9), ("country", "US", 0.8), ("theme", "markets", 0.8));
        await ArticleAsync("Nvidia annonce une nouvelle puce", "La puce arrive en France.", "fr", 5, ("company", "Nvidia", 0.9), ("country", "FR", 0.9), ("theme", "semiconductors", 0.7));
        HostileArticle = await ArticleAsync($"Alibaba {Hostile} results", $"Cloud revenue grew.\n{Hostile}", "en", 2, ("company", "Alibaba", 0.9), ("country", "CN", 0.9));
        await quotes.ReplaceQuotesAsync(
            QuotedArticle,
            [new QuoteRecord("We are doubling output,", 33, 56, "Jensen Huang", true, "chief executive", "Nvidia", "direct", "said", 0.9, Said)],
            DateTimeOffset.Parse("2026-12-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            CancellationToken.None);
        Speaker = await connection.ExecuteScalarAsync<long>("SELECT id FROM people WHERE name = 'Jensen Huang'");
    }
}

/// <summary>The server-rendered pages: search with facets, article, tag and person pages, UI language, escaping, errors.</summary>
public sealed partial class WebPagesTests(WebPagesFixture site) : IClassFixture<WebPagesFixture>, IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = site.BaseAddress };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task The_search_page_lists_matches_with_facet_counts_that_add_a_filter()
    {
        var response = await _http.GetAsync("/?company=nvidia");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nvidia and TSMC expand chip output", page, StringComparison.Ordinal);
        Assert.Contains("Nvidia annonce une nouvelle puce", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Alibaba", page, StringComparison.Ordinal);
        Assert.Equal("3", FacetCount(page, "/", "<strong>Nvidia</strong> ✕"));
        Assert.Equal("1", FacetCount(page, "/?company=nvidia&amp;company=TSMC", "TSMC"));
        Assert.Equal("2", FacetCount(page, "/?company=nvidia&amp;country=US", "United States"));
        Assert.Equal("2", FacetCount(page, "/?company=nvidia&amp;theme=semiconductors", "Semiconductors"));
        Assert.Contains("script-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Pages_follow_next_page_links_to_the_end()
    {
        var titles = new List<string>();
        string? next = "/?limit=3";
        var pages = 0;
        while (next is not null)
        {
            var page = await _http.GetStringAsync(next);
            pages++;
            titles.AddRange(ResultTitles().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
            next = NextLink().Match(page) is { Success: true } link ? WebUtility.HtmlDecode(link.Groups[1].Value) : null;
        }

        Assert.Equal(2, pages);
        Assert.Equal(4, titles.Distinct().Count());
        Assert.Equal("Nvidia and TSMC expand chip output", titles[0]);
    }

    [Fact]
    public async Task The_UI_speaks_French_when_asked_and_remembers_it()
    {
        var french = await _http.GetAsync("/?lang=fr");
        var frenchPage = await french.Content.ReadAsStringAsync();
        var remembered = await _http.GetStringAsync("/feeds");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/subscribe");
        request.Headers.AcceptLanguage.ParseAdd("fr-CA, en;q=0.5");
        using var fresh = new HttpClient { BaseAddress = site.BaseAddress };
        var byHeader = await (await fresh.SendAsync(request)).Content.ReadAsStringAsync();
        var english = await fresh.GetStringAsync("/");

        Assert.Contains("<html lang=\"fr\">", frenchPage, StringComparison.Ordinal);
        Assert.Contains("Rechercher dans l’actualité", frenchPage, StringComparison.Ordinal);
        Assert.Contains("Entreprise", frenchPage, StringComparison.Ordinal);
        Assert.Contains("np_lang=fr", french.Headers.GetValues("Set-Cookie").Single(), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\">", remembered, StringComparison.Ordinal);
        Assert.Contains("État des flux", remembered, StringComparison.Ordinal);
        Assert.Contains("Résumé quotidien", byHeader, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("Search the news", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_company_page_charts_ninety_days_and_links_co_mentioned_companies_and_countries()
    {
        var page = await _http.GetStringAsync("/companies/Nvidia");
        var byAlias = await _http.GetAsync("/companies/nvidia%20corporation");

        Assert.Contains("role=\"img\"", page, StringComparison.Ordinal);
        Assert.Contains("<title id=\"volume-title\">", page, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"volume-desc\">", page, StringComparison.Ordinal);
        Assert.Equal(90, BarCount().Count(page));
        Assert.Contains("<a href=\"/companies/TSMC\">TSMC</a>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/countries/US\">United States</a>", page, StringComparison.Ordinal);
        Assert.Contains("Nvidia shares climb", page, StringComparison.Ordinal);
        Assert.Equal("/companies/Nvidia", byAlias.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/countries/fr")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/themes/semiconductors")).StatusCode);
    }

    [Fact]
    public async Task The_article_and_person_pages_link_each_other_and_offer_the_CSV_export()
    {
        var article = await _http.GetStringAsync($"/articles/{site.QuotedArticle}");
        var person = await _http.GetStringAsync($"/people/{site.Speaker}");
        var people = await _http.GetStringAsync("/people?q=huang");
        var csv = await _http.GetAsync($"/api/people/{site.Speaker}/quotes?format=csv");

        Assert.Contains($"<a href=\"/people/{site.Speaker}\">Jensen Huang</a>", article, StringComparison.Ordinal);
        Assert.Contains("<blockquote lang=\"en\">We are doubling output,</blockquote>", article, StringComparison.Ordinal);
        Assert.Contains("confidence 0.95", article, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/people/{site.Speaker}/quotes?format=csv\" download=", person, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/articles/{site.QuotedArticle}\" lang=\"en\">Nvidia and TSMC expand chip output</a>", person, StringComparison.Ordinal);
        Assert.Contains("chief executive, Nvidia", person, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/people/{site.Speaker}\">Jensen Huang</a>", people, StringComparison.Ordinal);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Markup_in_stored_text_is_shown_as_text_never_run()
    {
        var article = await _http.GetStringAsync($"/articles/{site.HostileArticle}");
        var results = await _http.GetStringAsync("/?company=Alibaba");

        foreach (var page in new[] { article, results })
        {
            Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Unknown_addresses_answer_404_pages_and_bad_input_400_with_the_reason()
    {
        foreach (var path in new[] { "/articles/987654", "/articles/abc", "/people/987654", "/companies/No%20Such%20Company", "/countries/XX", "/themes/sports" })
        {
            var response = await _http.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("<h1>Not found</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        foreach (var (query, reason) in new[]
        {
            ("from=yesterday", "From: &quot;yesterday&quot; is not a date"), ("to=2026-13-45", "Before: &quot;2026-13-45&quot; is not a date"),
            ("company=Atlantis%20Corp", "&quot;Atlantis Corp&quot; is not a company"), ("sort=relevance", "Sorting by relevance needs words"),
            ("cursor=bm90IGEgY3Vyc29y", "next-page link is out of date"),
        })
        {
            var response = await _http.GetAsync($"/?{query}");
            var page = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("role=\"alert\"", page, StringComparison.Ordinal);
            Assert.Contains(reason, page, StringComparison.Ordinal);
        }

        var badDate = await (await _http.GetAsync("/?from=yesterday")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"from\" name=\"from\" type=\"date\" value=\"yesterday\" aria-invalid=\"true\"", badDate, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_feed_and_subscribe_pages_share_the_layout_and_label_every_field()
    {
        var feeds = await _http.GetStringAsync("/feeds");
        var subscribe = await _http.GetStringAsync("/subscribe");
        var stylesheet = StylesheetLink().Match(subscribe).Groups[1].Value;
        var css = await _http.GetAsync(stylesheet);

        Assert.Contains("Example Wire", feeds, StringComparison.Ordinal);
        Assert.Contains("<form class=\"subscribe\" method=\"post\" action=\"/subscribe\"", subscribe, StringComparison.Ordinal);
        foreach (var field in new[] { "email", "companies", "countries", "people", "keywords", "send_hour", "time_zone", "max_stories" })
        {
            Assert.Contains($"<label for=\"{field}\">", subscribe, StringComparison.Ordinal);
            Assert.Contains($"id=\"{field}\" name=\"{field}\"", subscribe, StringComparison.Ordinal);
        }

        foreach (var page in new[] { feeds, subscribe })
        {
            Assert.Contains("<header>", page, StringComparison.Ordinal);
            Assert.Contains("<main id=\"main\">", page, StringComparison.Ordinal);
            Assert.Contains("<a href=\"/subscribe\"", page, StringComparison.Ordinal);
        }

        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        Assert.Contains("@media", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The count beside a facet link, or null when the page has no such link.</summary>
    private static string? FacetCount(string page, string href, string label) =>
        Regex.Match(page, $"<a href=\"{Regex.Escape(href)}\"[^>]*>{Regex.Escape(label)}</a>\\s*<span class=\"count\">(\\d+)</span>") is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex("<h3 lang=\"[a-z]+\"><a href=\"/articles/\\d+\">([^<]*)</a>")]
    private static partial Regex ResultTitles();

    [GeneratedRegex("<a rel=\"next\" href=\"([^\"]+)\"")]
    private static partial Regex NextLink();

    [GeneratedRegex("<rect class=\"bar\"")]
    private static partial Regex BarCount();

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex StylesheetLink();
}
