using System.Text.Json;
using Dapper;
using Microsoft.Playwright;
using NewsPulse.App.Digest;
using NewsPulse.Storage.Stores;
using NewsPulse.Tests;

namespace NewsPulse.IntegrationTests;

/// <summary>
/// The web pages in a real browser: Debian's Chromium (<c>/usr/bin/chromium</c>, installed by
/// <c>scripts/ensure-chromium.sh</c>) driven by Playwright over the real server and the ingested sample corpus.
/// Screenshots of each step are kept under <c>out/test-artifacts/browser/</c>.
/// </summary>
public sealed class BrowserTests : FreshDatabaseTest
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string Artifacts = Directory.CreateDirectory(RepositoryRoot.Combine("out", "test-artifacts", "browser")).FullName;

    // Chromium's own calls home are refused by this network; these flags keep it from making them.
    private static readonly string[] QuietChromium =
        ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run scripts/ensure-chromium.sh (./run-tests does) to install Debian's chromium package.");
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = QuietChromium });
    }

    private static async Task ShootAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, $"{name}.png"), FullPage = true });

    [Fact]
    public async Task Search_by_company_open_an_article_and_a_person_and_download_their_quotes_as_CSV()
    {
        await using var app = await SampleCorpus.IngestAsync(ConnectionString);
        await using var web = await TestWebServer.StartAsync(ConnectionString);
        await using var connection = await DataSource.OpenConnectionAsync();
        var (articleId, personId, company) = await connection.QuerySingleAsync<(long, long, string)>(
            """
            SELECT q.article_id, q.person_id, min(t.value)
            FROM quotes q JOIN article_tags_effective t ON t.article_id = q.article_id AND t.kind = 'company'
            WHERE q.person_id IS NOT NULL
            GROUP BY q.article_id, q.person_id ORDER BY q.article_id, q.person_id LIMIT 1
            """);
        var title = await connection.ExecuteScalarAsync<string>("SELECT title FROM articles WHERE id = @articleId", new { articleId });
        var expectedQuotes = JsonDocument.Parse(await web.Http.GetStringAsync($"/api/people/{personId}/quotes?format=json")).RootElement.GetArrayLength();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = web.Http.BaseAddress!.ToString(), AcceptDownloads = true });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.Locator("form [name=company]").First.FillAsync(company);
        await page.Locator("form [name=company]").First.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("company=", StringComparison.Ordinal));
        await ShootAsync(page, "1-search-by-company");
        await page.Locator("article a[href^='/companies/'], main a[href^='/companies/']").First.ClickAsync();
        await page.WaitForURLAsync("**/companies/**");
        var chartBars = await page.Locator("svg rect").CountAsync();
        await ShootAsync(page, "1b-company-page");
        await page.GoBackAsync();
        await page.Locator($"a[href='/articles/{articleId}']").First.ClickAsync();
        await page.WaitForURLAsync($"**/articles/{articleId}");
        var heading = await page.Locator("h1").First.InnerTextAsync();
        await ShootAsync(page, "2-article");
        await page.Locator($"a[href='/people/{personId}']").First.ClickAsync();
        await page.WaitForURLAsync($"**/people/{personId}");
        await ShootAsync(page, "3-person");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator($"a[href*='/api/people/{personId}/quotes'][href*='format=csv']").First.ClickAsync());
        var csv = await File.ReadAllLinesAsync(await download.PathAsync());

        Assert.True(chartBars >= 90, $"the company page charts 90 days ({chartBars} bars)");
        Assert.Equal(title, heading);
        Assert.StartsWith("quote_id,person_id,person,", csv[0].TrimStart((char)0xFEFF), StringComparison.Ordinal);
        Assert.Equal(expectedQuotes, CountCsvRecords(csv) - 1);
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_script_stored_in_an_article_is_shown_as_text_and_never_runs()
    {
        await using var app = await SampleCorpus.IngestAsync(ConnectionString);
        await using var web = await TestWebServer.StartAsync(ConnectionString);
        await using var connection = await DataSource.OpenConnectionAsync();
        const string Hostile = "<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\">";
        var articleId = await connection.ExecuteScalarAsync<long>(
            "UPDATE articles SET title = @title, text = @text WHERE id = (SELECT min(id) FROM articles WHERE text IS NOT NULL) RETURNING id",
            new { title = "Hostile " + Hostile, text = "First paragraph.\n" + Hostile + "\nLast paragraph." });

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = web.Http.BaseAddress!.ToString() });
        var dialogs = 0;
        page.Dialog += (_, dialog) => dialogs++;
        await page.GotoAsync($"/articles/{articleId}");
        await ShootAsync(page, "4-hostile-article");

        Assert.Null(await page.EvaluateAsync<int?>("() => window.pwned ?? null"));
        Assert.Equal(0, dialogs);
        Assert.Contains("<script>window.pwned = 1</script>", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("main script, main img[src='x']").CountAsync());
    }

    [Fact]
    public async Task A_rendered_digest_reads_well_in_light_and_dark_mode()
    {
        await using var app = await SampleCorpus.IngestAsync(ConnectionString);
        var (subscriber, _) = await app.Get<SubscriberStore>().SubscribeAsync(
            new SubscriberPreferences("reader@example.org", "fr", [], [], [], [], [], [], 7, "Europe/Paris", 6), confirmed: true, CancellationToken.None);
        var (_, rendered, message) = await app.Get<DigestService>().PreviewAsync(subscriber, null, CancellationToken.None);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 700, Height = 900 } });
        await page.SetContentAsync(rendered!.Html);
        await ShootAsync(page, "5-digest");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
        await ShootAsync(page, "5-digest-dark");

        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.Equal("fr", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.True(await page.Locator("a[href^='http']").CountAsync() >= 3);
        Assert.NotEqual("rgb(255, 255, 255)", background);
        Assert.Contains(message!.Subject!.Split(' ')[2], await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
    }

    /// <summary>Records in RFC 4180 lines: a line inside an open quoted field continues the record.</summary>
    private static int CountCsvRecords(IEnumerable<string> lines)
    {
        var records = 0;
        var open = false;
        foreach (var line in lines)
        {
            records += open ? 0 : 1;
            open ^= line.Count(c => c == '"') % 2 == 1;
        }

        return records;
    }
}
