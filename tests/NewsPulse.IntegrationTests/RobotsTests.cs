using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsPulse.App.Demo;
using NewsPulse.App.Hosting;
using NewsPulse.App.Ingestion;

namespace NewsPulse.IntegrationTests;

/// <summary>robots.txt decides which article pages are fetched; an unreachable one makes pages wait, never fail.</summary>
public sealed class RobotsTests : FreshDatabaseTest, IDisposable
{
    private const string Feed = """
        <?xml version="1.0"?>
        <rss version="2.0"><channel><title>Robots</title>
          <item><title>Open</title><link>/open/story.html</link></item>
          <item><title>Private to others</title><link>/private/story.html</link></item>
          <item><title>Members only</title><link>/members/story.html</link></item>
        </channel></rss>
        """;

    private readonly string _site = Directory.CreateTempSubdirectory("np-robots-").FullName;

    public void Dispose() => Directory.Delete(_site, recursive: true);

    private static string Page(string title) =>
        $"<html lang=\"en\"><body><article><h1>{title}</h1>" + string.Concat(Enumerable.Repeat("<p>Markets moved on the news as investors weighed the central bank's next steps and the outlook.</p>", 4)) + "</article></body></html>";

    [Fact]
    public async Task Pages_our_group_disallows_fail_with_the_reason_and_the_rest_are_fetched()
    {
        foreach (var folder in new[] { "open", "private", "members" })
        {
            Directory.CreateDirectory(Path.Combine(_site, folder));
            await File.WriteAllTextAsync(Path.Combine(_site, folder, "story.html"), Page(folder));
        }

        await File.WriteAllTextAsync(Path.Combine(_site, "feed.xml"), Feed);
        await File.WriteAllTextAsync(Path.Combine(_site, "robots.txt"), "User-agent: *\nDisallow: /private/\n\nUser-agent: NewsPulse\nDisallow: /members/\n");
        await File.WriteAllTextAsync(Path.Combine(_site, "feeds.yaml"), "feeds:\n  - name: Robots\n    url: feed.xml\n");
        await using var site = await StaticSiteServer.StartAsync(_site, 0, CancellationToken.None);
        await using var app = await AppServices.StartAsync(CancellationToken.None, ConnectionString, AppConfiguration.LocalSampleFetching);

        var summary = await app.Get<IngestPipeline>().RunOnceAsync(new IngestRequest(Path.Combine(_site, "feeds.yaml"), site.BaseUrl), null, CancellationToken.None);

        Assert.Equal((2, 1), (summary.Run.ArticlesExtracted, summary.Run.ArticlesFailed));
        var problem = Assert.Single(summary.Run.Problems);
        Assert.EndsWith("/members/story.html", problem.Subject, StringComparison.Ordinal);
        Assert.StartsWith("blocked by http://127.0.0.1:", problem.Reason, StringComparison.Ordinal);
        Assert.EndsWith("/robots.txt", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_robots_txt_defers_pages_without_failing_them()
    {
        await using var server = LocalServer.Create();
        server.MapGet("/robots.txt", () => Results.StatusCode(503));
        server.MapGet("/feed.xml", () => Results.Text(Feed, "application/rss+xml"));
        server.MapGet("/{folder}/story.html", (string folder) => Results.Text(Page(folder), "text/html"));
        await server.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(_site, "feeds.yaml"), "feeds:\n  - name: Robots\n    url: feed.xml\n");
        await using var app = await AppServices.StartAsync(CancellationToken.None, ConnectionString, AppConfiguration.LocalSampleFetching);

        var summary = await app.Get<IngestPipeline>().RunOnceAsync(new IngestRequest(Path.Combine(_site, "feeds.yaml"), new Uri(server.Urls.First() + "/")), null, CancellationToken.None);

        Assert.Equal((3, 0, 0), (summary.Run.ArticlesNew, summary.Run.ArticlesExtracted, summary.Run.ArticlesFailed));
        Assert.Equal(3, summary.Run.Problems.Count(p => p.Kind == "page-deferred" && p.Reason.Contains("unreachable (HTTP 503", StringComparison.Ordinal)));
        await using var connection = await DataSource.OpenConnectionAsync();
        var waiting = await connection.QueryAsync<(string Status, bool Leased)>("SELECT status, lease_until > now() + interval '50 minutes' FROM articles");
        Assert.All(waiting, a => Assert.Equal(("discovered", true), a));
    }
}
