using System.Net;
using System.Text.Json;
using Dapper;
using NewsPulse.App.Demo;
using NewsPulse.App.Hosting;
using NewsPulse.App.Ingestion;
using NewsPulse.App.Web;
using NewsPulse.Tests;

namespace NewsPulse.IntegrationTests;

/// <summary>The demo's ingest end to end: the sample corpus served by Kestrel, stored in a real PostgreSQL.</summary>
public sealed class DemoIngestTests : FreshDatabaseTest
{
    private static readonly string Samples = RepositoryRoot.Combine("samples");

    private static JsonElement[] Manifest() =>
        Directory.GetFiles(Path.Combine(Samples, "manifest"), "*.jsonl")
            .SelectMany(File.ReadLines)
            .Where(line => line.Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToArray();

    [Fact]
    public async Task Every_sample_article_is_stored_once_and_a_second_run_adds_nothing()
    {
        var manifest = Manifest();
        await using var site = await StaticSiteServer.StartAsync(Samples, 0, CancellationToken.None);
        await using var app = await AppServices.StartAsync(CancellationToken.None, ConnectionString, AppConfiguration.LocalSampleFetching);
        var request = new IngestRequest(Path.Combine(Samples, "feeds.yaml"), site.BaseUrl);

        var first = await app.Get<IngestPipeline>().RunOnceAsync(request, null, CancellationToken.None);
        var second = await app.Get<IngestPipeline>().RunOnceAsync(request, null, CancellationToken.None);

        Assert.True(manifest.Length >= 40, $"the corpus has {manifest.Length} articles");
        Assert.Empty(first.Run.Problems);
        Assert.Equal((4, 0), (first.Run.FeedsOk, first.Run.FeedsFailed));
        Assert.Equal((manifest.Length, 0), (first.Run.ArticlesNew, first.Run.ArticlesDuplicate));
        Assert.Equal((manifest.Length, 0), (first.Run.ArticlesExtracted, first.Run.ArticlesFailed));
        // The unchanged feeds answer the conditional GET with 304 Not Modified: nothing is even parsed.
        Assert.Equal((4, 4, 0, 0), (second.Run.FeedsOk, second.Run.FeedsNotModified, second.Run.ArticlesNew, second.Run.ArticlesDuplicate));
        Assert.Equal(0, first.Run.FeedsNotModified);
        Assert.Equal((0, 0), (second.Run.ArticlesExtracted, second.Run.ArticlesFailed));

        await using var connection = await DataSource.OpenConnectionAsync();
        var stored = (await connection.QueryAsync<(string Title, string Status, string Language, DateTime? PublishedAt, int TextLength)>(
            "SELECT title, status, language, published_at, length(text) FROM articles")).ToArray();
        Assert.Equal(manifest.Length, stored.Length);
        Assert.All(stored, a => Assert.Equal("tagged", a.Status));
        Assert.All(stored, a => Assert.NotNull(a.PublishedAt));
        Assert.All(stored, a => Assert.True(a.TextLength > 1000, $"'{a.Title}' has {a.TextLength} characters of text"));
        Assert.Equal(
            manifest.Select(m => m.GetProperty("title").GetString()).Order(),
            stored.Select(a => a.Title).Order());
        Assert.Equal(
            manifest.Count(m => m.GetProperty("language").GetString() == "fr"),
            stored.Count(a => a.Language == "fr"));
        Assert.Equal(manifest.Length, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM article_html"));
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM ingest_runs"));
        Assert.Equal(4, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM feeds WHERE etag IS NOT NULL AND last_success_at IS NOT NULL"));
        // The sample stories are spread over two weeks: each feed's rate is measured, kept through the 304, and slows its polling.
        var rates = (await connection.QueryAsync<(double? ItemsPerDay, double Minutes, int Declared)>(
            "SELECT items_per_day, extract(epoch FROM next_check_at - last_checked_at) / 60, poll_interval_seconds / 60 FROM feeds")).ToArray();
        Assert.All(rates, r =>
        {
            Assert.InRange(r.ItemsPerDay!.Value, 0.3, 3);
            Assert.InRange(r.Minutes, r.Declared, 24 * 60);
        });
    }

    [Fact]
    public async Task The_web_page_lists_the_latest_articles_and_shows_one()
    {
        await using var site = await StaticSiteServer.StartAsync(Samples, 0, CancellationToken.None);
        await using var app = await AppServices.StartAsync(CancellationToken.None, ConnectionString, AppConfiguration.LocalSampleFetching);
        await app.Get<IngestPipeline>().RunOnceAsync(new IngestRequest(Path.Combine(Samples, "feeds.yaml"), site.BaseUrl), null, CancellationToken.None);
        await using var web = WebServer.Build(ConnectionString, "http://127.0.0.1:0");
        await web.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(web.Urls.First()) };
        await using var connection = await DataSource.OpenConnectionAsync();
        var (id, title) = await connection.QueryFirstAsync<(long, string)>("SELECT id, title FROM articles ORDER BY published_at DESC LIMIT 1");

        var list = await http.GetStringAsync("/");
        var article = await http.GetAsync($"/articles/{id}");
        var missing = await http.GetAsync("/articles/987654321");

        Assert.Contains(title, WebUtility.HtmlDecode(list), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, article.StatusCode);
        var page = await article.Content.ReadAsStringAsync();
        Assert.Contains("<p>", page, StringComparison.Ordinal);
        var company = await connection.ExecuteScalarAsync<string>("SELECT min(value) FROM article_tags WHERE article_id = @id AND kind = 'company'", new { id });
        Assert.Contains($">{WebUtility.HtmlEncode(company)}</a>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        await web.StopAsync();
    }
}
