using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsPulse.App.Hosting;
using NewsPulse.App.Ingestion;

namespace NewsPulse.IntegrationTests;

/// <summary>
/// Every kind of bad feed and bad page the ingestion engine must survive, each served by a local Kestrel that
/// misbehaves on purpose, all in one run: each ends as a recorded outcome with its reason, and the healthy feeds
/// and pages of the same run are ingested as if nothing happened.
/// </summary>
public sealed class BadInputMatrixTests : FreshDatabaseTest, IDisposable
{
    private const int FeedCapBytes = 4 * 1024 * 1024;
    private const int PageCapBytes = 1024 * 1024;
    private const int HugeFeedItems = 10_000;
    private const int FetchTimeoutSeconds = 5;

    private static readonly Encoding Windows1252 = CodePagesEncoding(1252);
    private static readonly byte[] GzipBomb = Gzip(new byte[32 * 1024 * 1024]);

    private readonly ConcurrentDictionary<string, int> _requests = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("np-bad-matrix-").FullName;

    private static Dictionary<string, string?> Settings(bool allowPrivateNetworks = true) => new Dictionary<string, string?>(AppConfiguration.LocalSampleFetching)
    {
        ["Fetch:AllowPrivateNetworks"] = allowPrivateNetworks ? "true" : "false",
        // Long enough for the redirect loop's six hops on a loaded CI machine, short enough to keep the slow cases quick.
        ["Fetch:TimeoutSeconds"] = FetchTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
        ["Fetch:MaxFeedBytes"] = FeedCapBytes.ToString(CultureInfo.InvariantCulture),
        ["Fetch:MaxPageBytes"] = PageCapBytes.ToString(CultureInfo.InvariantCulture),
        ["Fetch:RetryDelayMs"] = "0",
    };

    [Fact]
    public async Task Every_bad_feed_is_recorded_with_its_reason_and_the_good_feeds_are_unaffected()
    {
        await using var site = await StartSiteAsync();
        var feedsBase = new Uri(Root(site), "feeds/");
        var feeds = new[]
        {
            "slow", "endless", "gzip-bomb", "redirect-loop", "rate-limited", "server-error", "not-found", "gone", "html-instead",
            "invalid-xml", "wrong-charset", "empty", "huge", "duplicate-guids", "relative-links",
        };
        await using var app = await AppServices.StartAsync(CancellationToken.None, ConnectionString, Settings());

        var summary = await app.Get<IngestPipeline>().RunOnceAsync(new IngestRequest(FeedsFile(feeds), feedsBase, ProcessPages: false), null, CancellationToken.None);

        var outcome = await FeedOutcomesAsync();
        Assert.Equal($"timed out after {FetchTimeoutSeconds} s", outcome["slow"].LastError);
        Assert.Equal($"response too large: more than {FeedCapBytes} bytes, download stopped", outcome["endless"].LastError);
        Assert.Equal($"response too large: more than {FeedCapBytes} bytes, download stopped", outcome["gzip-bomb"].LastError);
        Assert.StartsWith("too many redirects: more than 5", outcome["redirect-loop"].LastError, StringComparison.Ordinal);
        Assert.Equal(("HTTP 429 Too Many Requests", 429), (outcome["rate-limited"].LastError, outcome["rate-limited"].LastHttpStatus));
        Assert.True(outcome["rate-limited"].SecondsToNextCheck >= 3600 * 0.8, "Retry-After (1 h) must push the next check out");
        Assert.Equal(("HTTP 500 Internal Server Error", 2), (outcome["server-error"].LastError, _requests["/feeds/server-error.xml"]));
        Assert.Equal(("HTTP 404 Not Found", 404), (outcome["not-found"].LastError, outcome["not-found"].LastHttpStatus));
        Assert.Equal(410, outcome["gone"].LastHttpStatus);
        Assert.Contains("an HTML page", outcome["html-instead"].LastError, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(outcome["invalid-xml"].LastError));
        Assert.All(new[] { "slow", "endless", "gzip-bomb", "redirect-loop", "rate-limited", "server-error", "not-found", "gone", "html-instead", "invalid-xml" }, name =>
            Assert.Equal((1, false), (outcome[name].ErrorCount, outcome[name].Succeeded)));

        Assert.All(new[] { "wrong-charset", "empty", "huge", "duplicate-guids", "relative-links" }, name =>
            Assert.Equal((0, true, (string?)null), (outcome[name].ErrorCount, outcome[name].Succeeded, outcome[name].LastError)));
        var titles = await ArticleTitlesByFeedAsync();
        Assert.Equal(["Café crème et société"], titles["wrong-charset"]);
        Assert.False(titles.ContainsKey("empty"));
        Assert.Equal(HugeFeedItems, titles["huge"].Length);
        Assert.Equal(["Second story under a reused id", "Story with a reused id"], titles["duplicate-guids"].Order(StringComparer.Ordinal));
        await using var connection = await DataSource.OpenConnectionAsync();
        var relative = await connection.QueryAsync<string>("SELECT a.url FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE f.name = 'relative-links'");
        Assert.Equal([$"{Root(site)}pages/nested/story.html", $"{Root(site)}pages/root-relative.html"], relative.Order(StringComparer.Ordinal));
        Assert.Equal(10, summary.Run.FeedsFailed);
        Assert.Equal(5, summary.Run.FeedsOk);
    }

