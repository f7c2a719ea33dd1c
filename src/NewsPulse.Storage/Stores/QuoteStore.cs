using System.Globalization;
using System.Text;
using Dapper;
using Npgsql;

namespace NewsPulse.Storage.Stores;

/// <summary>A quote to store: what the extractor found, and whether its speaker is a person (else an organisation).</summary>
public sealed record QuoteRecord(
    string Text, int Start, int End, string? Speaker, bool SpeakerIsPerson, string? SpeakerTitle, string? SpeakerOrg, string Kind, string? Verb, double Confidence, string Context);

/// <summary>A person of the registry, with how often they are quoted and how they were last described.</summary>
public sealed class PersonSummary
{
    public long Id { get; init; }

    public required string Name { get; init; }

    public int Quotes { get; init; }

    public string? Title { get; init; }

    public string? Organisation { get; init; }

    public DateTimeOffset? LastSeen { get; init; }
}

/// <summary>A title and organisation a person was described with, and when.</summary>
public sealed class PersonRole
{
    public string Title { get; init; } = "";

    public string Organisation { get; init; } = "";

    public DateTimeOffset FirstSeen { get; init; }

    public DateTimeOffset LastSeen { get; init; }
}

/// <summary>One exported quote: who, what, where, when, and the article's tags.</summary>
public sealed class QuoteExportRow
{
    public long QuoteId { get; init; }

    public long PersonId { get; init; }

    public required string Person { get; init; }

    public string? Title { get; init; }

    public string? Organisation { get; init; }

    public required string Quote { get; init; }

    public required string Kind { get; init; }

    public string? Language { get; init; }

    public string? ArticleTitle { get; init; }

    public string? Outlet { get; init; }

    public required string ArticleUrl { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public string? ReportingVerb { get; init; }

    public required string Context { get; init; }

    public string[] Companies { get; init; } = [];

    public string[] Countries { get; init; } = [];

    public string[] Themes { get; init; } = [];
}

/// <summary>A quote of one article, as its page and API show it.</summary>
public sealed class ArticleQuote
{
    public required string Text { get; init; }

    public int Start { get; init; }

    public int End { get; init; }

    public string? Speaker { get; init; }

    public long? PersonId { get; init; }

    public string? SpeakerTitle { get; init; }

    public string? SpeakerOrg { get; init; }

    public string? Verb { get; init; }

    public required string Kind { get; init; }

    public float Confidence { get; init; }
}

/// <summary>A quote of one person with the article it is in, as the person's page lists it.</summary>
public sealed class PersonQuote
{
    public required string Text { get; init; }

    public required string Kind { get; init; }

    public string? SpeakerTitle { get; init; }

    public string? SpeakerOrg { get; init; }

    public long ArticleId { get; init; }

    public required string ArticleTitle { get; init; }

    public string? Language { get; init; }

