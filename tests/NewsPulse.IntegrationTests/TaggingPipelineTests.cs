using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using NewsPulse.App.Hosting;
using NewsPulse.App.Ingestion;
using NewsPulse.App.Tagging;
using NewsPulse.Tests;

namespace NewsPulse.IntegrationTests;

/// <summary>Tags through the whole pipeline: stored with their model version, re-tagged on demand, corrected by analysts over HTTP.</summary>
public sealed class TaggingPipelineTests : FreshDatabaseTest
{
    private Task<AppServices> IngestSamplesAsync(IReadOnlyDictionary<string, string?>? extra = null) => SampleCorpus.IngestAsync(ConnectionString, extra);

    [Fact]
    public async Task Ingested_articles_are_tagged_with_the_model_version_and_retagging_restores_the_tags()
    {
        await using var app = await IngestSamplesAsync();
        await using var connection = await DataSource.OpenConnectionAsync();

        var articles = (await connection.QueryAsync<(string Status, string? Version)>("SELECT status, tag_model_version FROM articles")).ToArray();
        var version = app.Get<ModelFiles>().CurrentTagger().ModelVersion;
        Assert.NotEmpty(articles);
        Assert.All(articles, a => Assert.Equal(("tagged", version), (a.Status, a.Version)));
        var metrics = await connection.ExecuteScalarAsync<string>("SELECT metrics::text FROM model_versions WHERE version = @version", new { version });
        Assert.Equal(2, JsonDocument.Parse(metrics!).RootElement.GetProperty("dev_scores").GetArrayLength());
        var kinds = (await connection.QueryAsync<(string Kind, int Articles)>("SELECT kind, count(DISTINCT article_id)::int FROM article_tags GROUP BY kind")).ToDictionary(k => k.Kind, k => k.Articles);
        // Every sample story names companies and countries; most have a theme.
        Assert.Equal(articles.Length, kinds["company"]);
        Assert.Equal(articles.Length, kinds["country"]);
        Assert.True(kinds["theme"] >= articles.Length / 2, $"{kinds["theme"]} of {articles.Length} articles have a theme");
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM article_tags WHERE confidence < 0 OR confidence > 1 OR model_version <> @version", new { version }));

        var before = await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM article_tags");
        await connection.ExecuteAsync("DELETE FROM article_tags");
        var retagged = await app.Get<Reprocessor>().RetagAsync(null, null, CancellationToken.None);

        Assert.Equal((articles.Length, 0), (retagged.Succeeded, retagged.Failed));
        Assert.Equal(before, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM article_tags"));
    }

    [Fact]
    public async Task Analysts_add_and_remove_tags_over_HTTP_and_their_decisions_outrank_the_model()
    {
        await using var app = await IngestSamplesAsync();
        await using var web = await TestWebServer.StartAsync(ConnectionString);
        var http = web.Http;
        await using var connection = await DataSource.OpenConnectionAsync();
        var id = await connection.ExecuteScalarAsync<long>("SELECT min(article_id) FROM article_tags WHERE kind = 'company'");
        var company = await connection.ExecuteScalarAsync<string>("SELECT min(value) FROM article_tags WHERE article_id = @id AND kind = 'company'", new { id });

        var anonymous = await http.PostAsJsonAsync($"/api/articles/{id}/tags", new { kind = "theme", value = "Open Source", analyst = "ana" });
        var added = await http.SendAsync(TestWebServer.Admin(HttpMethod.Post, $"/api/articles/{id}/tags", JsonContent.Create(new { kind = "theme", value = "Open Source", analyst = "ana" })));
        var removed = await http.SendAsync(TestWebServer.Admin(HttpMethod.Delete, $"/api/articles/{id}/tags/company/{Uri.EscapeDataString(company!)}?analyst=ana"));
        var unknownTheme = await http.SendAsync(TestWebServer.Admin(HttpMethod.Post, $"/api/articles/{id}/tags", JsonContent.Create(new { kind = "theme", value = "sports" })));
        var unknownKind = await http.SendAsync(TestWebServer.Admin(HttpMethod.Post, $"/api/articles/{id}/tags", JsonContent.Create(new { kind = "person", value = "Ada" })));
        var noArticle = await http.SendAsync(TestWebServer.Admin(HttpMethod.Post, "/api/articles/999999/tags", JsonContent.Create(new { kind = "country", value = "FR" })));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var tags = JsonDocument.Parse(await http.GetStringAsync($"/api/articles/{id}/tags")).RootElement;

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownTheme.StatusCode);
        Assert.Contains("not a theme", await unknownTheme.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);
        Assert.Equal("kind", JsonDocument.Parse(await unknownKind.Content.ReadAsStringAsync()).RootElement.GetProperty("parameter").GetString());
        Assert.Equal(HttpStatusCode.NotFound, noArticle.StatusCode);
        Assert.Contains(tags.GetProperty("themes").EnumerateArray(), t => t.GetProperty("name").GetString() == "open-source" && t.GetProperty("source").GetString() == "analyst");
        Assert.DoesNotContain(tags.GetProperty("companies").EnumerateArray(), c => c.GetProperty("name").GetString() == company);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/articles/999999/tags")).StatusCode);

        // Re-tagging replaces the model's tags, never the analysts'.
        await app.Get<Reprocessor>().RetagAsync(null, null, CancellationToken.None);
        var after = JsonDocument.Parse(await http.GetStringAsync($"/api/articles/{id}/tags")).RootElement;
        Assert.DoesNotContain(after.GetProperty("companies").EnumerateArray(), c => c.GetProperty("name").GetString() == company);
        Assert.Contains(after.GetProperty("themes").EnumerateArray(), t => t.GetProperty("name").GetString() == "open-source");
    }

