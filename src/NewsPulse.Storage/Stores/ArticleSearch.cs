using System.Globalization;
using System.Text;
using Dapper;
using Npgsql;

namespace NewsPulse.Storage.Stores;

/// <summary>
/// What to look for: several values of one filter are alternatives (OR), different filters all apply (AND).
/// Company, country and theme values are stored tag values (canonical name, ISO code, theme).
/// </summary>
public sealed record ArticleQuery
{
    public IReadOnlyList<string> Companies { get; init; } = [];

    public IReadOnlyList<string> Countries { get; init; } = [];

    public IReadOnlyList<string> Themes { get; init; } = [];

    /// <summary>People by full name (any case, accents optional) or id.</summary>
    public IReadOnlyList<string> People { get; init; } = [];

    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>Feeds by name (any case) or id.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    /// <summary>Full text: words, "phrases", prefix*, -exclusion.</summary>
    public string? Text { get; init; }

    /// <summary>Tags below this confidence do not count for the company, country and theme filters.</summary>
    public double MinConfidence { get; init; }

    /// <summary>By relevance to <see cref="Text"/>, else newest first.</summary>
    public bool ByRelevance { get; init; }

    public int Limit { get; init; } = 50;

    /// <summary>Where the previous page ended (from <see cref="ArticlePage.NextCursor"/>).</summary>
    public string? Cursor { get; init; }
}

/// <summary>A page of results, and the cursor of the next page (null on the last one).</summary>
public sealed record ArticlePage(IReadOnlyList<ArticleSummary> Articles, string? NextCursor);

/// <summary>How many matching articles carry each value of a tag kind.</summary>
public sealed record FacetCount(string Value, int Articles);

/// <summary>
/// Facet counts by tag kind, and how many articles they cover when that is a sample (the newest matches) rather than
/// every match (null).
/// </summary>
public sealed record FacetCounts(IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Counts, int? Sampled);

/// <summary>A cursor that is not one this service made.</summary>
public sealed class InvalidCursorException(string message) : Exception(message);

/// <summary>
/// Searches stored articles by tags, people, language, feed, dates and full text, newest first or by relevance,
/// with keyset pagination (a page costs the same at any depth), and counts facets for the same filter.
/// </summary>
public sealed class ArticleSearch(NpgsqlDataSource dataSource, int facetSample = ArticleSearch.DefaultFacetSample)
{
    /// <summary>How many of the newest matching articles facets count at most.</summary>
    public const int DefaultFacetSample = 20_000;

    private const string Published = "coalesce(a.published_at, a.discovered_at)";

    /// <summary>The sample size of <see cref="FacetsAsync"/>.</summary>
    public int FacetSample { get; } = facetSample;

    public async Task<ArticlePage> SearchAsync(ArticleQuery query, CancellationToken cancellationToken)
    {
        var statement = DescribeSearch(query);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<SearchRow>(new CommandDefinition(statement.Sql, statement.Parameters, cancellationToken: cancellationToken))).ToList();
        string? next = null;
        if (rows.Count > query.Limit)
        {
            rows.RemoveAt(rows.Count - 1);
            var last = rows[^1];
            var relevance = Ranked(query);
            next = EncodeCursor(relevance, relevance ? last.Rank.ToString("R", CultureInfo.InvariantCulture) : last.SortTime.UtcTicks.ToString(CultureInfo.InvariantCulture), last.Id);
        }

