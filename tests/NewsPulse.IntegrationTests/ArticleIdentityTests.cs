using Dapper;
using NewsPulse.App.Demo;
using NewsPulse.App.Hosting;
using NewsPulse.App.Ingestion;

namespace NewsPulse.IntegrationTests;

/// <summary>
/// One story is one article: the same story under two URLs becomes a duplicate of the first, and a publisher's
/// edit (a new title, or a new link under the same entry id) updates the stored article instead of adding one.
/// </summary>
public sealed class ArticleIdentityTests : FreshDatabaseTest, IDisposable
{
    private static readonly string Body = string.Concat(Enumerable.Repeat("<p>Regulators in Brussels opened an inquiry into the chip maker's sales practices on Tuesday.</p>", 4));
    private readonly string _site = Directory.CreateTempSubdirectory("np-identity-").FullName;
    private int _edits;

    public void Dispose() => Directory.Delete(_site, recursive: true);

    private static string Page(string title, string canonical, string body = "") =>
        $"<html lang=\"en\"><head><link rel=\"canonical\" href=\"{canonical}\"></head><body><article><h1>{title}</h1>{Body}{body}</article></body></html>";

    private static string Rss(params (string Guid, string Title, string Link)[] items) =>
        "<rss version=\"2.0\"><channel><title>Identity</title>"
        + string.Concat(items.Select(i => $"<item><guid isPermaLink=\"false\">{i.Guid}</guid><title>{i.Title}</title><link>{i.Link}</link></item>"))
        + "</channel></rss>";