    [Fact]
    public async Task Every_bad_page_is_recorded_with_its_reason_and_pages_in_legacy_charsets_come_out_right()
    {
        await using var site = await StartSiteAsync();
        var feedsBase = new Uri(Root(site), "feeds/");
        await using var app = await AppServices.StartAsync(CancellationToken.None, ConnectionString, Settings());

        await app.Get<IngestPipeline>().RunOnceAsync(new IngestRequest(FeedsFile(["pages"]), feedsBase), null, CancellationToken.None);

        var pages = await PageOutcomesAsync();
        Assert.All(new[] { "plain", "windows-1252-labelled-utf8", "latin1-meta", "utf16" }, page => Assert.Equal("tagged", pages[page].Status));
        Assert.Contains("Le ministère a précisé que la réforme entrerait en vigueur", pages["windows-1252-labelled-utf8"].Text, StringComparison.Ordinal);
        Assert.Contains("Le ministère a précisé que la réforme entrerait en vigueur", pages["latin1-meta"].Text, StringComparison.Ordinal);
        Assert.Contains("Le ministère a précisé que la réforme entrerait en vigueur", pages["utf16"].Text, StringComparison.Ordinal);
        Assert.Equal(("failed", $"timed out after {FetchTimeoutSeconds} s"), (pages["slow"].Status, pages["slow"].LastError));
        Assert.Equal(("failed", $"response too large: more than {PageCapBytes} bytes, download stopped"), (pages["endless"].Status, pages["endless"].LastError));
        Assert.Equal(("failed", $"response too large: more than {PageCapBytes} bytes, download stopped"), (pages["gzip-bomb"].Status, pages["gzip-bomb"].LastError));
        Assert.StartsWith("too many redirects", pages["redirect-loop"].LastError, StringComparison.Ordinal);
        Assert.Equal(("failed", "HTTP 404 Not Found"), (pages["not-found"].Status, pages["not-found"].LastError));
        Assert.Equal(("failed", "HTTP 410 Gone"), (pages["gone"].Status, pages["gone"].LastError));
    }

    [Fact]
    public async Task A_page_on_a_private_address_is_refused_without_allow_private_networks()
    {
        await using var site = await StartSiteAsync();
        var feedsBase = new Uri(Root(site), "feeds/");
        await using (var discovering = await AppServices.StartAsync(CancellationToken.None, ConnectionString, Settings()))
        {
            await discovering.Get<IngestPipeline>().RunOnceAsync(new IngestRequest(FeedsFile(["pages"]), feedsBase, ProcessPages: false), null, CancellationToken.None);
        }

        await using var app = await AppServices.StartAsync(CancellationToken.None, ConnectionString, Settings(allowPrivateNetworks: false));
        await app.Get<IngestPipeline>().RunOnceAsync(IngestRequest.PendingPages, null, CancellationToken.None);

        var plain = (await PageOutcomesAsync())["plain"];
        Assert.Equal("failed", plain.Status);
        Assert.StartsWith("refused: 127.0.0.1 resolves to a local or private address", plain.LastError, StringComparison.Ordinal);
        Assert.False(_requests.ContainsKey("/pages/plain.html"));
    }

