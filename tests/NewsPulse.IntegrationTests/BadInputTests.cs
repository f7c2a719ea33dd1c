using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Dapper;
using NewsPulse.App.Demo;
using NewsPulse.App.Hosting;
using NewsPulse.App.Ingestion;
using NewsPulse.App.Web;
using NewsPulse.Storage.Stores;

namespace NewsPulse.IntegrationTests;

/// <summary>
/// Broken feeds, missing pages, pages that are not articles and a bad feeds-file entry, all in one run against
/// a real local server: each is reported with its reason, in the summary and in the database, and the rest goes on.
/// </summary>
public sealed class BadInputTests : FreshDatabaseTest, IDisposable
{
    private static readonly string Site = Path.Combine(AppContext.BaseDirectory, "testdata", "bad-site");
    private readonly string _workFolder = Directory.CreateTempSubdirectory("np-bad-input-").FullName;

    public void Dispose() => Directory.Delete(_workFolder, recursive: true);

    [Fact]
    public async Task Every_failure_is_recorded_with_its_reason_and_the_run_goes_on()
    {
        await using var site = await StaticSiteServer.StartAsync(Site, 0, CancellationToken.None);
        var unreachable = $"http://127.0.0.1:{ClosedPort().ToString(CultureInfo.InvariantCulture)}/feed.xml";
        var feedsFile = WriteFeedsFile(File.ReadAllText(Path.Combine(Site, "feeds.yaml")) + $"  - name: Nobody listening\n    url: {unreachable}\n");
        await using var app = await AppServices.StartAsync(CancellationToken.None, ConnectionString, AppConfiguration.LocalSampleFetching);

        var summary = await app.Get<IngestPipeline>().RunOnceAsync(new IngestRequest(feedsFile, site.BaseUrl), null, CancellationToken.None);

        Assert.Equal((1, 3), (summary.Run.FeedsOk, summary.Run.FeedsFailed));
        Assert.Equal((4, 1), (summary.Run.ArticlesNew, summary.Run.ArticlesDuplicate));
        Assert.Equal((1, 3), (summary.Run.ArticlesExtracted, summary.Run.ArticlesFailed));
        Assert.Contains(summary.Run.Problems, p => p.Kind == "feeds-file" && p.Subject.EndsWith(":10", StringComparison.Ordinal) && p.Reason.Contains("'interval'", StringComparison.Ordinal));
        Assert.Contains(summary.Run.Problems, p => p.Kind == "feed" && p.Subject.EndsWith("not-a-feed.html", StringComparison.Ordinal) && p.Reason.Contains("an HTML page", StringComparison.Ordinal));
        Assert.Contains(summary.Run.Problems, p => p.Kind == "feed" && p.Subject.EndsWith("gone.xml", StringComparison.Ordinal) && p.Reason == "HTTP 404 Not Found");
        Assert.Contains(summary.Run.Problems, p => p.Kind == "feed" && p.Subject == unreachable && p.Reason.StartsWith("request failed: could not connect", StringComparison.Ordinal));
        Assert.Contains(summary.Run.Problems, p => p.Kind == "page" && p.Subject.EndsWith("gone.html", StringComparison.Ordinal) && p.Reason == "HTTP 404 Not Found");
        Assert.Contains(summary.Run.Problems, p => p.Kind == "page" && p.Subject.EndsWith("section-front.html", StringComparison.Ordinal) && p.Reason.StartsWith("not an article", StringComparison.Ordinal));
        Assert.Contains(summary.Run.Problems, p => p.Kind == "page" && p.Subject.EndsWith("chart.png", StringComparison.Ordinal) && p.Reason.StartsWith("not an HTML page", StringComparison.Ordinal));

        await using var connection = await DataSource.OpenConnectionAsync();
        var feeds = (await connection.QueryAsync<(string Name, int ErrorCount, string? LastError)>("SELECT name, error_count, last_error FROM feeds")).ToDictionary(f => f.Name);
        Assert.Equal(4, feeds.Count);
        Assert.Equal((0, (string?)null), (feeds["Mixed results"].ErrorCount, feeds["Mixed results"].LastError));
        Assert.All(new[] { "Home page instead of a feed", "Feed that is gone", "Nobody listening" }, name =>
        {
            Assert.Equal(1, feeds[name].ErrorCount);
            Assert.False(string.IsNullOrEmpty(feeds[name].LastError));
        });
        var schedule = (await connection.QueryAsync<(string Name, double Minutes, int? Status)>(
            "SELECT name, extract(epoch FROM next_check_at - last_checked_at) / 60, last_http_status FROM feeds")).ToDictionary(f => f.Name);
        Assert.Equal((30.0, (int?)200), (schedule["Mixed results"].Minutes, schedule["Mixed results"].Status));
        Assert.Equal(404, schedule["Feed that is gone"].Status);
        Assert.Null(schedule["Nobody listening"].Status);
        Assert.All(new[] { "Home page instead of a feed", "Feed that is gone", "Nobody listening" }, name =>
            Assert.InRange(schedule[name].Minutes, 30 * (1 - 0.2), 30 * (1 + 0.2)));
        var articles = (await connection.QueryAsync<(string Url, string Status, string? LastError)>("SELECT url, status, last_error FROM articles")).ToArray();
        Assert.Single(articles, a => a.Status == "tagged");
        Assert.Equal(3, articles.Count(a => a.Status == "failed" && !string.IsNullOrEmpty(a.LastError)));
        var runProblems = await app.Get<IngestRunStore>().ProblemsAsync(summary.RunId!.Value, CancellationToken.None);
        Assert.Equal(summary.Run.Problems, runProblems);
    }

