using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NewsPulse.App.Hosting;
using NewsPulse.App.Ingestion;
using NewsPulse.Ingest.Feeds;
using NewsPulse.Storage.Stores;

namespace NewsPulse.IntegrationTests;

/// <summary>Two NewsPulse processes on one database share the work: no feed and no page is fetched twice in a cycle.</summary>
public sealed class TwoNodeTests : FreshDatabaseTest, IDisposable
{
    private const int Feeds = 24;
    private const int ItemsPerFeed = 3;
    private readonly string _folder = Directory.CreateTempSubdirectory("np-two-nodes-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Two_concurrent_cycles_poll_each_due_feed_and_fetch_each_page_exactly_once()
    {
        var requests = new ConcurrentDictionary<string, int>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var server = builder.Build();
        server.Use(async (context, next) =>
        {
            requests.AddOrUpdate(context.Request.Path.Value!, 1, (_, n) => n + 1);
            await next(context);
        });
        server.MapGet("/feed/{f:int}.xml", (int f) => Results.Text(
            "<rss version=\"2.0\"><channel><title>Feed</title>"
            + string.Concat(Enumerable.Range(0, ItemsPerFeed).Select(i => $"<item><title>Story {f}-{i}</title><link>/page/{f}-{i}.html</link></item>"))
            + "</channel></rss>", "application/rss+xml"));
        server.MapGet("/page/{id}.html", (string id) => Results.Text(
            $"<html lang=\"en\"><body><article><h1>Story {id}</h1>"
            + string.Concat(Enumerable.Range(0, 4).Select(p => $"<p>Paragraph {p} of story {id}: markets moved as investors weighed the outlook for chip makers.</p>"))
            + "</article></body></html>", "text/html"));
        await server.StartAsync();
        var feedsFile = Path.Combine(_folder, "feeds.yaml");
        await File.WriteAllTextAsync(feedsFile, "feeds:\n" + string.Concat(Enumerable.Range(0, Feeds).Select(f => $"  - name: Feed {f}\n    url: feed/{f.ToString(CultureInfo.InvariantCulture)}.xml\n")));
        var baseUrl = new Uri(server.Urls.First() + "/");
        await using var nodeA = await AppServices.StartAsync(CancellationToken.None, ConnectionString, AppConfiguration.LocalSampleFetching);
        await using var nodeB = await AppServices.StartAsync(CancellationToken.None, ConnectionString, AppConfiguration.LocalSampleFetching);
        await nodeA.Get<FeedStore>().SyncAsync("feeds.yaml", FeedsFileParser.Load(feedsFile, baseUrl).Feeds, disableMissing: false, CancellationToken.None);

        var cycles = await Task.WhenAll(
            Task.Run(() => nodeA.Get<IngestPipeline>().RunOnceAsync(new IngestRequest(null, DueOnly: true), null, CancellationToken.None)),
            Task.Run(() => nodeB.Get<IngestPipeline>().RunOnceAsync(new IngestRequest(null, DueOnly: true), null, CancellationToken.None)));

        Assert.Equal(Feeds, cycles.Sum(c => c.Run.FeedsOk));
        Assert.Equal(Feeds * ItemsPerFeed, cycles.Sum(c => c.Run.ArticlesNew));
        Assert.Equal(Feeds * ItemsPerFeed, cycles.Sum(c => c.Run.ArticlesExtracted));
        Assert.Equal(Feeds, requests.Count(r => r.Key.StartsWith("/feed/", StringComparison.Ordinal)));
        Assert.Equal(Feeds * ItemsPerFeed, requests.Count(r => r.Key.StartsWith("/page/", StringComparison.Ordinal)));
        Assert.All(requests.Where(r => r.Key != "/robots.txt"), r => Assert.Equal(1, r.Value));
    }
}