    /// <summary>Starts the misbehaving site; feeds live under <c>/feeds/</c>, pages under <c>/pages/</c>.</summary>
    private async Task<WebApplication> StartSiteAsync()
    {
        var site = LocalServer.Create(_requests);
        MapMisbehaviour(site, "/feeds", "application/rss+xml");
        MapMisbehaviour(site, "/pages", "text/html");
        site.MapGet("/feeds/rate-limited.xml", (HttpResponse response) =>
        {
            response.Headers.RetryAfter = "3600";
            return Results.StatusCode(StatusCodes.Status429TooManyRequests);
        });
        site.MapGet("/feeds/server-error.xml", () => Results.StatusCode(StatusCodes.Status500InternalServerError));
        site.MapGet("/feeds/html-instead.xml", () => Results.Content(ArticleHtml("Home", "utf-8"), "text/html"));
        site.MapGet("/feeds/invalid-xml.xml", () => Results.Content("<rss version=\"2.0\"><channel><title>Broken<item><title>x</channel></item>", "application/rss+xml"));
        site.MapGet("/feeds/wrong-charset.xml", () => Results.Bytes(
            Windows1252.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Flux</title>" + Item("Café crème et société", "/pages/plain.html") + "</channel></rss>"),
            "application/rss+xml; charset=utf-8"));
        site.MapGet("/feeds/empty.xml", () => Results.Content(Rss(string.Empty), "application/rss+xml"));
        site.MapGet("/feeds/huge.xml", () => Results.Content(
            Rss(string.Concat(Enumerable.Range(0, HugeFeedItems).Select(i => Item($"Story {i}", $"/pages/huge/{i}.html")))), "application/rss+xml"));
        site.MapGet("/feeds/duplicate-guids.xml", () => Results.Content(Rss(
            "<item><guid>same</guid><title>Story with a reused id</title><link>/pages/a.html</link></item>"
            + "<item><guid>same</guid><title>Second story under a reused id</title><link>/pages/b.html</link></item>"
            + "<item><guid>same</guid><title>Story with a reused id</title><link>/pages/a.html</link></item>"), "application/rss+xml"));
        site.MapGet("/feeds/relative-links.xml", () => Results.Content(Rss(Item("Root-relative", "/pages/root-relative.html") + Item("Path-relative", "../pages/nested/story.html")), "application/rss+xml"));
        site.MapGet("/feeds/pages.xml", () => Results.Content(Rss(string.Concat(
            new[] { "plain", "windows-1252-labelled-utf8", "latin1-meta", "utf16", "slow", "endless", "gzip-bomb", "redirect-loop", "not-found", "gone" }
                .Select(page => Item(page, $"/pages/{page}.html")))), "application/rss+xml"));
        site.MapGet("/pages/plain.html", () => Results.Content(ArticleHtml("Plain", "utf-8"), "text/html; charset=utf-8"));
        site.MapGet("/pages/windows-1252-labelled-utf8.html", () => Results.Bytes(Windows1252.GetBytes(ArticleHtml("Réforme (windows-1252)", null)), "text/html; charset=utf-8"));
        site.MapGet("/pages/latin1-meta.html", () => Results.Bytes(Windows1252.GetBytes(ArticleHtml("Réforme (latin-1)", "iso-8859-1")), "text/html"));
        site.MapGet("/pages/utf16.html", () => Results.Bytes([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(ArticleHtml("Réforme (UTF-16)", null))], "text/html"));
        await site.StartAsync();
        return site;
    }

    private static Uri Root(WebApplication site) => new(site.Urls.First() + "/");

