using System.Text;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using NewsPulse.Ingest.Feeds;
using NewsPulse.Storage.Migrations;
using NewsPulse.Storage.Stores;

namespace NewsPulse.IntegrationTests;

/// <summary>Feeds at the edges: empty, huge, with repeated entry ids; parsed and stored for real.</summary>
public sealed class FeedEdgeCaseTests : FreshDatabaseTest
{
    private static readonly Uri FeedUrl = new("http://127.0.0.1:9/feed.xml");

    private static byte[] Rss(IEnumerable<string> items) =>
        Encoding.UTF8.GetBytes("<rss version=\"2.0\"><channel><title>Edge</title>" + string.Concat(items) + "</channel></rss>");

    private async Task<(ArticleStore Store, long FeedId)> StoreAsync()
    {
        await new SchemaMigrator(DataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        DapperSetup.Configure();
        await using var connection = await DataSource.OpenConnectionAsync();
        var feedId = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO feeds (url, name, poll_interval_seconds, source) VALUES ('http://127.0.0.1:9/feed.xml', 'Edge', 1800, 'test') RETURNING id");
        return (new ArticleStore(DataSource), feedId);
    }

    [Fact]
    public async Task An_empty_feed_is_a_success_with_nothing_new()
    {
        var (store, feedId) = await StoreAsync();

        var feed = FeedParser.Parse(Rss([]), FeedUrl);
        var result = await store.AddDiscoveredAsync(feedId, feed.Items, CancellationToken.None);

        Assert.Empty(feed.Items);
        Assert.Equal(new DiscoveryResult(0, 0), result);
    }

    [Fact]
    public async Task Ten_thousand_items_are_parsed_and_stored_in_one_go_and_known_the_second_time()
    {
        var (store, feedId) = await StoreAsync();
        var items = Enumerable.Range(0, 10_000).Select(i => $"<item><guid>id-{i}</guid><title>Story {i}</title><link>/story/{i}.html</link></item>");

        var feed = FeedParser.Parse(Rss(items), FeedUrl);
        var first = await store.AddDiscoveredAsync(feedId, feed.Items, CancellationToken.None);
        var second = await store.AddDiscoveredAsync(feedId, feed.Items, CancellationToken.None);

        Assert.Equal(10_000, feed.Items.Count);
        Assert.Equal((10_000, 0), (first.New, first.Duplicate));
        Assert.Equal((0, 10_000, 0), (second.New, second.Duplicate, second.Updated));
    }

    [Fact]
    public async Task Repeated_entry_ids_and_repeated_links_never_merge_different_stories_or_duplicate_one()
    {
        var (store, feedId) = await StoreAsync();
        var feed = FeedParser.Parse(Rss([
            "<item><guid>same</guid><title>A</title><link>/a.html</link></item>",
            "<item><guid>same</guid><title>B</title><link>/b.html</link></item>",
            "<item><guid>other</guid><title>A again</title><link>/a.html#comments</link></item>",
        ]), FeedUrl);

        var first = await store.AddDiscoveredAsync(feedId, feed.Items, CancellationToken.None);
        var second = await store.AddDiscoveredAsync(feedId, feed.Items, CancellationToken.None);

        Assert.Equal((2, 1), (first.New, first.Duplicate));
        Assert.Equal(0, second.New);
        await using var connection = await DataSource.OpenConnectionAsync();
        Assert.Equal(["http://127.0.0.1:9/a.html", "http://127.0.0.1:9/b.html"], (await connection.QueryAsync<string>("SELECT url FROM articles ORDER BY url")).ToArray());
    }
}
