using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using NewsPulse.App.Digest;
using NewsPulse.App.Hosting;
using NewsPulse.Storage.Stores;
using SmtpServer.Protocol;

namespace NewsPulse.IntegrationTests;

/// <summary>
/// The daily digest from subscription to unsubscribing, against a real SMTP server on 127.0.0.1, the real web
/// server and a real PostgreSQL: double opt-in, the composed email, time zones, retries and a sender killed mid-batch.
/// </summary>
public sealed partial class DigestTests : FreshDatabaseTest
{
    private const string PublicSite = "https://news.example.org";

    private static Dictionary<string, string?> Settings(LocalSmtpServer smtp, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>(smtp.Settings) { ["Digest:PublicBaseUrl"] = PublicSite, ["Digest:TokenSecret"] = new string('s', 40) };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The settings as the environment of a `newspulse` process, bound to this test's database.</summary>
    private Dictionary<string, string> CliEnvironment(Dictionary<string, string?> settings)
    {
        var environment = settings.Where(s => s.Value is not null).ToDictionary(s => "NEWSPULSE__" + s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        environment["NEWSPULSE__ConnectionStrings__NewsPulse"] = ConnectionString;
        return environment;
    }

    /// <summary>A link of an email, as a path on the local server (emails link to the public site).</summary>
    private static string LocalPath(string text, string route) =>
        new Uri(LinkPattern().Matches(text).Select(m => m.Value).First(u => u.Contains(route, StringComparison.Ordinal))).PathAndQuery;

    [GeneratedRegex(@"https://news\.example\.org/[^\s<>""]+")]
    private static partial Regex LinkPattern();

    private static DigestService ServiceAt(AppServices app, TimeProvider time) => ActivatorUtilities.CreateInstance<DigestService>(app.Services, time);

    [Fact]
    public async Task Subscribing_sends_a_signed_confirmation_link_that_confirms_on_a_button_and_bad_input_is_refused()
    {
        await using var smtp = LocalSmtpServer.Start();
        await using var web = await TestWebServer.StartAsync(ConnectionString, Settings(smtp));
        var request = new { email = "ana@example.org", companies = new[] { "nvidia" }, countries = new[] { "France" }, themes = new[] { "ai" }, languages = new[] { "fr" }, time_zone = "Europe/Paris", send_hour = 8 };

        var accepted = await web.Http.PostAsJsonAsync("/api/subscriptions", request);
        await smtp.WaitForAsync(1);
        var confirmation = smtp.Messages[0];
        var confirmPath = LocalPath(confirmation.TextBody!, "/subscriptions/confirm");
        var asked = await web.Http.GetAsync(confirmPath);
        var stillPending = await web.Web.Services.GetRequiredService<SubscriberStore>().FindAsync("ana@example.org", CancellationToken.None);
        var confirmed = await web.Http.PostAsync(confirmPath, null);
        var forged = await web.Http.PostAsync(confirmPath[..^3] + "abc", null);
        var subscriber = await web.Web.Services.GetRequiredService<SubscriberStore>().FindAsync("ANA@example.org", CancellationToken.None);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("ana@example.org", confirmation.To.Mailboxes.Single().Address);
        Assert.Contains("abonnement", confirmation.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<form method=\"post\"", await asked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("pending", stillPending!.Status);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(("confirmed", "fr", 8, "Europe/Paris"), (subscriber!.Status, subscriber.Locale, subscriber.SendHour, subscriber.TimeZone));
        Assert.Equal(["Nvidia", "FR", "ai"], subscriber.Companies.Concat(subscriber.Countries).Concat(subscriber.Themes));

        // A confirmed address is never changed by a request: its owner gets their preferences link instead.
        var again = await web.Http.PostAsJsonAsync("/api/subscriptions", new { email = "ana@example.org", themes = new[] { "markets" } });
        await smtp.WaitForAsync(2);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Contains("/subscriptions/manage", smtp.Messages[1].TextBody, StringComparison.Ordinal);
        Assert.Equal(["ai"], (await web.Web.Services.GetRequiredService<SubscriberStore>().FindAsync("ana@example.org", CancellationToken.None))!.Themes);

        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { email = "not an address" }, "email"), (new { email = "Ana <ana@example.org>" }, "email"), (new { email = "ana@localhost" }, "email"),
            (new { email = "b@example.org", time_zone = "Mars/Olympus" }, "time_zone"), (new { email = "b@example.org", themes = new[] { "sports" } }, "themes"),
            (new { email = "b@example.org", send_hour = 24 }, "send_hour"), (new { email = "b@example.org", send_hour = "seven" }, "send_hour"),
        })
        {
            var refused = await web.Http.PostAsJsonAsync("/api/subscriptions", body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(field, JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("parameter").GetString());
        }

        Assert.Equal(2, smtp.Messages.Count);
    }

    [Fact]
    public async Task The_web_form_subscribes_in_the_page_language_and_the_signed_preferences_page_edits_the_subscription()
    {
        await using var smtp = LocalSmtpServer.Start();
        await using var web = await TestWebServer.StartAsync(ConnectionString, Settings(smtp));
        var store = web.Web.Services.GetRequiredService<SubscriberStore>();
        static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) => new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));

        var subscribed = await web.Http.PostAsync("/subscribe?lang=fr", Form(
            ("email", "marie@example.org"), ("companies", "Airbus, Nvidia"), ("themes", "policy"), ("themes", "ai"), ("languages", "fr"),
            ("send_hour", "6"), ("time_zone", "Europe/Paris"), ("max_stories", "8"), ("ui_language", "fr")));
        var refused = await web.Http.PostAsync("/subscribe", Form(("email", "marie@example.org"), ("time_zone", "Europe/Atlantis")));
        await smtp.WaitForAsync(1);
        var marie = await store.FindAsync("marie@example.org", CancellationToken.None);
        var manage = "/subscriptions/manage?token=" + web.Web.Services.GetRequiredService<LinkTokens>().Create(LinkPurpose.Manage, marie!.Id, marie.TokenVersion);
        var form = await web.Http.GetStringAsync(manage);
        var saved = await web.Http.PostAsync(manage, Form(("email", "someone-else@example.org"), ("companies", "Airbus"), ("countries", "DE"), ("send_hour", "9"), ("time_zone", "Europe/Berlin"), ("max_stories", "5")));
        var edited = await store.FindAsync("marie@example.org", CancellationToken.None);
        var unsigned = await web.Http.GetAsync("/subscriptions/manage?token=forged.token");

        Assert.Equal(HttpStatusCode.Accepted, subscribed.StatusCode);
        Assert.Contains("Consultez votre boîte de réception", await subscribed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Europe/Atlantis", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(("pending", "fr", 6, 8), (marie.Status, marie.Locale, marie.SendHour, marie.MaxStories));
        Assert.Equal(["Airbus", "Nvidia", "policy", "ai"], marie.Companies.Concat(marie.Themes));
        Assert.Contains("value=\"Airbus, Nvidia\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(("marie@example.org", 9, "Europe/Berlin"), (edited!.Email, edited.SendHour, edited.TimeZone));
        Assert.Equal(["Airbus", "DE"], edited.Companies.Concat(edited.Countries));
        Assert.Equal(HttpStatusCode.NotFound, unsigned.StatusCode);
    }

    [Fact]
    public async Task The_CLI_adds_lists_previews_and_removes_subscribers()
    {
        await using var smtp = LocalSmtpServer.Start();
        var settings = Settings(smtp);
        await using (await SampleCorpus.IngestAsync(ConnectionString, settings))
        {
        }

        var environment = CliEnvironment(settings);
        var output = Directory.CreateTempSubdirectory("np-preview-").FullName;

        var added = await CliProcess.RunAsync(environment, "subscribers", "add", "cli@example.org", "--theme", "ai", "--language", "en", "--confirmed");
        var pending = await CliProcess.RunAsync(environment, "subscribers", "add", "other@example.org", "--time-zone", "Asia/Tokyo");
        var badAddress = await CliProcess.RunAsync(environment, "subscribers", "add", "nobody@", "--confirmed");
        var listed = await CliProcess.RunAsync(environment, "subscribers", "list", "--format", "json");
        var preview = await CliProcess.RunAsync(environment, "digest", "preview", "--email", "cli@example.org", "--output", output);
        var removed = await CliProcess.RunAsync(environment, "subscribers", "remove", "cli@example.org");
        var removedAgain = await CliProcess.RunAsync(environment, "subscribers", "remove", "cli@example.org");

        Assert.True(added.ExitCode == 0, added.Stderr);
        Assert.Contains("confirmed", added.Stdout, StringComparison.Ordinal);
        Assert.True(pending.ExitCode == 0, pending.Stderr);
        Assert.Equal("other@example.org", smtp.Messages.Single().To.Mailboxes.Single().Address);
        Assert.Equal(1, badAddress.ExitCode);
        Assert.Contains("email", badAddress.Stderr, StringComparison.Ordinal);
        var subscribers = JsonDocument.Parse(listed.Stdout).RootElement;
        Assert.Equal(["confirmed", "pending"], subscribers.EnumerateArray().Select(e => e.GetProperty("status").GetString()));
        Assert.True(preview.ExitCode == 0, preview.Stderr);
        var files = preview.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(File.Exists).ToList();
        Assert.Equal([".html", ".txt", ".eml"], files.Select(Path.GetExtension));
        Assert.Contains("<html", await File.ReadAllTextAsync(files[0]), StringComparison.Ordinal);
        Assert.Equal(0, removed.ExitCode);
        Assert.Equal(1, removedAgain.ExitCode);
        Directory.Delete(output, recursive: true);
    }

    [Fact]
    public async Task A_digest_is_one_multipart_email_with_list_headers_and_one_click_unsubscribe_stops_the_next()
    {
        await using var smtp = LocalSmtpServer.Start();
        var settings = Settings(smtp);
        await using var app = await SampleCorpus.IngestAsync(ConnectionString, settings);
        await using var web = await TestWebServer.StartAsync(ConnectionString, settings);
        await using var connection = await DataSource.OpenConnectionAsync();
        var company = await connection.ExecuteScalarAsync<string>("SELECT value FROM article_tags WHERE kind = 'company' GROUP BY value ORDER BY count(*) DESC, value LIMIT 1");
        var (subscriber, _) = await app.Get<SubscriberStore>().SubscribeAsync(
            new SubscriberPreferences("reader@example.org", "en", [company!], [], [], [], [], [], 7, "UTC", 5), confirmed: true, CancellationToken.None);
        var digests = app.Get<DigestService>();

        var plan = await digests.PlanAsync(ignoreSendHour: true, date: null, CancellationToken.None);
        var sent = await digests.SendDueAsync(null, CancellationToken.None);
        var replan = await digests.PlanAsync(ignoreSendHour: true, date: null, CancellationToken.None);
        var digest = smtp.Messages.Single();
        var unsubscribe = digest.Headers[HeaderId.ListUnsubscribe]!.Trim('<', '>');
        using var oneClick = new FormUrlEncodedContent([KeyValuePair.Create("List-Unsubscribe", "One-Click")]);
        var unsubscribed = await web.Http.PostAsync(new Uri(unsubscribe).PathAndQuery, oneClick);
        var after = await app.Get<SubscriberStore>().GetAsync(subscriber.Id, CancellationToken.None);
        var nextDay = await digests.PlanAsync(ignoreSendHour: true, date: DateOnly.FromDateTime(DateTime.UnixEpoch.AddDays(30000)), CancellationToken.None);

        Assert.Equal((1, 1, 0), (plan.Composed, sent.Sent, replan.Composed));
        Assert.Equal(1, replan.AlreadyDone);
        var alternative = Assert.IsType<MultipartAlternative>(digest.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Contains(company!, digest.TextBody, StringComparison.Ordinal);
        Assert.Contains(company!, digest.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith(PublicSite + "/subscriptions/unsubscribe?token=", unsubscribe, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", digest.Headers[HeaderId.ListUnsubscribePost]);
        Assert.EndsWith("@news.example.org", digest.MessageId, StringComparison.Ordinal);
        Assert.NotEqual(DateTimeOffset.MinValue, digest.Date);
        Assert.StartsWith("NewsPulse", digest.Subject, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        Assert.Equal("unsubscribed", after!.Status);
        Assert.Equal(0, nextDay.Composed + nextDay.Skipped);
        Assert.Single(smtp.Messages);
    }

    [Fact]
    public async Task Each_subscriber_gets_the_digest_when_their_own_local_send_hour_comes()
    {
        await using var smtp = LocalSmtpServer.Start();
        await using var app = await SampleCorpus.IngestAsync(ConnectionString, Settings(smtp));
        var store = app.Get<SubscriberStore>();
        var (tokyo, _) = await store.SubscribeAsync(new SubscriberPreferences("tokyo@example.org", "en", [], [], [], [], [], [], 7, "Asia/Tokyo", 5), true, CancellationToken.None);
        var (losAngeles, _) = await store.SubscribeAsync(new SubscriberPreferences("la@example.org", "en", [], [], [], [], [], [], 7, "America/Los_Angeles", 5), true, CancellationToken.None);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 21, 30, 0, TimeSpan.Zero));
        await using (var connection = await DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE articles SET first_extracted_at = @at WHERE first_extracted_at IS NOT NULL", new { at = time.GetUtcNow().AddHours(-1) });
        }

        var digests = ServiceAt(app, time);
        var at2130 = await digests.PlanAsync(false, null, CancellationToken.None); // Tokyo 06:30 on the 7th, Los Angeles 13:30 on the 6th
        time.SetUtcNow(new DateTimeOffset(2026, 12, 6, 22, 0, 0, TimeSpan.Zero));
        var at2200 = await digests.PlanAsync(false, null, CancellationToken.None); // Tokyo 07:00 on the 7th
        time.SetUtcNow(new DateTimeOffset(2026, 12, 7, 14, 59, 0, TimeSpan.Zero));
        var at1459 = await digests.PlanAsync(false, null, CancellationToken.None); // Los Angeles 06:59 on the 7th
        time.SetUtcNow(new DateTimeOffset(2026, 12, 7, 15, 0, 0, TimeSpan.Zero));
        var at1500 = await digests.PlanAsync(false, null, CancellationToken.None); // Los Angeles 07:00 on the 7th
        var outbox = (await app.Get<DigestStore>().ListAsync(CancellationToken.None)).Select(d => (d.SubscriberId, d.LocalDate)).ToList();

        Assert.Equal([1, 1, 0, 1], new[] { at2130, at2200, at1459, at1500 }.Select(p => p.Composed + p.Skipped));
        Assert.Equal(
            [(tokyo.Id, new DateOnly(2026, 12, 7)), (losAngeles.Id, new DateOnly(2026, 12, 6)), (losAngeles.Id, new DateOnly(2026, 12, 7))],
            outbox.Order());
    }

    [Fact]
    public async Task A_transient_refusal_is_retried_later_and_a_permanent_one_stops_the_address()
    {
        // The first message is refused for now (451), the second for good (550).
        await using var smtp = LocalSmtpServer.Start(refuse: n => n switch
        {
            0 => new SmtpResponse((SmtpReplyCode)451, "try again later"),
            1 => new SmtpResponse((SmtpReplyCode)550, "no such user"),
            _ => null,
        });
        await using var app = await SampleCorpus.IngestAsync(ConnectionString, Settings(smtp, ("Digest:SendConcurrency", "1")));
        var store = app.Get<SubscriberStore>();
        var (first, _) = await store.SubscribeAsync(new SubscriberPreferences("first@example.org", "en", [], [], [], [], [], [], 7, "UTC", 3), true, CancellationToken.None);
        var (second, _) = await store.SubscribeAsync(new SubscriberPreferences("second@example.org", "en", [], [], [], [], [], [], 7, "UTC", 3), true, CancellationToken.None);
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddMinutes(1));
        var digests = ServiceAt(app, time);

        await digests.PlanAsync(ignoreSendHour: true, date: null, CancellationToken.None);
        var firstPass = await digests.SendDueAsync(null, CancellationToken.None);
        var tooSoon = await digests.SendDueAsync(null, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(61));
        var retried = await digests.SendDueAsync(null, CancellationToken.None);
        var outbox = (await app.Get<DigestStore>().ListAsync(CancellationToken.None)).ToDictionary(d => d.SubscriberId);

        Assert.Equal((0, 1, 1), (firstPass.Sent, firstPass.Retrying, firstPass.Failed));
        Assert.Equal(0, tooSoon.Sent + tooSoon.Retrying + tooSoon.Failed);
        Assert.Equal(1, retried.Sent);
        Assert.Equal(("sent", 2), (outbox[first.Id].State, outbox[first.Id].Attempts));
        Assert.Equal("failed", outbox[second.Id].State);
        Assert.Contains("550", outbox[second.Id].LastError, StringComparison.Ordinal);
        Assert.Equal("bounced", (await store.GetAsync(second.Id, CancellationToken.None))!.Status);
        Assert.Equal("first@example.org", smtp.Messages.Single().To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task A_sender_killed_mid_batch_leaves_no_subscriber_with_two_digests_and_none_without()
    {
        const int Subscribers = 30;
        await using var smtp = LocalSmtpServer.Start(delay: TimeSpan.FromMilliseconds(40));
        var settings = Settings(smtp, ("Digest:SendLeaseSeconds", "1"), ("Digest:SendConcurrency", "2"));
        await using (var app = await SampleCorpus.IngestAsync(ConnectionString, settings))
        {
            for (var i = 0; i < Subscribers; i++)
            {
                await app.Get<SubscriberStore>().SubscribeAsync(
                    new SubscriberPreferences($"reader{i}@example.org", i % 2 == 0 ? "en" : "fr", [], [], [], [], [], [], 7, "UTC", 3), true, CancellationToken.None);
            }
        }

        var environment = CliEnvironment(settings);
        await using (var sender = CliProcess.Start(environment, "digest", "send", "--now"))
        {
            await smtp.WaitForAsync(8);
        }

        var beforeRestart = smtp.Messages.Count;
        await using (var connection = await DataSource.OpenConnectionAsync())
        {
            // The killed sender's claims last a second: the restart below takes them over once they have run out.
            for (var look = 0; look < 100 && await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM digest_deliveries WHERE state = 'sending' AND lease_until >= now())"); look++)
            {
                await Task.Delay(50);
            }
        }

        var (exitCode, stdout, stderr) = await CliProcess.RunAsync(environment, "digest", "send", "--now");
        var byRecipient = smtp.Messages.GroupBy(m => m.To.Mailboxes.Single().Address).ToDictionary(g => g.Key, g => g.Select(m => m.MessageId).Distinct().Count());

        Assert.True(exitCode == 0, stderr);
        Assert.InRange(beforeRestart, 8, Subscribers - 1);
        Assert.Equal(Subscribers, byRecipient.Count);
        Assert.All(byRecipient, r => Assert.Equal(1, r.Value));
        Assert.Contains("composed 0", stdout, StringComparison.Ordinal);
        await using var check = await DataSource.OpenConnectionAsync();
        Assert.Equal(Subscribers, await check.ExecuteScalarAsync<int>("SELECT count(*) FROM digest_deliveries WHERE state = 'sent'"));
    }
}