    public DateTimeOffset PublishedAt { get; init; }
}

/// <summary>Quotes of articles and the people registry: same full name, same person; merges fix the rest.</summary>
public sealed class QuoteStore(NpgsqlDataSource dataSource)
{
    /// <summary>Replaces an article's quotes; person speakers are found or added to the registry, with their role as of <paramref name="seenAt"/>.</summary>
    public async Task ReplaceQuotesAsync(long articleId, IReadOnlyList<QuoteRecord> quotes, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        seenAt = seenAt.ToUniversalTime();
        var names = quotes.Where(q => q.SpeakerIsPerson && q.Speaker is not null).Select(q => q.Speaker!).DistinctBy(NameKey).ToList();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Quotes are derived from the stored text and can be extracted again, so the commit need not wait for
        // the disk; the first round trip also clears the old quotes and finds the speakers already known.
        var people = (await connection.QueryAsync<(string Key, long Id)>(new CommandDefinition(
                """
                SET LOCAL synchronous_commit = off;
                DELETE FROM quotes WHERE article_id = @articleId;
                SELECT name_key, person_id FROM person_names WHERE name_key = ANY(@keys);
                """,
                new { articleId, keys = names.Select(NameKey).ToArray() },
                transaction,
                cancellationToken: cancellationToken)))
            .ToDictionary(p => p.Key, p => p.Id, StringComparer.Ordinal);
        foreach (var name in names.Where(n => !people.ContainsKey(NameKey(n))))
        {
            people[NameKey(name)] = await PersonIdAsync(connection, transaction, name, NameKey(name), cancellationToken);
        }

        long? PersonOf(QuoteRecord quote) => quote.SpeakerIsPerson && quote.Speaker is { } name ? people[NameKey(name)] : null;
        var roles = quotes.Where(q => PersonOf(q) is not null).Select(q => (Person: PersonOf(q)!.Value, Title: q.SpeakerTitle ?? "", Organisation: q.SpeakerOrg ?? "")).Distinct().ToList();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO person_roles (person_id, title, organisation, first_seen, last_seen)
            SELECT person_id, title, organisation, @seenAt, @seenAt
            FROM unnest(@rolePeople, @roleTitles, @roleOrganisations) AS r (person_id, title, organisation)
            ORDER BY person_id, title, organisation
            ON CONFLICT (person_id, title, organisation) DO UPDATE
                SET first_seen = least(person_roles.first_seen, excluded.first_seen), last_seen = greatest(person_roles.last_seen, excluded.last_seen);
            INSERT INTO quotes (article_id, person_id, speaker, speaker_title, speaker_org, text, start_offset, end_offset, kind, verb, confidence, context)
            SELECT @articleId, * FROM unnest(@people, @speakers, @titles, @organisations, @texts, @starts, @ends, @kinds, @verbs, @confidences, @contexts);
            UPDATE articles SET quotes_extracted_at = now() WHERE id = @articleId;
            """,
            new
            {
                articleId,
                seenAt,
                rolePeople = roles.Select(r => r.Person).ToArray(),
                roleTitles = roles.Select(r => r.Title).ToArray(),
                roleOrganisations = roles.Select(r => r.Organisation).ToArray(),
                people = quotes.Select(PersonOf).ToArray(),
                speakers = quotes.Select(q => q.Speaker).ToArray(),
                titles = quotes.Select(q => q.SpeakerTitle).ToArray(),
                organisations = quotes.Select(q => q.SpeakerOrg).ToArray(),
                texts = quotes.Select(q => q.Text).ToArray(),
                starts = quotes.Select(q => q.Start).ToArray(),
                ends = quotes.Select(q => q.End).ToArray(),
                kinds = quotes.Select(q => q.Kind).ToArray(),
                verbs = quotes.Select(q => q.Verb).ToArray(),
                confidences = quotes.Select(q => (float)q.Confidence).ToArray(),
                contexts = quotes.Select(q => q.Context).ToArray(),
            },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The person a full name belongs to, added when new. Two workers adding one name at once end with one person.</summary>
    private static async Task<long> PersonIdAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string name, string key, CancellationToken cancellationToken)
    {
        if (await connection.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT person_id FROM person_names WHERE name_key = @key", new { key }, transaction, cancellationToken: cancellationToken)) is { } known)
        {
            return known;
        }

        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", new { key }, transaction, cancellationToken: cancellationToken));
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            WITH existing AS (SELECT person_id FROM person_names WHERE name_key = @key),
            created AS (INSERT INTO people (name) SELECT @name WHERE NOT EXISTS (SELECT 1 FROM existing) RETURNING id),
            named AS (INSERT INTO person_names (name_key, person_id, name) SELECT @key, id, @name FROM created)
            SELECT person_id FROM existing UNION ALL SELECT id FROM created
            """,
            new { key, name },
            transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>People, most quoted first, with their latest role.</summary>
    public async Task<IReadOnlyList<PersonSummary>> ListPeopleAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PersonSummary>(new CommandDefinition(
            $"{PersonSelect} WHERE p.merged_into IS NULL ORDER BY quotes DESC, p.name LIMIT @limit",
            new { limit },
            cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task<PersonSummary?> GetPersonAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<PersonSummary>(new CommandDefinition($"{PersonSelect} WHERE p.id = @id AND p.merged_into IS NULL", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>People whose name (or one of their names) is <paramref name="name"/>, ignoring case and diacritics.</summary>
    public async Task<IReadOnlyList<PersonSummary>> FindPeopleAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PersonSummary>(new CommandDefinition(
            $"{PersonSelect} WHERE p.merged_into IS NULL AND p.id IN (SELECT person_id FROM person_names WHERE name_key = @key) ORDER BY p.id",
            new { key = NameKey(name) },
            cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>Names close to <paramref name="name"/>: sharing a word with it, closest spelling first.</summary>
    public async Task<IReadOnlyList<PersonSummary>> SuggestPeopleAsync(string name, int limit, CancellationToken cancellationToken)
    {
        var words = NameKey(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PersonSummary>(new CommandDefinition(
            $"""
            {PersonSelect} WHERE p.merged_into IS NULL AND p.id IN (
                SELECT person_id FROM person_names WHERE string_to_array(name_key, ' ') && @words)
            """,
            new { words },
            cancellationToken: cancellationToken));
        var key = NameKey(name);
        return [.. rows.OrderBy(p => Distance(NameKey(p.Name), key)).ThenBy(p => p.Id).Take(limit)];
    }

    public async Task<IReadOnlyList<string>> NamesAsync(long personId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<string>(new CommandDefinition("SELECT name FROM person_names WHERE person_id = @personId ORDER BY name", new { personId }, cancellationToken: cancellationToken))];
    }

    public async Task<IReadOnlyList<PersonRole>> RolesAsync(long personId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<PersonRole>(new CommandDefinition(
            "SELECT title, organisation, first_seen, last_seen FROM person_roles WHERE person_id = @personId ORDER BY last_seen DESC", new { personId }, cancellationToken: cancellationToken))];
    }

    /// <summary>
    /// Merges person <paramref name="from"/> into <paramref name="into"/>: quotes, names and roles move, and the
    /// merged names point at <paramref name="into"/> from now on. False when either is not a current person.
    /// </summary>
    public async Task<bool> MergeAsync(long into, long from, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM (SELECT id FROM people WHERE id IN (@into, @from) AND merged_into IS NULL FOR UPDATE) locked", new { into, from }, transaction, cancellationToken: cancellationToken));
        if (into == from || current != 2)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE quotes SET person_id = @into WHERE person_id = @from;
            UPDATE person_names SET person_id = @into WHERE person_id = @from;
            INSERT INTO person_roles (person_id, title, organisation, first_seen, last_seen)
            SELECT @into, title, organisation, first_seen, last_seen FROM person_roles WHERE person_id = @from
            ON CONFLICT (person_id, title, organisation) DO UPDATE
                SET first_seen = least(person_roles.first_seen, excluded.first_seen), last_seen = greatest(person_roles.last_seen, excluded.last_seen);
            DELETE FROM person_roles WHERE person_id = @from;
            UPDATE people SET merged_into = @into WHERE id = @from;
            """,
            new { into, from },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>An article's quotes in text order.</summary>
    public async Task<IReadOnlyList<ArticleQuote>> ArticleQuotesAsync(long articleId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<ArticleQuote>(new CommandDefinition(
            """
            SELECT q.text, q.start_offset AS start, q.end_offset AS "end", coalesce(p.name, q.speaker) AS speaker, q.person_id, q.speaker_title, q.speaker_org,
                   q.verb, q.kind, q.confidence
            FROM quotes q LEFT JOIN people p ON p.id = q.person_id WHERE q.article_id = @articleId ORDER BY q.start_offset
            """,
            new { articleId },
            cancellationToken: cancellationToken))];
    }

    /// <summary>A person's latest quotes, newest article first, each with its article.</summary>
    public async Task<IReadOnlyList<PersonQuote>> PersonQuotesAsync(long personId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<PersonQuote>(new CommandDefinition(
            """
            SELECT q.text, q.kind, q.speaker_title, q.speaker_org, a.id AS article_id, coalesce(a.title, a.feed_title, a.url) AS article_title,
                   a.language, coalesce(a.published_at, a.discovered_at) AS published_at
            FROM quotes q JOIN articles a ON a.id = q.article_id
            WHERE q.person_id = @personId
            ORDER BY q.article_time DESC, q.article_id DESC, q.start_offset
            LIMIT @limit
            """,
            new { personId, limit },
            cancellationToken: cancellationToken))];
    }

    /// <summary>A person's quotes, newest article first, optionally within dates, and about a theme or a company.</summary>
    public async Task<IReadOnlyList<QuoteExportRow>> ExportAsync(
        long personId, DateTimeOffset? from, DateTimeOffset? to, string? theme, string? company, CancellationToken cancellationToken)
    {
        var statement = DescribeExport(personId, from, to, theme, company);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<QuoteExportRow>(new CommandDefinition(statement.Sql, statement.Parameters, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>The statement <see cref="ExportAsync"/> runs.</summary>
    public static SqlStatement DescribeExport(long personId, DateTimeOffset? from, DateTimeOffset? to, string? theme, string? company) =>
        new(
            $"""
            SELECT q.id AS quote_id, p.id AS person_id, p.name AS person, q.speaker_title AS title, q.speaker_org AS organisation, q.text AS quote,
                   q.kind, a.language, a.title AS article_title, coalesce(a.site_name, f.name) AS outlet, coalesce(a.canonical_url, a.url) AS article_url,
                   a.published_at, q.verb AS reporting_verb, q.context,
                   {TagSets.ValuesOf("s.tag_keys", "company")} AS companies,
                   {TagSets.ValuesOf("s.tag_keys", "country")} AS countries,
                   {TagSets.ValuesOf("s.tag_keys", "theme")} AS themes
            FROM quotes q
            JOIN people p ON p.id = q.person_id
            JOIN articles a ON a.id = q.article_id
            LEFT JOIN feeds f ON f.id = a.feed_id
            LEFT JOIN article_tag_sets s ON s.article_id = q.article_id
            WHERE q.person_id = @personId
              AND (@from::timestamptz IS NULL OR q.article_time >= @from)
              AND (@to::timestamptz IS NULL OR q.article_time < @to)
              AND (@themeKey::text IS NULL OR s.tag_keys @> ARRAY[@themeKey])
              AND (@companyKey::text IS NULL OR s.tag_keys @> ARRAY[@companyKey])
            ORDER BY q.article_time DESC, q.article_id, q.start_offset
            """,
            new
            {
                personId,
                from = from?.ToUniversalTime(),
                to = to?.ToUniversalTime(),
                themeKey = theme is null ? null : TagSets.Key("theme", theme),
                companyKey = company is null ? null : TagSets.Key("company", company),
            });

    private const string PersonSelect =
        """
        SELECT p.id, p.name, (SELECT count(*)::int FROM quotes q WHERE q.person_id = p.id) AS quotes,
               r.title, r.organisation, r.last_seen
        FROM people p
        LEFT JOIN LATERAL (SELECT nullif(title, '') AS title, nullif(organisation, '') AS organisation, last_seen FROM person_roles
                           WHERE person_id = p.id ORDER BY last_seen DESC, (title <> '' OR organisation <> '') DESC LIMIT 1) r ON true
        """;

    /// <summary>A name compared without case, diacritics or punctuation: "Ray Wang", "ray wang" and "Ray  Wang" are one.</summary>
    public static string NameKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().Trim();
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
