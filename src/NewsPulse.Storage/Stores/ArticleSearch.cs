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
    /// <summary>
    /// How many of the newest matching articles facets count at most: enough to rank the top values of each kind, and
    /// few enough to count within a search's time (a sampled article cost 9 µs on the benchmark machine, most of it
    /// the first read of its tag set's page by the connection's server process).
    /// </summary>
    public const int DefaultFacetSample = 3_000;

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
        var branches = where.Branches(articleColumns: true).Select(branch =>
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
    /// a newest-first plan of the same filter, so its cost grows with the sample, not with the matches (a popular
    /// company has 190,000 articles of a million, and counting all their tags took seconds). It reads one more row
    /// than the sample to tell whether the counts cover every match. With tag filters only, the sample reads no
    /// article rows: one tag's newest rows are joined to their articles' tag sets, several tags read the sets, and
    /// the sets give the tags counted (for 50 companies, a sample of 5,000 took 38 ms at the median but 106 ms at the
    /// 90th percentile walking the sets by date or collecting every set with the company, and 44 and 50 ms from the
    /// company's newest tag rows). With a minimum confidence the tags are the rows that pass it, read article by article
    /// (OFFSET 0 keeps the lateral subquery a per-article lookup: joined as a whole, the effective-tags view was hashed
    /// entire, 4.8 million rows, even for 20,000 articles).
    /// </summary>
    public static SqlStatement DescribeFacets(ArticleQuery query, IReadOnlyList<string> kinds, int top, int sample = DefaultFacetSample)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var where = Filter(query);
        var parameters = where.Parameters;
        parameters.Add("top", top);
        parameters.Add("kinds", kinds.ToArray());
        parameters.Add("sample", sample);
        var fromTagSets = query.MinConfidence <= 0;
        var branches = where.Branches(articleColumns: false).Select(branch =>
            $"(SELECT {branch.Id} AS id, {branch.Time} AS sort_time{(fromTagSets ? $", {branch.TagKeys} AS tag_keys" : "")} FROM {branch.From} WHERE {branch.Where} " +
            $"ORDER BY {branch.Time} DESC, {branch.Id} DESC LIMIT @sample + 1)").ToList();
        return new SqlStatement(
            $"""
            WITH matched AS MATERIALIZED (
                {(branches.Count == 1 ? branches[0] : $"SELECT * FROM ({branches[0]} UNION {branches[1]}) m ORDER BY sort_time DESC, id DESC LIMIT @sample + 1")}
            ), sampled AS (SELECT * FROM matched ORDER BY sort_time DESC, id DESC LIMIT @sample)
            SELECT kind, value, articles, (SELECT count(*) FROM matched)::int AS matched FROM (
                SELECT kind, value, articles, row_number() OVER (PARTITION BY kind ORDER BY articles DESC, value) AS place
                FROM ({(fromTagSets ? CountTagSets : CountTagRows)}) counted
                WHERE kind = ANY(@kinds)) ranked
            WHERE place <= @top
            ORDER BY kind, place
            """,
            parameters);
    }

    /// <summary>Each tag's articles among the sampled, from their tag sets: counted by key, split into kind and value once per tag.</summary>
    private const string CountTagSets =
        """
        SELECT split_part(key, ':', 1) AS kind, substr(key, strpos(key, ':') + 1) AS value, articles
        FROM (SELECT k.key, count(*)::int AS articles FROM sampled s CROSS JOIN LATERAL unnest(s.tag_keys) k(key) GROUP BY k.key) keyed
        """;

    /// <summary>Each tag's articles among the sampled, from the tag rows at or above the minimum confidence, which the tag sets do not hold.</summary>
    private const string CountTagRows =
        """
        SELECT t.kind, t.value, count(*)::int AS articles
        FROM sampled s CROSS JOIN LATERAL (
            SELECT t.kind, t.value FROM article_tags_effective t WHERE t.article_id = s.id AND t.confidence >= @minConfidence OFFSET 0) t
        GROUP BY t.kind, t.value
        """;

    /// <summary>
    /// The query in the article's own configuration, so "banques" finds "banque" in French stories. For ranking only: a
    /// tsquery chosen row by row cannot be looked up in the GIN index, see <see cref="TsMatch"/>.
    /// </summary>
    private const string TsQuery =
        "(CASE a.language WHEN 'en' THEN websearch_to_tsquery('english', @text) WHEN 'fr' THEN websearch_to_tsquery('french', @text) ELSE websearch_to_tsquery('simple', @text) END" +
        " && CASE a.language WHEN 'en' THEN to_tsquery('english', @prefixes) WHEN 'fr' THEN to_tsquery('french', @prefixes) ELSE to_tsquery('simple', @prefixes) END)";

    /// <summary>The text-search configuration of each article language; articles in any other language use the last.</summary>
    private static readonly (string? Language, string Configuration)[] TextConfigurations = [("en", "english"), ("fr", "french"), (null, "simple")];

    /// <summary>
    /// The full-text match with the same meaning as <c>a.search @@ TsQuery</c>, one branch per configuration: each compares
    /// the column with a constant tsquery, which the GIN index answers (PostgreSQL combines the branches' bitmaps).
    /// Only the configurations of the <paramref name="languages"/> asked for (all without), and a single one without its
    /// language test, which the language filter makes already: tested twice, the language looked rarer to the planner
    /// than it is (16% of the articles for French, which is 40%), and it intersected the words' bitmap with the
    /// language's, 400,000 entries read for nothing (a French word with a small company took 1.0 s in a fresh
    /// connection, and 0.6 s with the language tested once).
    /// </summary>
    private static string TsMatch(string[] languages)
    {
        static bool IsOwnConfiguration(string language) => TextConfigurations.Any(c => c.Language == language);
        var branches = TextConfigurations
            .Where(c => languages.Length == 0 || (c.Language is { } language ? languages.Contains(language) : languages.Any(l => !IsOwnConfiguration(l))))
            .ToList();
        static string Match(string configuration) => $"a.search @@ (websearch_to_tsquery('{configuration}', @text) && to_tsquery('{configuration}', @prefixes))";
        static string Guard(string? language) => language is null
            ? string.Join(" AND ", TextConfigurations.Where(c => c.Language is not null).Select(c => $"a.language IS DISTINCT FROM '{c.Language}'"))
            : $"a.language = '{language}'";
        return branches.Count == 1 ? Match(branches[0].Configuration) : $"({string.Join(" OR ", branches.Select(b => $"{Guard(b.Language)} AND {Match(b.Configuration)}"))})";
    }

    private static Conditions Filter(ArticleQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new Conditions();
        var parameters = where.Parameters;
        parameters.Add("minConfidence", (float)query.MinConfidence);
        var languages = query.Languages.Select(l => l.ToLowerInvariant()).ToArray();
        var tags = new[] { ("company", query.Companies), ("country", query.Countries), ("theme", query.Themes) }.Where(t => t.Item2.Count > 0).ToList();
        if (query.MinConfidence <= 0 && (tags.Count > 1 || tags.Any(t => t.Item2.Count > 1)))
        {
            FilterTagSets(where, tags);
        }
        else
        {
            foreach (var (kind, values) in tags)
            {
                FilterTag(where, kind, values);
            }
        }

        if (query.People.Count > 0)
        {
            where.Add(
                "EXISTS (SELECT 1 FROM quotes q JOIN person_names n ON n.person_id = q.person_id WHERE q.article_id = a.id " +
                "AND (n.name_key = ANY(@personKeys) OR q.person_id::text = ANY(@personIds)))");
            parameters.Add("personKeys", query.People.Select(QuoteStore.NameKey).ToArray());
            parameters.Add("personIds", query.People.ToArray());
        }

        if (languages.Length > 0)
        {
            where.Add("a.language = ANY(@languages)");
            parameters.Add("languages", languages);
        }

        if (query.Sources.Count > 0)
        {
            where.Add("a.feed_id IN (SELECT fd.id FROM feeds fd WHERE lower(fd.name) = ANY(@sources) OR fd.id::text = ANY(@sources))");
            parameters.Add("sources", query.Sources.Select(s => s.ToLowerInvariant()).ToArray());
        }

        if (query.From is { } from)
        {
            where.AddDateBound(">=", "from");
            parameters.Add("from", from.ToUniversalTime());
        }

        if (query.To is { } to)
        {
            where.AddDateBound("<", "to");
            parameters.Add("to", to.ToUniversalTime());
        }

        if (query.Text is { } text)
        {
            var (plain, prefixes) = SplitPrefixes(text);
            where.Add(TsMatch(languages));
            parameters.Add("text", plain);
            parameters.Add("prefixes", prefixes);
        }

        return where;
    }

    /// <summary>
    /// Several tag filters, or several values of one, read the articles' tag sets (migration 0016): every one-value
    /// filter is one key the set contains, each filter of several values a set of keys it shares one of. The sets hold
    /// the effective tags, so no branch for analysts' decisions is needed; they carry no confidence, so a query with
    /// a minimum confidence filters the tag rows instead.
    /// </summary>
    private static void FilterTagSets(Conditions where, List<(string Kind, IReadOnlyList<string> Values)> tags)
    {
        var keys = tags.Where(t => t.Values.Count == 1).Select(t => TagSets.Key(t.Kind, t.Values[0])).ToArray();
        var conditions = new List<string>();
        if (keys.Length > 0)
        {
            conditions.Add("s.tag_keys @> @tagKeys");
            where.Parameters.Add("tagKeys", keys);
        }

        foreach (var (kind, values) in tags.Where(t => t.Values.Count > 1))
        {
            conditions.Add($"s.tag_keys && @{kind}Keys");
            where.Parameters.Add($"{kind}Keys", values.Select(v => TagSets.Key(kind, v)).ToArray());
        }

        where.ReadTagSets(conditions);
    }

    /// <summary>One tag filter, on the tag rows: the first with one value drives the search from its index range.</summary>
    private static void FilterTag(Conditions where, string kind, IReadOnlyList<string> values)
    {
        var parameters = where.Parameters;
        if (values.Count == 1 && !where.Driven)
        {
            where.Drive(
                $"d.kind = '{kind}' AND d.value = @{kind}Driver AND d.confidence >= @minConfidence " +
                "AND NOT EXISTS (SELECT 1 FROM tag_feedback x WHERE x.article_id = d.article_id AND x.kind = d.kind AND x.value = d.value)",
                $"EXISTS (SELECT 1 FROM article_tags_effective t WHERE t.article_id = a.id AND t.kind = '{kind}' AND t.value = @{kind}Driver AND t.confidence >= @minConfidence OFFSET 0)");
            parameters.Add($"{kind}Driver", values[0]);
        }
        else
        {
            where.AddTag(
                $"EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.kind = '{kind}' AND t.value = ANY(@{kind}Values) AND t.confidence >= @minConfidence " +
                "AND NOT EXISTS (SELECT 1 FROM tag_feedback d WHERE d.article_id = t.article_id AND d.kind = t.kind AND d.value = t.value))",
                $"EXISTS (SELECT 1 FROM article_tags_effective t WHERE t.article_id = a.id AND t.kind = '{kind}' AND t.value = ANY(@{kind}Values) AND t.confidence >= @minConfidence OFFSET 0)");
            parameters.Add($"{kind}Values", values.ToArray());
        }
    }

    /// <summary>
    /// A query's conditions. With tag filters on the tag rows they form two branches whose matches together are exactly
    /// the articles whose effective tags match: the first asks for model tags no analyst decided on, plain semi-joins
    /// from which the planner can start at the rarest tag or walk the newest articles; the second applies the
    /// effective-tags view, but only to the few articles an analyst added a tag to (OFFSET 0 keeps each check a
    /// per-article test, not a join that would read the whole view). Filtering through the view alone leaves the
    /// planner one plan, collecting every article with the tag and sorting them all, however many there are.
    /// The first tag filter with one value drives the first branch: its rows, joined to their articles and sorted by the
    /// article's date they carry (migration 0014), come newest first from one index range, so a page of a tag costs the
    /// same whether 100 or 190,000 articles carry it. Filters read from the tag sets instead start from them, which
    /// carry the article's date too and hold only the articles a search finds. Date bounds apply to the date of
    /// whichever table leads, so that its index reads only the range.
    /// </summary>
    private sealed class Conditions
    {
        /// <summary>Only these articles are found; the tag sets hold no others.</summary>
        private const string Searchable = "a.status IN ('extracted', 'tagged')";

        private readonly List<string> _model = [];
        private readonly List<(string Operator, string Parameter)> _dateBounds = [];
        private readonly List<string> _tagSetConditions = [];
        private List<string>? _corrected;
        private bool _articleConditions;

        public DynamicParameters Parameters { get; } = new();

        public bool Driven { get; private set; }

        /// <summary>
        /// Each branch of the query. Its FROM names the article a when
        /// <paramref name="articleColumns"/> are read or a condition reads it.
        /// </summary>
        public IReadOnlyList<Branch> Branches(bool articleColumns)
        {
            var readsArticles = articleColumns || _articleConditions;
            Branch model;
            if (Driven && readsArticles)
            {
                model = Render("article_tags d JOIN articles a ON a.id = d.article_id", [Searchable, .. _model], "d.article_time", "d.article_id");
            }
            else if (Driven)
            {
                // An article has a tag set only while a search finds it: the set, which a facet count reads anyway,
                // stands for the article row and its status.
                model = Render("article_tags d JOIN article_tag_sets s ON s.article_id = d.article_id", _model, "d.article_time", "d.article_id", "s.tag_keys");
            }
            else if (_tagSetConditions.Count > 0)
            {
                model = Render(
                    readsArticles ? "article_tag_sets s JOIN articles a ON a.id = s.article_id" : "article_tag_sets s",
                    [.. _tagSetConditions, .. _model],
                    "s.article_time",
                    "s.article_id",
                    "s.tag_keys");
            }
            else
            {
                model = Render("articles a", [Searchable, .. _model], Published, "a.id");
            }

            return _corrected is null ? [model] : [model, Render("articles a", [Searchable, .. _corrected], Published, "a.id")];
        }

        /// <summary>A condition on the article a.</summary>
        public void Add(string condition)
        {
            _articleConditions = true;
            _model.Add(condition);
            _corrected?.Add(condition);
        }

        /// <summary>The article's date compared with a parameter.</summary>
        public void AddDateBound(string comparison, string parameter) => _dateBounds.Add((comparison, parameter));

        /// <summary>A tag filter on the article a: <paramref name="model"/> in the model branch, <paramref name="effective"/> in the other.</summary>
        public void AddTag(string model, string effective)
        {
            _articleConditions = true;
            AddTagConditions(model, effective);
        }

        /// <summary>A tag filter on the driving tag rows d (model branch), <paramref name="effective"/> on the other.</summary>
        public void Drive(string model, string effective)
        {
            AddTagConditions(model, effective);
            Driven = true;
        }

        /// <summary>Tag filters on the tag set s of the article, the only branch.</summary>
        public void ReadTagSets(IEnumerable<string> conditions) => _tagSetConditions.AddRange(conditions);

        private void AddTagConditions(string model, string effective)
        {
            _corrected ??= [.. _model, "a.id IN (SELECT article_id FROM tag_feedback WHERE present)"];
            _model.Add(model);
            _corrected.Add(effective);
        }

        private Branch Render(string from, List<string> conditions, string time, string id, string? tagKeys = null) =>
            new(
                from,
                string.Join(" AND ", conditions.Concat(_dateBounds.Select(b => $"{time} {b.Operator} @{b.Parameter}"))),
                time,
                id,
                tagKeys ?? $"(SELECT ts.tag_keys FROM article_tag_sets ts WHERE ts.article_id = {id})");
    }

    /// <summary>A branch of the query: its FROM, WHERE, sort key of date and article id, and the article's tag set.</summary>
    private sealed record Branch(string From, string Where, string Time, string Id, string TagKeys);

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
