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

/// <summary>A cursor that is not one this service made.</summary>
public sealed class InvalidCursorException(string message) : Exception(message);

/// <summary>
/// Searches stored articles by tags, people, language, feed, dates and full text, newest first or by relevance,
/// with keyset pagination (a page costs the same at any depth), and counts facets for the same filter.
/// </summary>
public sealed class ArticleSearch(NpgsqlDataSource dataSource)
{
    private const string Published = "coalesce(a.published_at, a.discovered_at)";

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
        var (where, parameters) = Filter(query);
        var relevance = Ranked(query);
        var rank = relevance ? $"ts_rank(a.search, {TsQuery})" : "0";
        if (query.Cursor is { } cursor)
        {
            var (key, id) = DecodeCursor(cursor, relevance);
            parameters.Add("cursorKey", key);
            parameters.Add("cursorId", id);
            where.Add(relevance
                ? $"({rank}::double precision, a.id) < (@cursorKey::double precision, @cursorId)"
                : $"({Published}, a.id) < (@cursorKey::timestamptz, @cursorId)");
        }

        parameters.Add("limit", query.Limit + 1);
        return new SqlStatement(
            $"""
            SELECT {ArticleStore.SummaryColumns}, {rank}::double precision AS rank, {Published} AS sort_time
            FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id
            WHERE {string.Join(" AND ", where)}
            ORDER BY {(relevance ? "rank DESC, a.id DESC" : $"{Published} DESC, a.id DESC")}
            LIMIT @limit
            """,
            parameters);
    }

    private static bool Ranked(ArticleQuery query) => query.ByRelevance && query.Text is not null;

    /// <summary>For each tag kind asked, its most frequent values among all the articles matching the query.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<FacetCount>>> FacetsAsync(ArticleQuery query, IReadOnlyList<string> kinds, int top, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var facets = new Dictionary<string, IReadOnlyList<FacetCount>>(StringComparer.Ordinal);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var kind in kinds)
        {
            var statement = DescribeFacet(query, kind, top);
            facets[kind] = [.. await connection.QueryAsync<FacetCount>(new CommandDefinition(statement.Sql, statement.Parameters, cancellationToken: cancellationToken))];
        }

        return facets;
    }

    /// <summary>The statement <see cref="FacetsAsync"/> runs for one tag kind.</summary>
    public static SqlStatement DescribeFacet(ArticleQuery query, string kind, int top)
    {
        var (where, parameters) = Filter(query);
        parameters.Add("top", top);
        parameters.Add("kind", kind);
        return new SqlStatement(
            $"""
            SELECT t.value, count(*)::int AS articles
            FROM article_tags_effective t
            WHERE t.kind = @kind AND t.confidence >= @minConfidence
              AND t.article_id IN (SELECT a.id FROM articles a WHERE {string.Join(" AND ", where)})
            GROUP BY t.value ORDER BY articles DESC, t.value LIMIT @top
            """,
            parameters);
    }

    /// <summary>The query's language: the article's own configuration, so "banques" finds "banque" in French stories.</summary>
    private const string TsQuery =
        "(CASE a.language WHEN 'en' THEN websearch_to_tsquery('english', @text) WHEN 'fr' THEN websearch_to_tsquery('french', @text) ELSE websearch_to_tsquery('simple', @text) END" +
        " && CASE a.language WHEN 'en' THEN to_tsquery('english', @prefixes) WHEN 'fr' THEN to_tsquery('french', @prefixes) ELSE to_tsquery('simple', @prefixes) END)";

    private static (List<string> Where, DynamicParameters Parameters) Filter(ArticleQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new List<string> { "a.status IN ('extracted', 'tagged')" };
        var parameters = new DynamicParameters();
        parameters.Add("minConfidence", (float)query.MinConfidence);
        void Tag(string kind, IReadOnlyList<string> values)
        {
            if (values.Count > 0)
            {
                where.Add($"EXISTS (SELECT 1 FROM article_tags_effective t WHERE t.article_id = a.id AND t.kind = '{kind}' AND t.value = ANY(@{kind}Values) AND t.confidence >= @minConfidence)");
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
            where.Add($"a.search @@ {TsQuery}");
            parameters.Add("text", plain);
            parameters.Add("prefixes", prefixes);
        }

        return (where, parameters);
    }

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
