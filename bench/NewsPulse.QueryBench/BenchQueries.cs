using System.Globalization;
using System.Text.Json;
using Dapper;
using NewsPulse.Storage.Stores;
using Npgsql;

namespace NewsPulse.QueryBench;

/// <summary>One query of the benchmark: the URLs it rotates through, and the statements the endpoint runs for the first of them.</summary>
internal sealed record BenchQuery(string Name, IReadOnlyList<string> Urls, IReadOnlyList<SqlStatement> Statements);

/// <summary>The benchmark's queries and the page-depth series, with parameters picked from the loaded data so that they find something.</summary>
internal static class BenchQueries
{
    private const int Rotation = 50;
    private const int FacetTop = 20;
    private const int PageSize = 50;
    private const int DeepPage = 50;
    private const int DeepFilters = 10;

    private static readonly string[] FacetKinds = ["theme", "company", "country"];

    /// <summary>Bands of the share of articles a word appears in: common, middling and rare words.</summary>
    private static readonly (double Min, double Max)[] WordBands = [(0.10, 0.40), (0.005, 0.03), (0.0004, 0.0015)];

    public static async Task<(IReadOnlyList<BenchQuery> Queries, IReadOnlyList<BenchQuery> PageDepth)> BuildAsync(string connectionString, SyntheticCorpus corpus, HttpClient http)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var companies = (await connection.QueryAsync<(string Value, int Articles)>(
            "SELECT value, count(*)::int FROM article_tags WHERE kind = 'company' GROUP BY value ORDER BY count(*) DESC, value LIMIT @Rotation", new { Rotation })).ToList();
        var samples = await SampleArticlesAsync(connection, corpus.Size.Articles);
        var words = new List<string>();
        foreach (var language in new[] { "en", "fr" })
        {
            foreach (var (min, max) in WordBands)
            {
                words.AddRange(Spread(await IndexedWordsAsync(connection, language, corpus.WordsByArticleShare(language, min, max)), 8));
            }
        }

        var people = (await connection.QueryAsync<(long Id, int Quotes)>(
            "SELECT person_id, count(*)::int FROM quotes WHERE person_id IS NOT NULL GROUP BY person_id ORDER BY count(*) DESC, person_id")).ToList();
        var thousand = people.Where(p => p.Quotes >= 1000).OrderBy(p => p.Quotes).Take(20).ToList();

        // Companies with enough articles to reach the deep page (all of the top ten, on a full-size corpus).
        var deep = companies.Where(c => c.Articles > DeepPage * PageSize).Take(DeepFilters).Select(c => new ArticleQuery { Companies = [c.Value] }).ToList();
        var cursors = new List<string?[]>();
        foreach (var query in deep)
        {
            cursors.Add(await CursorsAsync(http, query, DeepPage));
        }

