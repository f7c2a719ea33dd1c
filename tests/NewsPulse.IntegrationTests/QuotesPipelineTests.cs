using System.Net;
using System.Text;
using System.Text.Json;
using Dapper;
using NewsPulse.App.Hosting;
using NewsPulse.App.Quotes;
using NewsPulse.App.Web;
using NewsPulse.Storage.Stores;

namespace NewsPulse.IntegrationTests;

/// <summary>Quotes through the pipeline: stored with their speakers, people registered, merged, exported over HTTP.</summary>
public sealed class QuotesPipelineTests : FreshDatabaseTest
{
    private Task<AppServices> IngestSamplesAsync() => SampleCorpus.IngestAsync(ConnectionString);

    [Fact]
    public async Task Quotes_are_stored_with_people_and_exported_over_HTTP_as_CSV_and_JSON()
    {
        await using var app = await IngestSamplesAsync();
        await using var connection = await DataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM articles WHERE status = 'tagged' AND quotes_extracted_at IS NULL"));
        var stored = (await connection.QueryAsync<(string Text, int Start, int End, string ArticleText)>(
            "SELECT q.text, q.start_offset, q.end_offset, a.text FROM quotes q JOIN articles a ON a.id = q.article_id")).ToArray();
        Assert.True(stored.Length >= 40, $"{stored.Length} quotes in the sample corpus");
        Assert.All(stored, q => Assert.Equal(q.Text, q.ArticleText[q.Start..q.End]));
        var person = (await app.Get<QuoteStore>().ListPeopleAsync(1, CancellationToken.None)).Single();
        Assert.True(person.Quotes >= 2);

        await using var web = WebServer.Build(ConnectionString, "http://127.0.0.1:0");
        await web.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(web.Urls.First()) };
        var csv = await http.GetAsync($"/api/people/{person.Id}/quotes?format=csv&excel=true");
        var json = JsonDocument.Parse(await http.GetStringAsync($"/api/people/{person.Id}/quotes?format=json")).RootElement;

        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var header = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n")[0];
        Assert.Equal("quote_id,person_id,person,title,organisation,quote,kind,language,article_title,outlet,article_url,published_at,reporting_verb,context,companies,countries,themes", header);
        Assert.Equal(person.Quotes, json.GetArrayLength());
        Assert.All(json.EnumerateArray(), q =>
        {
            Assert.Equal(person.Name, q.GetProperty("person").GetString());
            Assert.False(string.IsNullOrEmpty(q.GetProperty("article_url").GetString()));
            Assert.Contains(q.GetProperty("quote").GetString()!, q.GetProperty("context").GetString()!, StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Array, q.GetProperty("themes").ValueKind);
        });

        // The theme and company filters keep exactly the quotes whose article carries the tag.
        var quotes = app.Get<QuoteStore>();
        var all = await quotes.ExportAsync(person.Id, null, null, null, null, CancellationToken.None);
        var theme = all.SelectMany(q => q.Themes).First();
        var company = all.SelectMany(q => q.Companies).First();
        var onTheme = await quotes.ExportAsync(person.Id, null, null, theme, null, CancellationToken.None);
        var onCompany = await quotes.ExportAsync(person.Id, null, null, null, company, CancellationToken.None);
        Assert.Equal(all.Where(q => q.Themes.Contains(theme)).Select(q => q.QuoteId), onTheme.Select(q => q.QuoteId));
        Assert.Equal(all.Where(q => q.Companies.Contains(company)).Select(q => q.QuoteId), onCompany.Select(q => q.QuoteId));
        Assert.Empty(await quotes.ExportAsync(person.Id, null, null, "no-such-theme", null, CancellationToken.None));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/people/987654/quotes")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync($"/api/people/{person.Id}/quotes?format=xml")).StatusCode);
    }

    [Fact]
    public async Task Merging_moves_quotes_and_names_and_lookups_explain_unknown_names()
    {
        await using var app = await IngestSamplesAsync();
        var store = app.Get<QuoteStore>();
        var people = await store.ListPeopleAsync(2, CancellationToken.None);
        var (a, b) = (people[0], people[1]);

        Assert.True(await store.MergeAsync(a.Id, b.Id, CancellationToken.None));
        Assert.False(await store.MergeAsync(a.Id, b.Id, CancellationToken.None));

        var merged = await store.GetPersonAsync(a.Id, CancellationToken.None);
        Assert.Equal(a.Quotes + b.Quotes, merged!.Quotes);
        Assert.Null(await store.GetPersonAsync(b.Id, CancellationToken.None));
        var lookup = app.Get<PersonLookup>();
        Assert.Equal(a.Id, (await lookup.FindAsync(b.Name.ToUpperInvariant(), CancellationToken.None)).Person!.Id);
        var surname = a.Name.Split(' ')[^1];
        var bySurname = await lookup.FindAsync(surname, CancellationToken.None);
        Assert.True(bySurname.Person?.Id == a.Id || bySurname.Problem!.Contains("give the id", StringComparison.Ordinal), bySurname.Problem);
        var unknown = await lookup.FindAsync(a.Name[..^1] + "x", CancellationToken.None);
        Assert.Null(unknown.Person);
        Assert.Contains("close matches", unknown.Problem, StringComparison.Ordinal);
        Assert.Contains(a.Name, unknown.Problem, StringComparison.Ordinal);
    }
}
