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
        await using var site = await CountingNewsSite.StartAsync(ItemsPerFeed);
        var feedsFile = await CountingNewsSite.WriteFeedsFileAsync(_folder, Feeds);
        await using var nodeA = await AppServices.StartAsync(CancellationToken.None, ConnectionString, AppConfiguration.LocalSampleFetching);
        await using var nodeB = await AppServices.StartAsync(CancellationToken.None, ConnectionString, AppConfiguration.LocalSampleFetching);
        await nodeA.Get<FeedStore>().SyncAsync("feeds.yaml", FeedsFileParser.Load(feedsFile, site.BaseUrl).Feeds, disableMissing: false, CancellationToken.None);

        var cycles = await Task.WhenAll(
            Task.Run(() => nodeA.Get<IngestPipeline>().RunOnceAsync(new IngestRequest(null, DueOnly: true), null, CancellationToken.None)),
            Task.Run(() => nodeB.Get<IngestPipeline>().RunOnceAsync(new IngestRequest(null, DueOnly: true), null, CancellationToken.None)));

        Assert.Equal(Feeds, cycles.Sum(c => c.Run.FeedsOk));
        Assert.Equal(Feeds * ItemsPerFeed, cycles.Sum(c => c.Run.ArticlesNew));
        Assert.Equal(Feeds * ItemsPerFeed, cycles.Sum(c => c.Run.ArticlesExtracted));
        Assert.Equal(Feeds, site.Distinct("/feed/"));
        Assert.Equal(Feeds * ItemsPerFeed, site.Distinct("/page/"));
        Assert.Empty(site.RequestedTwice());
    }
}