        return new ArticlePage(rows, next);
    }

    /// <summary>The statement <see cref="SearchAsync"/> runs for <paramref name="query"/> (one more row than a page, to know whether another follows).</summary>
    public static SqlStatement DescribeSearch(ArticleQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = Filter(query);
        var parameters = where.Parameters;
        var relevance = Ranked(query);
        var rank = relevance ? $"ts_rank(a.search, {TsQuery})" : "0";
        Func<Branch, string> after = _ => "";
        if (query.Cursor is { } cursor)
        {
            var (key, id) = DecodeCursor(cursor, relevance);
            parameters.Add("cursorKey", key);
            parameters.Add("cursorId", id);
            after = branch => relevance
                ? $" AND ({rank}::double precision, a.id) < (@cursorKey::double precision, @cursorId)"
                : $" AND ({branch.Time}, {branch.Id}) < (@cursorKey::timestamptz, @cursorId)";
        }

        parameters.Add("limit", query.Limit + 1);
        var branches = where.Branches.Select(branch =>
            $"""
            SELECT {ArticleStore.SummaryColumns}, {rank}::double precision AS rank, {branch.Time} AS sort_time
            FROM {branch.From} LEFT JOIN feeds f ON f.id = a.feed_id
            WHERE {branch.Where}{after(branch)}
            ORDER BY {(relevance ? "rank DESC, a.id DESC" : $"{branch.Time} DESC, {branch.Id} DESC")}
            LIMIT @limit
            """).ToList();
        return new SqlStatement(
            branches.Count == 1 ? branches[0] : $"SELECT * FROM (({branches[0]}) UNION ({branches[1]})) found ORDER BY {(relevance ? "rank" : "sort_time")} DESC, id DESC LIMIT @limit",
            parameters);
    }

    private static bool Ranked(ArticleQuery query) => query.ByRelevance && query.Text is not null;

    /// <summary>
    /// For each tag kind asked, its most frequent values among the newest <see cref="FacetSample"/> articles matching the
    /// query (all of them when there are no more).
    /// </summary>
    public async Task<FacetCounts> FacetsAsync(ArticleQuery query, IReadOnlyList<string> kinds, int top, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var statement = DescribeFacets(query, kinds, top, FacetSample);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var counts = (await connection.QueryAsync<KindCount>(new CommandDefinition(statement.Sql, statement.Parameters, cancellationToken: cancellationToken))).ToList();
        var facets = new Dictionary<string, IReadOnlyList<FacetCount>>(StringComparer.Ordinal);
        foreach (var kind in kinds)
        {
            facets[kind] = [.. counts.Where(c => c.Kind == kind).Select(c => new FacetCount(c.Value, c.Articles))];
        }

        return new FacetCounts(facets, counts.Count > 0 && counts[0].Matched > FacetSample ? FacetSample : null);
    }

    /// <summary>
    /// The statement <see cref="FacetsAsync"/> runs: every kind in one pass over the sampled articles' tags, rather
    /// than finding the same articles again for each kind. The sample is the first <paramref name="sample"/> rows of
    /// the search's own newest-first plan, so its cost grows with the sample, not with the matches (a popular company
    /// has 190,000 articles of a million, and counting all their tags took seconds). It reads one more row than the
    /// sample to tell whether the counts cover every match. The tags are read article by article (OFFSET 0 keeps the
    /// lateral subquery a per-article lookup): joined as a whole, the effective-tags view was hashed entire, 4.8 million
    /// rows, even for 20,000 articles.
    /// </summary>
    public static SqlStatement DescribeFacets(ArticleQuery query, IReadOnlyList<string> kinds, int top, int sample = DefaultFacetSample)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var where = Filter(query);
        var parameters = where.Parameters;
        parameters.Add("top", top);
        parameters.Add("kinds", kinds.ToArray());
        parameters.Add("sample", sample);
        var branches = where.Branches.Select(branch =>
            $"(SELECT a.id, {branch.Time} AS sort_time FROM {branch.From} WHERE {branch.Where} ORDER BY {branch.Time} DESC, {branch.Id} DESC LIMIT @sample + 1)").ToList();
        return new SqlStatement(
            $"""
            WITH matched AS MATERIALIZED (
                {(branches.Count == 1 ? branches[0] : $"SELECT * FROM ({branches[0]} UNION {branches[1]}) m ORDER BY sort_time DESC, id DESC LIMIT @sample + 1")}
            )
            SELECT kind, value, articles, (SELECT count(*) FROM matched)::int AS matched FROM (
                SELECT t.kind, t.value, count(*)::int AS articles, row_number() OVER (PARTITION BY t.kind ORDER BY count(*) DESC, t.value) AS place
                FROM (SELECT id FROM matched ORDER BY sort_time DESC, id DESC LIMIT @sample) s
                CROSS JOIN LATERAL (
                    SELECT t.kind, t.value FROM article_tags_effective t
                    WHERE t.article_id = s.id AND t.kind = ANY(@kinds) AND t.confidence >= @minConfidence OFFSET 0) t
                GROUP BY t.kind, t.value) counted
            WHERE place <= @top
            ORDER BY kind, place
            """,
            parameters);
    }

    /// <summary>
    /// The query in the article's own configuration, so "banques" finds "banque" in French stories. For ranking only: a
    /// tsquery chosen row by row cannot be looked up in the GIN index, see <see cref="TsMatch"/>.
    /// </summary>
    private const string TsQuery =
        "(CASE a.language WHEN 'en' THEN websearch_to_tsquery('english', @text) WHEN 'fr' THEN websearch_to_tsquery('french', @text) ELSE websearch_to_tsquery('simple', @text) END" +
        " && CASE a.language WHEN 'en' THEN to_tsquery('english', @prefixes) WHEN 'fr' THEN to_tsquery('french', @prefixes) ELSE to_tsquery('simple', @prefixes) END)";

    /// <summary>
    /// The full-text match with the same meaning as <c>a.search @@ TsQuery</c>, one branch per configuration: each compares
    /// the column with a constant tsquery, which the GIN index answers (PostgreSQL combines the branches' bitmaps).
    /// </summary>
    private const string TsMatch =
        "(a.language = 'en' AND a.search @@ (websearch_to_tsquery('english', @text) && to_tsquery('english', @prefixes))" +
        " OR a.language = 'fr' AND a.search @@ (websearch_to_tsquery('french', @text) && to_tsquery('french', @prefixes))" +
        " OR a.language IS DISTINCT FROM 'en' AND a.language IS DISTINCT FROM 'fr' AND a.search @@ (websearch_to_tsquery('simple', @text) && to_tsquery('simple', @prefixes)))";

    private static Conditions Filter(ArticleQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new Conditions();
        var parameters = where.Parameters;
        parameters.Add("minConfidence", (float)query.MinConfidence);
        void Tag(string kind, IReadOnlyList<string> values)
        {
            if (values.Count == 1 && !where.Driven)
            {
                where.Drive(
                    $"d.kind = '{kind}' AND d.value = @{kind}Driver AND d.confidence >= @minConfidence " +
                    "AND NOT EXISTS (SELECT 1 FROM tag_feedback x WHERE x.article_id = d.article_id AND x.kind = d.kind AND x.value = d.value)",
                    $"EXISTS (SELECT 1 FROM article_tags_effective t WHERE t.article_id = a.id AND t.kind = '{kind}' AND t.value = @{kind}Driver AND t.confidence >= @minConfidence OFFSET 0)");
                parameters.Add($"{kind}Driver", values[0]);
            }
            else if (values.Count > 0)
            {
                where.AddTag(
                    $"EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.kind = '{kind}' AND t.value = ANY(@{kind}Values) AND t.confidence >= @minConfidence " +
                    "AND NOT EXISTS (SELECT 1 FROM tag_feedback d WHERE d.article_id = t.article_id AND d.kind = t.kind AND d.value = t.value))",
                    $"EXISTS (SELECT 1 FROM article_tags_effective t WHERE t.article_id = a.id AND t.kind = '{kind}' AND t.value = ANY(@{kind}Values) AND t.confidence >= @minConfidence OFFSET 0)");
                parameters.Add($"{kind}Values", values.ToArray());
            }
        }

        Tag("company", query.Companies);
        Tag("country", query.Countries);
        Tag("theme", query.Themes);
        if (query.People.Count > 0)
        {
            where.Add(
                "EXISTS (SELECT 1 FROM quotes q JOIN person_names n ON n.person_id = q.person_id WHERE q.article_id = a.id " +
                "AND (n.name_key = ANY(@personKeys) OR q.person_id::text = ANY(@personIds)))");
            parameters.Add("personKeys", query.People.Select(QuoteStore.NameKey).ToArray());
            parameters.Add("personIds", query.People.ToArray());
        }

        if (query.Languages.Count > 0)
        {
            where.Add("a.language = ANY(@languages)");
            parameters.Add("languages", query.Languages.Select(l => l.ToLowerInvariant()).ToArray());
        }

        if (query.Sources.Count > 0)
        {
            where.Add("a.feed_id IN (SELECT s.id FROM feeds s WHERE lower(s.name) = ANY(@sources) OR s.id::text = ANY(@sources))");
            parameters.Add("sources", query.Sources.Select(s => s.ToLowerInvariant()).ToArray());
        }

        if (query.From is { } from)
        {
            where.Add($"{Published} >= @from");
            parameters.Add("from", from.ToUniversalTime());
        }

        if (query.To is { } to)
        {
            where.Add($"{Published} < @to");
            parameters.Add("to", to.ToUniversalTime());
        }

        if (query.Text is { } text)
        {
            var (plain, prefixes) = SplitPrefixes(text);
            where.Add(TsMatch);
            parameters.Add("text", plain);
            parameters.Add("prefixes", prefixes);
        }

        return where;
    }

    /// <summary>
    /// A query's conditions. With tag filters they form two branches whose matches together are exactly the articles
    /// whose effective tags match: the first asks for model tags no analyst decided on, plain semi-joins from which the
    /// planner can start at the rarest tag or walk the newest articles; the second applies the effective-tags view, but
    /// only to the few articles an analyst added a tag to (OFFSET 0 keeps each check a per-article test, not a join that
    /// would read the whole view). Filtering through the view alone leaves the planner one plan, collecting every article
    /// with the tag and sorting them all, however many there are.
    /// The first tag filter with one value drives the first branch: its rows, joined to their articles and sorted by the
    /// article's date they carry (migration 0014), come newest first from one index range, so a page of a tag costs the
    /// same whether 100 or 190,000 articles carry it.
    /// </summary>
    private sealed class Conditions
    {
        private readonly List<string> _model = ["a.status IN ('extracted', 'tagged')"];
        private List<string>? _corrected;

        public DynamicParameters Parameters { get; } = new();

        public bool Driven { get; private set; }

        /// <summary>Each branch: its FROM (always naming the article a), WHERE, and sort key of date and article id.</summary>
        public IReadOnlyList<Branch> Branches
        {
            get
            {
                var model = Driven
                    ? new Branch("article_tags d JOIN articles a ON a.id = d.article_id", string.Join(" AND ", _model), "d.article_time", "d.article_id")
                    : new Branch("articles a", string.Join(" AND ", _model), Published, "a.id");
                return _corrected is null ? [model] : [model, new Branch("articles a", string.Join(" AND ", _corrected), Published, "a.id")];
            }
        }

        public void Add(string condition)
        {
            _model.Add(condition);
            _corrected?.Add(condition);
        }

        public void AddTag(string model, string effective)
        {
            _corrected ??= [.. _model, "a.id IN (SELECT article_id FROM tag_feedback WHERE present)"];
            _model.Add(model);
            _corrected.Add(effective);
        }

        /// <summary>A tag filter on the driving tag rows d (model branch), <paramref name="effective"/> on the other.</summary>
        public void Drive(string model, string effective)
        {
            AddTag(model, effective);
            Driven = true;
        }
    }

    private sealed record Branch(string From, string Where, string Time, string Id);

    /// <summary>
    /// Splits "chip* export -china" into the part websearch_to_tsquery reads ("export -china") and the prefix terms,
    /// as a to_tsquery expression of letters and digits only ("chip:*").
    /// </summary>
    public static (string Plain, string Prefixes) SplitPrefixes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plain = new StringBuilder();
        var prefixes = new List<string>();
        foreach (var term in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var word = new string([.. term.TrimEnd('*').Where(char.IsLetterOrDigit)]);
            if (term.EndsWith('*') && !term.StartsWith('"') && word.Length > 0)
            {
                prefixes.Add(word.ToLowerInvariant() + ":*");
            }
            else
            {
                plain.Append(term).Append(' ');
            }
        }

        // An empty part is an empty tsquery, which && leaves out: either part may stand alone.
        return (plain.ToString().Trim(), prefixes.Count == 0 ? "" : string.Join(" & ", prefixes));
    }

    private static string EncodeCursor(bool relevance, string key, long id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{(relevance ? 'r' : 'p')}|{key}|{id.ToString(CultureInfo.InvariantCulture)}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (object Key, long Id) DecodeCursor(string cursor, bool relevance)
    {
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('|');
            if (parts.Length == 3 && parts[0] == (relevance ? "r" : "p") && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var id))
            {
                if (relevance && double.TryParse(parts[1], CultureInfo.InvariantCulture, out var rank))
                {
                    return (rank, id);
                }

                if (!relevance && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var ticks))
                {
                    return (new DateTimeOffset(ticks, TimeSpan.Zero), id);
                }
            }
        }
        catch (FormatException)
        {
        }

        throw new InvalidCursorException("the cursor is not one this service gave, or belongs to another sort order");
    }

    private sealed record KindCount(string Kind, string Value, int Articles, int Matched);

    private sealed class SearchRow : ArticleSummary
    {
        public double Rank { get; init; }

        public DateTimeOffset SortTime { get; init; }
    }
    /// <summary>Every value of a tag kind with how many articles carry it, most frequent first.</summary>
    public async Task<IReadOnlyList<FacetCount>> TagCountsAsync(string kind, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<FacetCount>(new CommandDefinition(
            "SELECT value, count(*)::int AS articles FROM article_tags_effective WHERE kind = @kind GROUP BY value ORDER BY articles DESC, value LIMIT @limit",
            new { kind, limit },
            cancellationToken: cancellationToken))];
    }

    /// <summary>The other stored articles of an article's story cluster (copies of the same story), newest first.</summary>
    public async Task<IReadOnlyList<ArticleSummary>> SameStoryAsync(long articleId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<ArticleSummary>(new CommandDefinition(
            $"""
            SELECT {ArticleStore.SummaryColumns}
            FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id
            WHERE a.story_cluster_id = (SELECT story_cluster_id FROM articles WHERE id = @articleId) AND a.id <> @articleId
            ORDER BY {Published} DESC, a.id DESC LIMIT 50
            """,
            new { articleId },
            cancellationToken: cancellationToken))];
    }
}
