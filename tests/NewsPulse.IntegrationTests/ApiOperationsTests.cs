using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsPulse.App.Digest;
using NewsPulse.App.Hosting;
using NewsPulse.App.Scheduling;
using NewsPulse.Storage.Stores;

namespace NewsPulse.IntegrationTests;

/// <summary>
/// What the HTTP API does around the queries: admin keys, conditional GETs, the rate limit, the OpenAPI document
/// and its reference page, Prometheus metrics and the health check with a running scheduler.
/// </summary>
public sealed class ApiOperationsTests : FreshDatabaseTest
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Admin_endpoints_answer_401_without_a_valid_key_and_work_with_one()
    {
        await using var web = await TestWebServer.StartAsync(ConnectionString);
        await using var keyless = await TestWebServer.StartAsync(ConnectionString, withAdminKey: false);
        var feed = new { url = "https://news.example.org/feed.xml", name = "Example", language = "fr", interval = "2h" };

        var anonymous = await web.Http.PostAsJsonAsync("/api/admin/feeds", feed);
        using var wrongKey = new HttpRequestMessage(HttpMethod.Post, "/api/admin/feeds") { Content = JsonContent.Create(feed) };
        wrongKey.Headers.Add("X-Api-Key", "not-the-key-not-the-key-not-the-key");
        var wrong = await web.Http.SendAsync(wrongKey);
        var noneConfigured = await keyless.Http.SendAsync(TestWebServer.Admin(HttpMethod.Post, "/api/admin/feeds", JsonContent.Create(feed)));
        var added = await web.Http.SendAsync(TestWebServer.Admin(HttpMethod.Post, "/api/admin/feeds", JsonContent.Create(feed)));
        var again = await web.Http.SendAsync(TestWebServer.Admin(HttpMethod.Post, "/api/admin/feeds", JsonContent.Create(feed)));
        var hostile = await web.Http.SendAsync(TestWebServer.Admin(HttpMethod.Post, "/api/admin/feeds", JsonContent.Create(new { url = "file:///etc/passwd" })));
        var id = (await JsonAsync(added)).GetProperty("id").GetInt64();
        using var bearer = new HttpRequestMessage(HttpMethod.Post, $"/api/admin/feeds/{id}/disable");
        bearer.Headers.Authorization = new("Bearer", TestWebServer.AdminKey);
        var disabled = await web.Http.SendAsync(bearer);
        var missing = await web.Http.SendAsync(TestWebServer.Admin(HttpMethod.Post, "/api/admin/feeds/999999/disable"));

        foreach (var refused in new[] { anonymous, wrong, noneConfigured })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
            Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.Single().Scheme);
        }

        Assert.Contains("Api:AdminKeys", (await JsonAsync(noneConfigured)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal((HttpStatusCode.OK, false), (again.StatusCode, (await JsonAsync(again)).GetProperty("added").GetBoolean()));
        Assert.Equal(HttpStatusCode.BadRequest, hostile.StatusCode);
        Assert.Equal("feed", (await JsonAsync(hostile)).GetProperty("parameter").GetString());
        Assert.False((await JsonAsync(disabled)).GetProperty("enabled").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Reprocess_runs_in_the_background_and_reports_its_progress()
    {
        await using var app = await SampleCorpus.IngestAsync(ConnectionString);
        await using var web = await TestWebServer.StartAsync(ConnectionString);

        var badStage = await web.Http.SendAsync(TestWebServer.Admin(HttpMethod.Post, "/api/admin/reprocess", JsonContent.Create(new { stage = "everything" })));
        var badSince = await web.Http.SendAsync(TestWebServer.Admin(HttpMethod.Post, "/api/admin/reprocess", JsonContent.Create(new { stage = "tag", since = "last week" })));
        var started = await web.Http.SendAsync(TestWebServer.Admin(HttpMethod.Post, "/api/admin/reprocess", JsonContent.Create(new { stage = "quotes" })));
        var status = await JsonAsync(started);
        // The run is real work in the background: look again every 50 ms, for at most a minute.
        for (var look = 0; look < 1200 && status.GetProperty("state").GetString() == "running"; look++)
        {
            await Task.Delay(50);
            status = await JsonAsync(await web.Http.SendAsync(TestWebServer.Admin(HttpMethod.Get, started.Headers.Location!.ToString())));
        }

        Assert.Equal("stage", (await JsonAsync(badStage)).GetProperty("parameter").GetString());
        Assert.Equal("since", (await JsonAsync(badSince)).GetProperty("parameter").GetString());
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal("done", status.GetProperty("state").GetString());
        Assert.True(status.GetProperty("succeeded").GetInt32() > 0);
        Assert.Equal(status.GetProperty("total").GetInt32(), status.GetProperty("done").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await web.Http.SendAsync(TestWebServer.Admin(HttpMethod.Get, "/api/admin/reprocess/nope"))).StatusCode);
    }

    [Fact]
    public async Task GETs_carry_an_ETag_and_answer_304_until_the_content_changes()
    {
        await using var app = await SampleCorpus.IngestAsync(ConnectionString);
        await using var web = await TestWebServer.StartAsync(ConnectionString);
        var articleId = JsonDocument.Parse(await web.Http.GetStringAsync("/api/articles?limit=1")).RootElement.GetProperty("articles")[0].GetProperty("id").GetInt64();
        var path = $"/api/articles/{articleId}/tags";

        var first = await web.Http.GetAsync(path);
        var etag = first.Headers.ETag!;
        using var conditional = new HttpRequestMessage(HttpMethod.Get, path);
        conditional.Headers.IfNoneMatch.Add(etag);
        var unchanged = await web.Http.SendAsync(conditional);
        await web.Http.SendAsync(TestWebServer.Admin(HttpMethod.Post, path, JsonContent.Create(new { kind = "theme", value = "policy" })));
        using var afterChange = new HttpRequestMessage(HttpMethod.Get, path);
        afterChange.Headers.IfNoneMatch.Add(etag);
        var changed = await web.Http.SendAsync(afterChange);
        var page = await web.Http.GetAsync("/feeds");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("no-cache", first.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.NotNull(page.Headers.ETag);
    }

    [Fact]
    public async Task Public_endpoints_are_rate_limited_per_client_but_health_checks_are_not()
    {
        await using var web = await TestWebServer.StartAsync(
            ConnectionString, new Dictionary<string, string?> { ["Api:RateLimitPerMinute"] = "1", ["Api:RateLimitBurst"] = "3" });

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await web.Http.GetAsync("/api/themes"));
        }

        var health = await web.Http.GetAsync("/healthz");

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[3].StatusCode);
        Assert.Equal("application/problem+json", answers[3].Content.Headers.ContentType!.MediaType);
        Assert.True(answers[3].Headers.RetryAfter!.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_API_and_its_reference_page_is_served_locally()
    {
        await using var web = await TestWebServer.StartAsync(ConnectionString);

        var document = JsonDocument.Parse(await web.Http.GetStringAsync("/openapi/v1.json")).RootElement;
        var reference = await web.Http.GetAsync("/scalar/v1");
        var html = await reference.Content.ReadAsStringAsync();

        var paths = document.GetProperty("paths");
        var searchParameters = paths.GetProperty("/api/articles").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal("NewsPulse API", document.GetProperty("info").GetProperty("title").GetString());
        Assert.Subset(searchParameters.ToHashSet(), new HashSet<string?> { "company", "country", "theme", "q", "cursor", "facets" });
        foreach (var path in new[] { "/api/articles/{id}", "/api/people/{id}/quotes", "/api/admin/feeds", "/api/admin/reprocess", "/healthz" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is documented");
        }

        Assert.False(paths.TryGetProperty("/feeds", out _), "pages are not part of the API");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.", html, StringComparison.OrdinalIgnoreCase);
        var scripts = Regex.Matches(html, "<script[^>]+src=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            Assert.Equal(HttpStatusCode.OK, (await web.Http.GetAsync(new Uri(new Uri(web.Http.BaseAddress!, "/scalar/v1"), script))).StatusCode);
        }
    }

    [Fact]
    public async Task Metrics_count_and_time_every_pipeline_stage_in_Prometheus_format()
    {
        await using var web = await TestWebServer.StartAsync(ConnectionString);
        var mail = Directory.CreateTempSubdirectory("np-mail-").FullName;
        await using var app = await SampleCorpus.IngestAsync(ConnectionString, new Dictionary<string, string?> { ["Digest:MailDirectory"] = mail });
        await app.Get<SubscriberStore>().SubscribeAsync(new SubscriberPreferences("metrics@example.org", "en", [], [], [], [], [], [], 7, "UTC", 3), true, CancellationToken.None);
        await app.Get<DigestService>().PlanAsync(ignoreSendHour: true, date: null, CancellationToken.None);
        await app.Get<DigestService>().SendDueAsync(null, CancellationToken.None);
        await web.Http.GetAsync("/api/themes");

        var metrics = await web.Http.GetStringAsync("/metrics");

        foreach (var series in new[]
        {
            "newspulse_feed_polls_total{", "newspulse_feed_poll_duration_seconds_bucket{", "newspulse_page_fetches_total{",
            "newspulse_extractions_total{", "newspulse_extraction_duration_seconds_bucket{", "newspulse_taggings_total{",
            "newspulse_tagging_duration_seconds_bucket{", "newspulse_quote_extractions_total{", "newspulse_quotes_total",
            "http_server_request_duration_seconds_bucket{", "newspulse_digest_compositions_total{", "newspulse_digest_sends_total{",
        })
        {
            Assert.Contains(series, metrics, StringComparison.Ordinal);
        }

        Assert.Contains("outcome=\"extracted\"", metrics, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(mail, "*.eml"));
        Directory.Delete(mail, recursive: true);
    }

    [Fact]
    public async Task Health_reports_a_running_scheduler_in_serve()
    {
        var scheduler = new SchedulerOptions { PollDueFeedsEvery = TimeSpan.FromHours(1), FetchArticlesEvery = TimeSpan.FromHours(1) };
        await using var web = await TestWebServer.StartAsync(ConnectionString, addServices: services => services.AddNewsPulseScheduler(scheduler, ConnectionString));

        var health = await JsonAsync(await web.Http.GetAsync("/healthz"));

        Assert.Equal(("ok", "running"), (health.GetProperty("status").GetString(), health.GetProperty("scheduler").GetString()));
        Assert.True(health.GetProperty("database").GetBoolean());
    }
}