    private async Task WriteAsync(string path, string content)
    {
        var full = Path.Combine(_site, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllTextAsync(full, content);
        // Distinct modification times make the static server's ETag change, as a real edit would.
        File.SetLastWriteTimeUtc(full, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(++_edits));
    }

    private async Task<IngestSummary> IngestAsync(AppServices app, Uri baseUrl) =>
        await app.Get<IngestPipeline>().RunOnceAsync(new IngestRequest(Path.Combine(_site, "feeds.yaml"), baseUrl), null, CancellationToken.None);

    [Fact]
    public async Task The_same_story_under_another_url_or_with_the_same_text_is_kept_as_a_duplicate()
    {
        const string otherStory = "<p>A second, unrelated story: the yen weakened past 158 per dollar in Tokyo trading.</p>";
        await WriteAsync("feeds.yaml", "feeds:\n  - name: Wire\n    url: wire.xml\n  - name: Syndicated\n    url: syndicated.xml\n");
        await WriteAsync("wire.xml", Rss(("w1", "Inquiry opened", "/wire/story.html"), ("w2", "Yen", "/wire/yen.html")));
        await WriteAsync("syndicated.xml", Rss(("s1", "Inquiry opened", "/partner/story.html?ref=wire"), ("s2", "Yen", "/copy/yen.html")));
        // Same canonical URL, different text (the partner adds its own footer).
        await WriteAsync("wire/story.html", Page("Inquiry opened", "https://wire.example/story"));
        await WriteAsync("partner/story.html", Page("Inquiry opened (partner)", "https://wire.example/story", "<p>Partner footer paragraph that makes this copy's text differ from the original.</p>"));
        // Same text, different canonical URLs.
        await WriteAsync("wire/yen.html", Page("Yen", "https://wire.example/yen", otherStory));
        await WriteAsync("copy/yen.html", Page("Yen", "https://copy.example/yen-copy", otherStory));
        await using var site = await StaticSiteServer.StartAsync(_site, 0, CancellationToken.None);
        await using var app = await AppServices.StartAsync(CancellationToken.None, ConnectionString, AppConfiguration.LocalSampleFetching);

        var summary = await IngestAsync(app, site.BaseUrl);

        Assert.Equal((4, 4), (summary.Run.ArticlesNew, summary.Run.ArticlesExtracted));
        await using var connection = await DataSource.OpenConnectionAsync();
        var rows = (await connection.QueryAsync<(long Id, string EntryId, string Status, long? DuplicateOf)>("SELECT id, entry_id, status, duplicate_of FROM articles")).ToDictionary(r => r.EntryId);
        foreach (var (first, second) in new[] { ("w1", "s1"), ("w2", "s2") })
        {
            var pair = new[] { rows[first], rows[second] };
            var original = Assert.Single(pair, r => r.Status == "tagged");
            var copy = Assert.Single(pair, r => r.Status == "duplicate");
            Assert.Equal(original.Id, copy.DuplicateOf);
        }
    }

    [Fact]
    public async Task Rewritten_copies_share_a_story_cluster_and_other_stories_do_not()
    {
        const string story = "<p>The European Commission opened an antitrust inquiry into the chip maker's bundling of networking gear with its processors.</p>"
            + "<p>Officials in Brussels said the company may have used its dominance in accelerators to push customers towards its own switches.</p>"
            + "<p>The company said it would cooperate fully and that its products compete on their merits in an open market.</p>"
            + "<p>Analysts said the case could take years and that fines of up to ten percent of global turnover were possible.</p>";
        var rewritten = story.Replace("opened an antitrust inquiry", "launched an antitrust investigation", StringComparison.Ordinal)
            + "<p>Shares slipped about one percent in late trading in New York after the news, a partner outlet added.</p>";
        await WriteAsync("feeds.yaml", "feeds:\n  - name: Wire\n    url: wire.xml\n");
        await WriteAsync("wire.xml", Rss(("1", "Inquiry", "/one.html"), ("2", "Inquiry, partner", "/two.html"), ("3", "Other", "/three.html"), ("4", "Copy", "/four.html")));
        await WriteAsync("one.html", Page("Inquiry", "https://one.example/story", story));
        await WriteAsync("two.html", Page("Inquiry, partner", "https://two.example/story", rewritten));
        await WriteAsync("three.html", Page("Other", "https://three.example/story", "<p>The yen weakened past 158 per dollar as traders weighed the next move by the Bank of Japan, adding pressure on exporters.</p>"));
        await WriteAsync("four.html", Page("Copy", "https://one.example/story?utm_source=x", story));
        await using var site = await StaticSiteServer.StartAsync(_site, 0, CancellationToken.None);
        await using var app = await AppServices.StartAsync(CancellationToken.None, ConnectionString, AppConfiguration.LocalSampleFetching);

        await IngestAsync(app, site.BaseUrl);

        await using var connection = await DataSource.OpenConnectionAsync();
        var clusters = (await connection.QueryAsync<(string EntryId, long Cluster)>("SELECT entry_id, story_cluster_id FROM articles")).ToDictionary(r => r.EntryId, r => r.Cluster);
        Assert.Equal(clusters["1"], clusters["2"]);
        Assert.Equal(clusters["1"], clusters["4"]);
        Assert.NotEqual(clusters["1"], clusters["3"]);
    }

    [Fact]
    public async Task An_edited_title_or_a_moved_link_updates_the_same_article()
    {
        await WriteAsync("feeds.yaml", "feeds:\n  - name: Wire\n    url: wire.xml\n");
        await WriteAsync("wire.xml", Rss(("g1", "First headline", "/a.html"), ("g2", "Second story", "/b.html")));
        await WriteAsync("a.html", Page("First headline", "https://wire.example/a"));
        await WriteAsync("b.html", Page("Second story", "https://wire.example/b", "<p>A different second story about markets and the yen this week.</p>"));
        await using var site = await StaticSiteServer.StartAsync(_site, 0, CancellationToken.None);
        await using var app = await AppServices.StartAsync(CancellationToken.None, ConnectionString, AppConfiguration.LocalSampleFetching);
        await IngestAsync(app, site.BaseUrl);
        await using var connection = await DataSource.OpenConnectionAsync();
        var before = (await connection.QueryAsync<(long Id, string EntryId)>("SELECT id, entry_id FROM articles")).ToDictionary(r => r.EntryId, r => r.Id);

        await WriteAsync("wire.xml", Rss(("g1", "First headline, corrected", "/a.html"), ("g2", "Second story", "/b-moved.html")));
        await WriteAsync("a.html", Page("First headline, corrected", "https://wire.example/a"));
        await WriteAsync("b-moved.html", Page("Second story", "https://wire.example/b", "<p>A different second story about markets and the yen this week.</p>"));
        var second = await IngestAsync(app, site.BaseUrl);

        Assert.Equal((0, 2, 2), (second.Run.ArticlesNew, second.Run.ArticlesDuplicate, second.Run.ArticlesExtracted));
        var after = (await connection.QueryAsync<(long Id, string EntryId, string Title, string Url, string Status)>("SELECT id, entry_id, title, url, status FROM articles")).ToDictionary(r => r.EntryId);
        Assert.Equal(2, after.Count);
        Assert.Equal((before["g1"], "First headline, corrected", "tagged"), (after["g1"].Id, after["g1"].Title, after["g1"].Status));
        Assert.Equal((before["g2"], "tagged"), (after["g2"].Id, after["g2"].Status));
        Assert.EndsWith("/b-moved.html", after["g2"].Url, StringComparison.Ordinal);
    }
}