    [Fact]
    public async Task Without_allowing_private_networks_local_feeds_are_refused_and_recorded()
    {
        await using var site = await StaticSiteServer.StartAsync(Site, 0, CancellationToken.None);
        var feedsFile = WriteFeedsFile("feeds:\n  - name: Mixed results\n    url: feeds/mixed.rss.xml\n");
        await using var app = await AppServices.StartAsync(CancellationToken.None, ConnectionString);

        var summary = await app.Get<IngestPipeline>().RunOnceAsync(new IngestRequest(feedsFile, site.BaseUrl), null, CancellationToken.None);

        Assert.Equal((0, 1, 0), (summary.Run.FeedsOk, summary.Run.FeedsFailed, summary.Run.ArticlesNew));
        var problem = Assert.Single(summary.Run.Problems);
        Assert.StartsWith("refused: 127.0.0.1 resolves to a local or private address", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_in_article_text_is_shown_as_text_never_run()
    {
        await using var site = await StaticSiteServer.StartAsync(Site, 0, CancellationToken.None);
        var feedsFile = WriteFeedsFile("feeds:\n  - name: Mixed results\n    url: feeds/mixed.rss.xml\n");
        await using var app = await AppServices.StartAsync(CancellationToken.None, ConnectionString, AppConfiguration.LocalSampleFetching);
        await app.Get<IngestPipeline>().RunOnceAsync(new IngestRequest(feedsFile, site.BaseUrl), null, CancellationToken.None);
        await using var connection = await DataSource.OpenConnectionAsync();
        var (id, text) = await connection.QuerySingleAsync<(long, string)>("SELECT id, text FROM articles WHERE status = 'tagged'");
        await using var web = WebServer.Build(ConnectionString, "http://127.0.0.1:0");
        await web.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(web.Urls.First()) };

        var page = await http.GetStringAsync($"/articles/{id}");

        Assert.Contains("<script>alert(\"owned\")</script>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
        await web.StopAsync();
    }

    [Fact]
    public async Task Feed_health_is_served_as_json_and_as_a_page_with_each_failure_and_its_reason()
    {
        await using var site = await StaticSiteServer.StartAsync(Site, 0, CancellationToken.None);
        var feedsFile = WriteFeedsFile("feeds:\n  - name: Mixed results\n    url: feeds/mixed.rss.xml\n  - name: Feed that is gone\n    url: feeds/gone.xml\n");
        await using var app = await AppServices.StartAsync(CancellationToken.None, ConnectionString, AppConfiguration.LocalSampleFetching);
        await app.Get<IngestPipeline>().RunOnceAsync(new IngestRequest(feedsFile, site.BaseUrl, ProcessPages: false), null, CancellationToken.None);
        await using var web = WebServer.Build(ConnectionString, "http://127.0.0.1:0");
        await web.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(web.Urls.First()) };

        using var json = JsonDocument.Parse(await http.GetStringAsync("/api/feeds"));
        var page = await http.GetStringAsync("/feeds");

        var feeds = json.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        var gone = feeds["Feed that is gone"];
        Assert.Equal("failing", gone.GetProperty("state").GetString());
        Assert.Equal(1, gone.GetProperty("error_count").GetInt32());
        Assert.Equal("HTTP 404 Not Found", gone.GetProperty("last_error").GetString());
        Assert.Equal(JsonValueKind.Null, gone.GetProperty("last_success_at").ValueKind);
        Assert.True(gone.GetProperty("next_check_at").GetDateTimeOffset() > DateTimeOffset.UnixEpoch);
        var healthy = feeds["Mixed results"];
        Assert.Equal("ok", healthy.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.String, healthy.GetProperty("last_success_at").ValueKind);
        Assert.Contains("<tr class=\"failing\">", page, StringComparison.Ordinal);
        Assert.Contains("HTTP 404 Not Found", page, StringComparison.Ordinal);
        await web.StopAsync();
    }

    [Fact]
    public async Task A_feeds_file_with_errors_disables_nothing_and_a_fixed_one_disables_what_it_dropped()
    {
        await using var site = await StaticSiteServer.StartAsync(Site, 0, CancellationToken.None);
        await using var app = await AppServices.StartAsync(CancellationToken.None, ConnectionString, AppConfiguration.LocalSampleFetching);
        var pipeline = app.Get<IngestPipeline>();
        var path = WriteFeedsFile("feeds:\n  - name: Mixed results\n    url: feeds/mixed.rss.xml\n  - name: Gone\n    url: feeds/gone.xml\n");
        await pipeline.RunOnceAsync(new IngestRequest(path, site.BaseUrl), null, CancellationToken.None);

        WriteFeedsFile("feeds:\n  - name: Mixed results\n    url: feeds/mixed.rss.xml\n  - name: Typo\n    ulr: feeds/x.xml\n");
        await pipeline.RunOnceAsync(new IngestRequest(path, site.BaseUrl), null, CancellationToken.None);
        var afterBrokenFile = await EnabledFeedNamesAsync();
        WriteFeedsFile("feeds:\n  - name: Mixed results\n    url: feeds/mixed.rss.xml\n");
        await pipeline.RunOnceAsync(new IngestRequest(path, site.BaseUrl), null, CancellationToken.None);
        var afterFixedFile = await EnabledFeedNamesAsync();

        Assert.Equal(["Gone", "Mixed results"], afterBrokenFile);
        Assert.Equal(["Mixed results"], afterFixedFile);
        await using var connection = await DataSource.OpenConnectionAsync();
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM feeds"));
    }

    private async Task<string[]> EnabledFeedNamesAsync()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<string>("SELECT name FROM feeds WHERE enabled ORDER BY name")).ToArray();
    }

    private string WriteFeedsFile(string yaml)
    {
        var path = Path.Combine(_workFolder, "feeds.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