        var pages = new[] { 1, 10, DeepPage }
            .Select(page => Articles($"page {page} (company, cursor)", [.. deep.Select((q, i) => q with { Cursor = cursors[i][page - 1] })]))
            .ToList();
        IReadOnlyList<BenchQuery> queries =
        [
            Articles("1 filter: company", [.. companies.Select(c => new ArticleQuery { Companies = [c.Value] })]),
            Articles("3 filters: company + country + theme", [.. samples.Select(s => new ArticleQuery { Companies = [s.Company!], Countries = [s.Country!], Themes = [s.Theme!] })]),
            Articles("full text: q", [.. words.Select(w => new ArticleQuery { Text = w })]),
            Articles("full text + company + language", [.. samples.Select(s => new ArticleQuery { Text = LongestWord(s.Title), Companies = [s.Company!], Languages = [s.Language] })]),
            Articles("company + facets theme,company,country", [.. companies.Select(c => new ArticleQuery { Companies = [c.Value] })], facets: true),
            pages[^1] with { Name = $"deep page: page {DeepPage} by cursor" },
            Quotes(
                "person quotes JSON (top 50 people, 1 month)",
                [.. people.Take(Rotation).Select((p, i) => (p.Id, (DateTimeOffset?)SyntheticCorpus.Start.AddMonths(i % 24), (DateTimeOffset?)SyntheticCorpus.Start.AddMonths((i % 24) + 1)))],
                "json"),
            Quotes(
                $"CSV export, people with {thousand.FirstOrDefault().Quotes:N0}-{thousand.LastOrDefault().Quotes:N0} quotes",
                [.. (thousand.Count > 0 ? thousand : people.Take(5)).Select(p => (p.Id, (DateTimeOffset?)null, (DateTimeOffset?)null))],
                "csv"),
        ];
        return (queries, pages);
    }

    private static BenchQuery Articles(string name, IReadOnlyList<ArticleQuery> rotation, bool facets = false) =>
        new(
            name,
            [.. rotation.Select(q => Url(q, facets))],
            [ArticleSearch.DescribeSearch(rotation[0]), .. facets ? [ArticleSearch.DescribeFacets(rotation[0], FacetKinds, FacetTop)] : Array.Empty<SqlStatement>()]);

    private static BenchQuery Quotes(string name, IReadOnlyList<(long Person, DateTimeOffset? From, DateTimeOffset? To)> rotation, string format) =>
        new(
            name,
            [.. rotation.Select(r => $"/api/people/{r.Person}/quotes?format={format}{Within(r.From, r.To)}")],
            [QuoteStore.DescribeExport(rotation[0].Person, rotation[0].From, rotation[0].To, theme: null, company: null)]);

    private static string Within(DateTimeOffset? from, DateTimeOffset? to) =>
        from is { } start && to is { } end ? string.Create(CultureInfo.InvariantCulture, $"&from={start:yyyy-MM-dd'T'HH:mm:ss'Z'}&to={end:yyyy-MM-dd'T'HH:mm:ss'Z'}") : "";

    /// <summary>The GET /api/articles URL of a query, with the parameters the endpoint reads back into the same query.</summary>
    private static string Url(ArticleQuery query, bool facets)
    {
        var parameters = new List<string>();
        void Add(string name, IEnumerable<string> values) => parameters.AddRange(values.Select(v => $"{name}={Uri.EscapeDataString(v)}"));
        Add("company", query.Companies);
        Add("country", query.Countries);
        Add("theme", query.Themes);
        Add("language", query.Languages);
        Add("q", query.Text is { } text ? [text] : []);
        Add("cursor", query.Cursor is { } cursor ? [cursor] : []);
        Add("facets", facets ? [string.Join(',', FacetKinds)] : []);
        return "/api/articles?" + string.Join('&', parameters);
    }

    /// <summary>The cursor of each page from 1 (none) to <paramref name="pages"/>, following next_cursor through the API.</summary>
    private static async Task<string?[]> CursorsAsync(HttpClient http, ArticleQuery query, int pages)
    {
        var cursors = new string?[pages];
        for (var page = 1; page < pages; page++)
        {
            using var json = JsonDocument.Parse(await http.GetStringAsync(Url(query with { Cursor = cursors[page - 1] }, facets: false)));
            cursors[page] = json.RootElement.GetProperty("next_cursor").GetString();
        }

        return cursors;
    }

    /// <summary>Articles spread evenly over the ids, with their language, title and most confident company, country and theme.</summary>
    private static async Task<List<Sample>> SampleArticlesAsync(NpgsqlConnection connection, long articles)
    {
        var ids = Enumerable.Range(1, Rotation * 2).Select(i => i * articles / ((Rotation * 2) + 1)).ToArray();
        var rows = await connection.QueryAsync<Sample>(
            """
            SELECT a.id, a.language, a.title,
                   (SELECT t.value FROM article_tags t WHERE t.article_id = a.id AND t.kind = 'company' ORDER BY t.confidence DESC LIMIT 1) AS company,
                   (SELECT t.value FROM article_tags t WHERE t.article_id = a.id AND t.kind = 'country' ORDER BY t.confidence DESC LIMIT 1) AS country,
                   (SELECT t.value FROM article_tags t WHERE t.article_id = a.id AND t.kind = 'theme' ORDER BY t.confidence DESC LIMIT 1) AS theme
            FROM articles a WHERE a.id = ANY(@ids) ORDER BY a.id
            """,
            new { ids });
        return [.. rows.Where(s => s.Company is not null && s.Country is not null && s.Theme is not null).Take(Rotation)];
    }

    /// <summary>The words that are not stop words of the language's text-search configuration (those would match nothing).</summary>
    private static async Task<List<string>> IndexedWordsAsync(NpgsqlConnection connection, string language, IReadOnlyList<string> words) =>
        [
            .. await connection.QueryAsync<string>(
                "SELECT w FROM unnest(@words) WITH ORDINALITY u(w, n) WHERE to_tsvector(@configuration::regconfig, w) <> ''::tsvector ORDER BY n",
                new { words = words.ToArray(), configuration = language == "fr" ? "french" : "english" }),
        ];

    private static IEnumerable<string> Spread(List<string> items, int count) =>
        items.Count <= count ? items : Enumerable.Range(0, count).Select(i => items[i * items.Count / count]);

    private static string LongestWord(string title) =>
        title.Split(' ').Select(w => new string([.. w.Where(char.IsLetter)]).ToLowerInvariant()).MaxBy(w => w.Length) ?? title;

    private sealed record Sample(long Id, string Language, string Title, string? Company, string? Country, string? Theme);
}
