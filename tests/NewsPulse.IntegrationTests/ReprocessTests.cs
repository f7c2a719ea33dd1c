using Dapper;
using NewsPulse.App.Demo;
using NewsPulse.App.Hosting;
using NewsPulse.App.Ingestion;

namespace NewsPulse.IntegrationTests;

/// <summary>Later stages rerun from the kept raw HTML; old raw HTML is deleted after the retention period.</summary>
public sealed class ReprocessTests : FreshDatabaseTest
{
    private static readonly string Site = Path.Combine(AppContext.BaseDirectory, "testdata", "bad-site");

    private async Task<AppServices> IngestBadSiteAsync(IReadOnlyDictionary<string, string?> settings)
    {
        await using var site = await StaticSiteServer.StartAsync(Site, 0, CancellationToken.None);
        var app = await AppServices.StartAsync(CancellationToken.None, ConnectionString, settings);
        var feeds = Path.Combine(Path.GetTempPath(), $"np-reprocess-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(feeds, "feeds:\n  - name: Mixed results\n    url: feeds/mixed.rss.xml\n");
        try
        {
            await app.Get<IngestPipeline>().RunOnceAsync(new IngestRequest(feeds, site.BaseUrl), null, CancellationToken.None);
        }
        finally
        {
            File.Delete(feeds);
        }

        return app;
    }

    [Fact]
    public async Task Re_extraction_restores_articles_from_raw_html_without_fetching()
    {
        await using var app = await IngestBadSiteAsync(AppConfiguration.LocalSampleFetching);
        await using var connection = await DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("UPDATE articles SET title = 'damaged', text = 'damaged' WHERE status IN ('extracted', 'tagged')");

        var all = await app.Get<Reprocessor>().ReextractAsync(null, null, CancellationToken.None);
        var none = await app.Get<Reprocessor>().ReextractAsync(TimeProvider.System.GetUtcNow().AddDays(1), null, CancellationToken.None);

        Assert.Equal((1, 2), (all.Succeeded, all.Failed));
        Assert.Equal((0, 0), (none.Succeeded, none.Failed));
        var (title, text) = await connection.QuerySingleAsync<(string, string)>("SELECT title, text FROM articles WHERE status IN ('extracted', 'tagged')");
        Assert.Equal("Regulators weigh chip export limits", title);
        Assert.StartsWith("Officials in Washington", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raw_html_older_than_the_retention_is_deleted_after_a_run()
    {
        var settings = new Dictionary<string, string?>(AppConfiguration.LocalSampleFetching) { ["Storage:RawHtmlRetentionDays"] = "30" };
        await using (var first = await IngestBadSiteAsync(settings))
        {
            await using var connection = await DataSource.OpenConnectionAsync();
            await connection.ExecuteAsync("UPDATE article_html SET fetched_at = now() - interval '31 days'");
        }

        await using var second = await IngestBadSiteAsync(settings);

        // The second run serves the site on a new port, so its pages are new articles with fresh raw HTML.
        await using var check = await DataSource.OpenConnectionAsync();
        Assert.Equal(0, await check.ExecuteScalarAsync<int>("SELECT count(*) FROM article_html WHERE fetched_at < now() - interval '30 days'"));
        Assert.Equal(3, await check.ExecuteScalarAsync<int>("SELECT count(*) FROM article_html"));
        Assert.Equal((1, 1), (await check.ExecuteScalarAsync<int>("SELECT count(*) FROM articles WHERE status = 'tagged'"), await check.ExecuteScalarAsync<int>("SELECT count(*) FROM articles WHERE status = 'duplicate'")));
    }
}