    [Fact]
    public async Task Training_reads_analyst_decisions_and_records_the_new_version()
    {
        // A small labelled set in a folder of the test's own keeps this training quick.
        var folder = Path.Combine(Path.GetTempPath(), $"np-train-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(folder, "data"));
        var lines = File.ReadLines(RepositoryRoot.Combine("tests", "data", "tagging", "en-a.jsonl")).Take(100).ToList();
        await File.WriteAllLinesAsync(Path.Combine(folder, "data", "slice.jsonl"), lines);
        try
        {
            await using var app = await IngestSamplesAsync(new Dictionary<string, string?>
            {
                ["Tagging:ModelDirectory"] = Path.Combine(folder, "models"),
                ["Tagging:DataDirectory"] = Path.Combine(folder, "data"),
            });
            var decisions = app.Get<TagDecisions>();
            Assert.True((await decisions.DecideAsync(1, "theme", "markets", present: true, "ana", CancellationToken.None)).Stored);
            Assert.True((await decisions.DecideAsync(1, "country", "Japon", present: false, "ana", CancellationToken.None)).Stored);
            Assert.True((await decisions.DecideAsync(2, "company", "google llc", present: true, null, CancellationToken.None)).Stored);

            var (model, path) = await app.Get<ModelTraining>().TrainAsync(null, CancellationToken.None);

            Assert.Equal(3, model.Manifest.FeedbackLabels);
            Assert.True(File.Exists(path));
            Assert.Equal(path, app.Get<ModelFiles>().CurrentPath());
            // The ingest above tagged with the folder's first model; the tagger in use follows the new current one.
            Assert.Equal(model.Version, app.Get<ModelFiles>().CurrentTagger().ModelVersion);
            await using var connection = await DataSource.OpenConnectionAsync();
            Assert.Equal(3, await connection.ExecuteScalarAsync<int>("SELECT feedback_labels FROM model_versions WHERE version = @Version", model.Manifest));
            Assert.Equal(
                [("company", "Google", true), ("country", "JP", false), ("theme", "markets", true)],
                (await connection.QueryAsync<(string, string, bool)>("SELECT kind, value, present FROM tag_feedback ORDER BY kind")).ToArray());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
