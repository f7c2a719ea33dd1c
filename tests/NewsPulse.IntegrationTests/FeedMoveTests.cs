using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsPulse.App.Hosting;
using NewsPulse.App.Ingestion;

namespace NewsPulse.IntegrationTests;

/// <summary>A feed that moved permanently is followed, and the feeds file's old URL keeps pointing at the same feed.</summary>
public sealed class FeedMoveTests : FreshDatabaseTest, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("np-moves-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_permanent_redirect_moves_the_feed_and_reloading_the_old_url_does_not_duplicate_it()
    {
        await using var server = LocalServer.Create();
        server.MapGet("/old.xml", () => Results.Redirect("/new.xml", permanent: true));
        server.MapGet("/new.xml", () => Results.Text(
            "<rss version=\"2.0\"><channel><title>Moved</title><item><title>One</title><link>/one.html</link></item></channel></rss>", "application/rss+xml"));
        await server.StartAsync();
        var baseUrl = new Uri(server.Urls.First() + "/");
        var feedsFile = Path.Combine(_folder, "feeds.yaml");
        await File.WriteAllTextAsync(feedsFile, "feeds:\n  - name: Moving\n    url: old.xml\n");
        await using var app = await AppServices.StartAsync(CancellationToken.None, ConnectionString, AppConfiguration.LocalSampleFetching);
        var pipeline = app.Get<IngestPipeline>();

        var first = await pipeline.RunOnceAsync(new IngestRequest(feedsFile, baseUrl), null, CancellationToken.None);
        var second = await pipeline.RunOnceAsync(new IngestRequest(feedsFile, baseUrl), null, CancellationToken.None);

        Assert.Equal((1, 1), (first.Run.FeedsOk, first.Run.ArticlesNew));
        Assert.Equal((1, 0), (second.Run.FeedsOk, second.Run.ArticlesNew));
        await using var connection = await DataSource.OpenConnectionAsync();
        var feed = await connection.QuerySingleAsync<(string Url, string[] MovedFrom, bool Enabled)>("SELECT url, moved_from, enabled FROM feeds");
        Assert.Equal(new Uri(baseUrl, "new.xml").AbsoluteUri, feed.Url);
        Assert.Equal([new Uri(baseUrl, "old.xml").AbsoluteUri], feed.MovedFrom);
        Assert.True(feed.Enabled);
    }
}
