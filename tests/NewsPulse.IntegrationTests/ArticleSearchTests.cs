using System.Net;
using System.Text.Json;
using Dapper;
using NewsPulse.App.Hosting;
using NewsPulse.App.Web;
using NewsPulse.Storage.Stores;

namespace NewsPulse.IntegrationTests;

/// <summary>Article search over the tagged sample corpus: filter logic, keyset pages, full text in each language, facets.</summary>
public sealed class ArticleSearchTests : FreshDatabaseTest
{
    private Task<AppServices> IngestSamplesAsync() => SampleCorpus.IngestAsync(ConnectionString);

    private static async Task<List<long>> IdsAsync(ArticleSearch search, ArticleQuery query) =>
        [.. (await search.SearchAsync(query with { Limit = 200 }, CancellationToken.None)).Articles.Select(a => a.Id)];

    [Fact]
    public async Task Filters_combine_pages_follow_the_cursor_and_facets_count_the_same_articles()
    {
        await using var app = await IngestSamplesAsync();
        var search = app.Get<ArticleSearch>();
        var tags = app.Get<TagStore>();

        var all = await IdsAsync(search, new ArticleQuery());
        var nvidia = await IdsAsync(search, new ArticleQuery { Companies = ["Nvidia"] });
        var alibaba = await IdsAsync(search, new ArticleQuery { Companies = ["Alibaba"] });
        var either = await IdsAsync(search, new ArticleQuery { Companies = ["Nvidia", "Alibaba"] });
        var nvidiaInFrench = await IdsAsync(search, new ArticleQuery { Companies = ["Nvidia"], Languages = ["fr"] });

        Assert.NotEmpty(nvidia);
        Assert.NotEmpty(alibaba);
        Assert.Equal(nvidia.Union(alibaba).Order(), either.Order());
        foreach (var id in nvidia)
        {
            Assert.Contains(await tags.GetTagsAsync(id, CancellationToken.None), t => t.Kind == "company" && t.Value == "Nvidia");
        }

        Assert.Subset(nvidia.ToHashSet(), nvidiaInFrench.ToHashSet());

        // Five at a time, the pages give every article once, newest first, as one big page does.
        var paged = new List<long>();
        string? cursor = null;
        do
        {
            var page = await search.SearchAsync(new ArticleQuery { Limit = 5, Cursor = cursor }, CancellationToken.None);
            paged.AddRange(page.Articles.Select(a => a.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        Assert.Equal(all, paged);
        await Assert.ThrowsAsync<InvalidCursorException>(() => search.SearchAsync(new ArticleQuery { Cursor = "bm90IGEgY3Vyc29y" }, CancellationToken.None));

        var facets = await search.FacetsAsync(new ArticleQuery { Languages = ["en"] }, ["theme"], 20, CancellationToken.None);
        var (topTheme, count) = (facets.Counts["theme"][0].Value, facets.Counts["theme"][0].Articles);
        Assert.Null(facets.Sampled);
        Assert.Equal(count, (await IdsAsync(search, new ArticleQuery { Languages = ["en"], Themes = [topTheme] })).Count);
    }

    [Fact]
    public async Task Facets_over_more_matches_than_the_sample_count_the_newest_and_say_so()
    {
        await using var app = await IngestSamplesAsync();
        var sampled = new ArticleSearch(app.Get<Npgsql.NpgsqlDataSource>(), facetSample: 3);
        var query = new ArticleQuery { Languages = ["en"] };
        var newest = (await sampled.SearchAsync(query with { Limit = 3 }, CancellationToken.None)).Articles.Select(a => a.Id).ToList();
        var tags = app.Get<TagStore>();
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in newest)
        {
            foreach (var tag in (await tags.GetTagsAsync(id, CancellationToken.None)).Where(t => t.Kind == "theme"))
            {
                expected[tag.Value] = expected.GetValueOrDefault(tag.Value) + 1;
            }
        }

        var facets = await sampled.FacetsAsync(query, ["theme"], 20, CancellationToken.None);

        Assert.Equal(3, facets.Sampled);
        Assert.Equal(expected.OrderBy(e => e.Key), facets.Counts["theme"].ToDictionary(c => c.Value, c => c.Articles).OrderBy(e => e.Key));
    }

    [Fact]
    public async Task Tag_sets_follow_every_change_of_tags_decisions_and_dates_and_answer_as_the_tag_rows_do()
    {
        await using var app = await IngestSamplesAsync();
        var search = app.Get<ArticleSearch>();
        var tags = app.Get<TagStore>();
        var now = new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
        await using var connection = await DataSource.OpenConnectionAsync();
        async Task AssertSetsHoldTheEffectiveTags(string after)
        {
            var differing = await connection.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM ((TABLE article_tag_sets EXCEPT TABLE article_tag_keys) UNION ALL (TABLE article_tag_keys EXCEPT TABLE article_tag_sets)) d");
            Assert.True(differing == 0, $"{differing} tag sets differ from the effective tags after {after}");
        }

        await AssertSetsHoldTheEffectiveTags("ingest");
        var tagged = (await connection.QueryAsync<long>("SELECT DISTINCT article_id FROM article_tags ORDER BY article_id LIMIT 3")).ToList();
        var untagged = await connection.ExecuteScalarAsync<long>("SELECT min(id) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id)");
        var firstTag = (await tags.GetTagsAsync(tagged[0], CancellationToken.None))[0];
        var model = await connection.ExecuteScalarAsync<string>("SELECT tag_model_version FROM articles WHERE id = @id", new { id = tagged[0] });

        await tags.DecideAsync(tagged[0], firstTag.Kind, firstTag.Value, present: false, "analyst", now, CancellationToken.None);
        await AssertSetsHoldTheEffectiveTags("an analyst removed a tag");
        await tags.DecideAsync(tagged[0], firstTag.Kind, firstTag.Value, present: true, "analyst", now, CancellationToken.None);
        await tags.DecideAsync(untagged, "country", "IS", present: true, "analyst", now, CancellationToken.None);
        await AssertSetsHoldTheEffectiveTags("analysts added tags, one to an untagged article");
        await connection.ExecuteAsync("DELETE FROM tag_feedback WHERE article_id = @tagged", new { tagged = tagged[0] });
        await AssertSetsHoldTheEffectiveTags("decisions were withdrawn");
        await tags.ReplaceModelTagsAsync(tagged[1], model!, [new StoredTag("company", "Renault", 0.9), new StoredTag("theme", "markets", 0.7)], now, CancellationToken.None);
        await AssertSetsHoldTheEffectiveTags("a new tagging replaced an article's tags");
        await connection.ExecuteAsync("UPDATE articles SET published_at = published_at - interval '400 days' WHERE id = ANY(@moved)", new { moved = new[] { tagged[1], untagged } });
        await AssertSetsHoldTheEffectiveTags("articles' dates moved, one with only an analyst's tag");
        await connection.ExecuteAsync("UPDATE articles SET status = 'fetched' WHERE id = ANY(@refetched)", new { refetched = tagged.Take(2).ToArray() });
        await connection.ExecuteAsync("UPDATE articles SET status = 'tagged' WHERE id = @extracted", new { extracted = tagged[1] });
        await AssertSetsHoldTheEffectiveTags("articles were fetched again, one extracted since");
        await tags.ReplaceModelTagsAsync(tagged[2], model!, [], now, CancellationToken.None);
        await connection.ExecuteAsync("DELETE FROM articles WHERE id = @untagged", new { untagged });
        await AssertSetsHoldTheEffectiveTags("an article lost all its tags and another was deleted");
        foreach (var id in new[] { tagged[0], tagged[2] })
        {
            await tags.DecideAsync(id, "company", "Renault", present: true, "analyst", now, CancellationToken.None);
        }

        var renault = await IdsAsync(search, new ArticleQuery { Companies = ["Renault"] });
        Assert.Equal([tagged[1], tagged[2]], renault.Order());

        // The tag sets (several filters, no minimum confidence) and the tag rows (any positive minimum, which every tag
        // here passes) are two ways to the same answer.
        var pairs = await connection.QueryAsync<(string Company, string Country)>(
            """
            SELECT c.value, k.value FROM article_tags_effective c JOIN article_tags_effective k ON k.article_id = c.article_id AND k.kind = 'country'
            WHERE c.kind = 'company' GROUP BY c.value, k.value ORDER BY count(*) DESC, c.value, k.value LIMIT 3
            """);
        var companies = await connection.QueryAsync<string>("SELECT value FROM article_tags_effective WHERE kind = 'company' GROUP BY value ORDER BY count(*) DESC, value LIMIT 3");
        var queries = pairs.Select(p => new ArticleQuery { Companies = [p.Company], Countries = [p.Country] })
            .Append(new ArticleQuery { Companies = [.. companies], Themes = ["markets", "policy"] })
            .Append(new ArticleQuery { Companies = ["Renault"], Themes = ["markets"], From = now.AddYears(-30), To = now.AddYears(1) });
        foreach (var query in queries)
        {
            var bySets = await IdsAsync(search, query);
            Assert.NotEmpty(bySets);
            Assert.Equal(await IdsAsync(search, query with { MinConfidence = 1e-6 }), bySets);
        }

        var facets = await search.FacetsAsync(new ArticleQuery { Companies = ["Renault"] }, ["theme"], 20, CancellationToken.None);
        var withConfidence = await search.FacetsAsync(new ArticleQuery { Companies = ["Renault"], MinConfidence = 1e-6 }, ["theme"], 20, CancellationToken.None);
        Assert.Contains(facets.Counts["theme"], c => c.Value == "markets");
        Assert.Equal(withConfidence.Counts["theme"], facets.Counts["theme"]);
    }

    [Fact]
    public async Task Full_text_stems_each_language_and_reads_phrases_prefixes_and_exclusions()
    {
        await using var app = await IngestSamplesAsync();
        var search = app.Get<ArticleSearch>();

        var banque = await IdsAsync(search, new ArticleQuery { Text = "banque", Languages = ["fr"] });
        var banques = await IdsAsync(search, new ArticleQuery { Text = "banques", Languages = ["fr"] });
        var chip = await IdsAsync(search, new ArticleQuery { Text = "chip*" });
        var chips = await IdsAsync(search, new ArticleQuery { Text = "chips" });
        var chipsNotChina = await IdsAsync(search, new ArticleQuery { Text = "chips -china" });
        var ranked = await search.SearchAsync(new ArticleQuery { Text = "chips export", ByRelevance = true, Limit = 3 }, CancellationToken.None);
        var chipsInAnyLanguage = (await search.SearchAsync(new ArticleQuery { Text = "chips", Limit = 200 }, CancellationToken.None)).Articles;
        var chipsInEnglish = await IdsAsync(search, new ArticleQuery { Text = "chips", Languages = ["EN"] });
        var chipsInOtherLanguages = await IdsAsync(search, new ArticleQuery { Text = "chips", Languages = ["fr", "de"] });

        Assert.NotEmpty(banque);
        Assert.Equal(banque.Order(), banques.Order());
        Assert.Subset(chip.ToHashSet(), chips.ToHashSet());
        Assert.True(chipsNotChina.Count < chips.Count, "excluding china drops some chip stories");
        Assert.Subset(chips.ToHashSet(), chipsNotChina.ToHashSet());
        Assert.NotEmpty(ranked.Articles);
        Assert.NotEmpty(chipsInEnglish);
        Assert.Equal(chipsInAnyLanguage.Where(a => a.Language == "en").Select(a => a.Id), chipsInEnglish);
        Assert.Equal(chipsInAnyLanguage.Where(a => a.Language is "fr" or "de").Select(a => a.Id), chipsInOtherLanguages);
        Assert.Equal(("chip:*", "export"), (ArticleSearch.SplitPrefixes("chip* export").Prefixes, ArticleSearch.SplitPrefixes("chip* export").Plain));
    }

    [Fact]
    public async Task The_HTTP_API_searches_with_facets_and_answers_bad_parameters_with_problem_details()
    {
        await using var app = await IngestSamplesAsync();
        await using var web = WebServer.Build(ConnectionString, "http://127.0.0.1:0");
        await web.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(web.Urls.First()) };

        var found = JsonDocument.Parse(await http.GetStringAsync("/api/articles?company=nvidia,Alibaba&language=en&limit=2&facets=theme,country")).RootElement;
        var next = JsonDocument.Parse(await http.GetStringAsync($"/api/articles?company=nvidia,Alibaba&language=en&limit=2&cursor={found.GetProperty("next_cursor").GetString()}")).RootElement;

        Assert.Equal(2, found.GetProperty("articles").GetArrayLength());
        Assert.NotEqual(found.GetProperty("articles")[0].GetProperty("id").GetInt64(), next.GetProperty("articles")[0].GetProperty("id").GetInt64());
        Assert.True(found.GetProperty("facets").GetProperty("theme").GetArrayLength() > 0);
        Assert.True(found.GetProperty("facets").GetProperty("country")[0].GetProperty("articles").GetInt32() > 0);
        Assert.Equal(JsonValueKind.Null, found.GetProperty("facets_sampled").ValueKind);
        foreach (var (query, parameter) in new[]
        {
            ("from=yesterday", "from"), ("theme=sports", "theme"), ("limit=500", "limit"), ("cursor=abc", "cursor"),
            ("country=Atlantis", "country"), ("sort=relevance", "sort"), ("min_confidence=2", "min_confidence"), ("facets=people", "facets"),
        })
        {
            var response = await http.GetAsync($"/api/articles?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(parameter, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("parameter").GetString());
        }
    }

    [Fact]
    public async Task Browsing_endpoints_show_an_article_with_tags_quotes_and_its_story_and_list_tags_and_people()
    {
        await using var app = await IngestSamplesAsync();
        await using var web = WebServer.Build(ConnectionString, "http://127.0.0.1:0");
        await web.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(web.Urls.First()) };
        var quoted = (await app.Get<QuoteStore>().ListPeopleAsync(1, CancellationToken.None))[0];

        var exported = await app.Get<ArticleSearch>().SearchAsync(new ArticleQuery { People = [quoted.Name], Limit = 1 }, CancellationToken.None);
        var detail = JsonDocument.Parse(await http.GetStringAsync($"/api/articles/{exported.Articles[0].Id}")).RootElement;
        var themes = JsonDocument.Parse(await http.GetStringAsync("/api/themes")).RootElement;
        var companies = JsonDocument.Parse(await http.GetStringAsync("/api/companies")).RootElement;
        var people = JsonDocument.Parse(await http.GetStringAsync($"/api/people?q={Uri.EscapeDataString(quoted.Name)}")).RootElement;
        var person = JsonDocument.Parse(await http.GetStringAsync($"/api/people/{quoted.Id}")).RootElement;

        var health = JsonDocument.Parse(await http.GetStringAsync("/healthz")).RootElement;
        Assert.Equal(("ok", true), (health.GetProperty("status").GetString(), health.GetProperty("database").GetBoolean()));
        Assert.Equal(JsonValueKind.String, health.GetProperty("last_successful_poll").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/articles/987654")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/people/987654")).StatusCode);
        Assert.Equal(exported.Articles[0].Id, detail.GetProperty("article").GetProperty("id").GetInt64());
        Assert.Contains(detail.GetProperty("quotes").EnumerateArray(), q => q.GetProperty("speaker").GetString() == quoted.Name);
        Assert.True(detail.GetProperty("tags").GetProperty("companies").GetArrayLength() > 0);
        Assert.Equal(JsonValueKind.Array, detail.GetProperty("same_story").ValueKind);
        Assert.Equal(9, themes.GetArrayLength());
        Assert.True(companies[0].GetProperty("articles").GetInt32() >= companies[companies.GetArrayLength() - 1].GetProperty("articles").GetInt32());
        Assert.Equal(quoted.Id, people[0].GetProperty("id").GetInt64());
        Assert.Equal(quoted.Name, person.GetProperty("person").GetProperty("name").GetString());
    }
}