    /// <summary>The misbehaviours feeds and pages share: never answering, never ending, a gzip bomb, a redirect loop, 404 and 410.</summary>
    private static void MapMisbehaviour(WebApplication site, string prefix, string contentType)
    {
        var extension = prefix == "/feeds" ? "xml" : "html";
        site.MapGet($"{prefix}/slow.{extension}", async (CancellationToken cancellationToken) =>
        {
            // Answers only when the client gives up: the fetcher's own time limit must end the wait.
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return Results.Ok();
        });
        site.MapGet($"{prefix}/endless.{extension}", async (HttpResponse response, CancellationToken cancellationToken) =>
        {
            response.ContentType = contentType;
            var chunk = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
            while (!cancellationToken.IsCancellationRequested)
            {
                await response.Body.WriteAsync(chunk, cancellationToken);
            }
        });
        site.MapGet($"{prefix}/gzip-bomb.{extension}", async (HttpResponse response) =>
        {
            response.Headers.ContentEncoding = "gzip";
            response.ContentType = contentType;
            await response.Body.WriteAsync(GzipBomb);
        });
        site.MapGet($"{prefix}/redirect-loop.{extension}", () => Results.Redirect($"{prefix}/redirect-loop.{extension}"));
        site.MapGet($"{prefix}/not-found.{extension}", () => Results.NotFound());
        site.MapGet($"{prefix}/gone.{extension}", () => Results.StatusCode(StatusCodes.Status410Gone));
    }

    private string FeedsFile(IEnumerable<string> names)
    {
        var path = Path.Combine(_folder, "feeds.yaml");
        File.WriteAllText(path, "feeds:\n" + string.Concat(names.Select(name => $"  - name: {name}\n    url: {name}.xml\n")));
        return path;
    }

    private static string Rss(string items) => $"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Test</title><link>/</link>{items}</channel></rss>";

    private static string Item(string title, string link) => $"<item><title>{title}</title><link>{link}</link></item>";

    /// <summary>
    /// A French article long enough to count as one, its text distinct per title (identical texts would be kept as
    /// duplicates of each other); <paramref name="metaCharset"/> null leaves the charset to the bytes.
    /// </summary>
    private static string ArticleHtml(string title, string? metaCharset) =>
        $"<!doctype html><html lang=\"fr\"><head>{(metaCharset is null ? "" : $"<meta charset=\"{metaCharset}\">")}<title>{title}</title></head><body><article><h1>{title}</h1>"
        + string.Concat(Enumerable.Range(1, 5).Select(p =>
            $"<p>Le ministère a précisé que la réforme entrerait en vigueur au printemps, selon un communiqué publié lundi ; {title}, paragraphe {p}, où l'on évoque aussi les négociations européennes.</p>"))
        + "</article></body></html>";

    private async Task<Dictionary<string, FeedOutcome>> FeedOutcomesAsync()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(string Name, int ErrorCount, string? LastError, int? LastHttpStatus, bool Succeeded, double SecondsToNextCheck)>(
            "SELECT name, error_count, last_error, last_http_status, last_success_at IS NOT NULL, extract(epoch FROM next_check_at - now())::float8 FROM feeds");
        return rows.ToDictionary(r => r.Name, r => new FeedOutcome(r.ErrorCount, r.LastError, r.LastHttpStatus, r.Succeeded, r.SecondsToNextCheck));
    }

    private async Task<Dictionary<string, string[]>> ArticleTitlesByFeedAsync()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(string Feed, string Title)>("SELECT f.name, a.feed_title FROM articles a JOIN feeds f ON f.id = a.feed_id");
        return rows.GroupBy(r => r.Feed).ToDictionary(g => g.Key, g => g.Select(r => r.Title).ToArray());
    }

    private async Task<Dictionary<string, (string Status, string? LastError, string? Text)>> PageOutcomesAsync()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(string Title, string Status, string? LastError, string? Text)>("SELECT feed_title, status, last_error, text FROM articles");
        return rows.ToDictionary(r => r.Title, r => (r.Status, r.LastError, r.Text));
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static Encoding CodePagesEncoding(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed record FeedOutcome(int ErrorCount, string? LastError, int? LastHttpStatus, bool Succeeded, double SecondsToNextCheck);
}
