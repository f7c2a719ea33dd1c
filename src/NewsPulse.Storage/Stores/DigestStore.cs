using Dapper;
using Npgsql;

namespace NewsPulse.Storage.Stores;

/// <summary>An article first seen in a digest window, with what a digest needs of it.</summary>
public sealed record WindowStory
{
    public long ArticleId { get; init; }
    public long ClusterId { get; init; }
    public string Title { get; init; } = "";
    public string Lead { get; init; } = "";
    public string Url { get; init; } = "";
    public string Source { get; init; } = "";
    public string? Language { get; init; }
    public DateTimeOffset FirstSeenAt { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
}

/// <summary>A tag of a window story (the effective one: analysts' decisions outrank the model's).</summary>
public sealed record WindowTag(long ArticleId, string Kind, string Value, double Confidence);

/// <summary>A quote of a window story, with its speaker's registry name when a person said it.</summary>
public sealed record WindowQuote
{
    public long QuoteId { get; init; }
    public long ArticleId { get; init; }
    public string Text { get; init; } = "";
    public string Speaker { get; init; } = "";
    public long? PersonId { get; init; }
    public string? SpeakerTitle { get; init; }
    public string? SpeakerOrg { get; init; }
    public string Kind { get; init; } = "";
    public string? Language { get; init; }
}

/// <summary>Everything first seen in one window: the stories, their tags and their quotes.</summary>
public sealed record DigestWindowData(IReadOnlyList<WindowStory> Stories, IReadOnlyList<WindowTag> Tags, IReadOnlyList<WindowQuote> Quotes);

/// <summary>A digest to send (or being sent) from the outbox.</summary>
public sealed record DigestDelivery
{
    public long Id { get; init; }
    public long SubscriberId { get; init; }
    public string Email { get; init; } = "";
    public DateOnly LocalDate { get; init; }
    public string MessageId { get; init; } = "";
    public byte[] Message { get; init; } = [];
    public int Attempts { get; init; }
}

/// <summary>A composed digest for the outbox: the message bytes, or none when nothing matched (skipped).</summary>
public sealed record ComposedDelivery(long SubscriberId, DateOnly LocalDate, string MessageId, byte[]? Message, int Stories);

/// <summary>
/// The digest's data: stories first seen in a window, and the outbox of digests (<c>digest_deliveries</c>, one per
/// subscriber and local date), so that each digest is sent once in effect whatever crashes in between.
/// </summary>
public sealed class DigestStore(NpgsqlDataSource dataSource)
{
    private const int LeadCharacters = 600;

    /// <summary>Due to send: pending and its time has come, or left "sending" by a pass that stopped (its lease expired).</summary>
    private const string Due =
        "s.status = 'confirmed' AND d.next_attempt_at <= @now AND (d.state = 'pending' OR (d.state = 'sending' AND d.lease_until < @now))";

    /// <summary>Stories first extracted in [from, to), with their tags and quotes, in three reads.</summary>
    public async Task<DigestWindowData> WindowAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var stories = (await connection.QueryAsync<WindowStory>(new CommandDefinition(
            """
            SELECT a.id AS article_id, coalesce(a.story_cluster_id, a.duplicate_of, a.id) AS cluster_id, coalesce(a.title, a.feed_title, a.url) AS title,
                   left(coalesce(a.text, a.description, ''), @lead) AS lead, coalesce(a.canonical_url, a.url) AS url,
                   coalesce(f.name, a.site_name, '') AS source, a.language, a.first_extracted_at AS first_seen_at, a.published_at
            FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id
            WHERE a.first_extracted_at >= @from AND a.first_extracted_at < @to AND a.status IN ('extracted', 'tagged', 'duplicate')
            ORDER BY a.id
            """,
            new { from, to, lead = LeadCharacters },
            cancellationToken: cancellationToken))).ToList();
        var ids = stories.Select(s => s.ArticleId).ToArray();
        var tags = (await connection.QueryAsync<WindowTag>(new CommandDefinition(
            "SELECT article_id, kind, value, confidence::float8 AS confidence FROM article_tags_effective WHERE article_id = ANY(@ids)",
            new { ids },
            cancellationToken: cancellationToken))).ToList();
        var quotes = (await connection.QueryAsync<WindowQuote>(new CommandDefinition(
            """
            SELECT q.id AS quote_id, q.article_id, q.text, coalesce(p.name, q.speaker) AS speaker, coalesce(p.merged_into, q.person_id) AS person_id,
                   q.speaker_title, q.speaker_org, q.kind, a.language
            FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN people p ON p.id = q.person_id
            WHERE q.article_id = ANY(@ids) AND coalesce(p.name, q.speaker) IS NOT NULL
            ORDER BY q.id
            """,
            new { ids },
            cancellationToken: cancellationToken))).ToList();
        return new DigestWindowData(stories, tags, quotes);
    }

    /// <summary>Of the given subscribers, those that already have a digest (composed, sent or skipped) for their local date.</summary>
    public async Task<IReadOnlySet<long>> WithDigestAsync(IReadOnlyDictionary<long, DateOnly> localDates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(localDates);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<(long SubscriberId, DateTime LocalDate)>(new CommandDefinition(
                "SELECT subscriber_id, local_date FROM digest_deliveries WHERE subscriber_id = ANY(@ids) AND local_date = ANY(@dates)",
                new { ids = localDates.Keys.ToArray(), dates = localDates.Values.Distinct().Select(d => d.ToDateTime(TimeOnly.MinValue)).ToArray() },
                cancellationToken: cancellationToken)))
            .Where(r => localDates[r.SubscriberId] == DateOnly.FromDateTime(r.LocalDate))
            .Select(r => r.SubscriberId)
            .ToHashSet();
    }

    /// <summary>
    /// Puts composed digests in the outbox. One per subscriber and local date: a digest already there (another
    /// node's, or an earlier run's) wins and the new one is dropped. Returns how many were added.
    /// </summary>
    public async Task<int> AddAsync(IReadOnlyList<ComposedDelivery> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var added = 0;
        foreach (var chunk in deliveries.Chunk(500))
        {
            added += await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO digest_deliveries (subscriber_id, local_date, state, message_id, message, stories)
                SELECT * FROM unnest(@subscribers, @dates, @states, @messageIds, @messages, @stories)
                ON CONFLICT (subscriber_id, local_date) DO NOTHING
                """,
                new
                {
                    subscribers = chunk.Select(d => d.SubscriberId).ToArray(),
                    dates = chunk.Select(d => d.LocalDate.ToDateTime(TimeOnly.MinValue)).ToArray(),
                    states = chunk.Select(d => d.Message is null ? "skipped" : "pending").ToArray(),
                    messageIds = chunk.Select(d => d.MessageId).ToArray(),
                    messages = chunk.Select(d => d.Message).ToArray(),
                    stories = chunk.Select(d => d.Stories).ToArray(),
                },
                cancellationToken: cancellationToken));
        }

        return added;
    }

    /// <summary>
    /// Claims due digests to send: pending ones whose next attempt has come, and ones left "sending" by a run that
    /// stopped (their lease expired). Each claimed digest is "sending" under a lease, its attempt counted.
    /// </summary>
    public async Task<IReadOnlyList<DigestDelivery>> ClaimAsync(int limit, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<DigestDelivery>(new CommandDefinition(
            $"""
            WITH due AS (
                SELECT d.id FROM digest_deliveries d JOIN subscribers s ON s.id = d.subscriber_id
                WHERE {Due}
                ORDER BY d.next_attempt_at, d.id
                LIMIT @limit
                FOR UPDATE OF d SKIP LOCKED)
            UPDATE digest_deliveries d SET state = 'sending', attempts = d.attempts + 1, lease_until = @leaseUntil
            FROM due, subscribers s
            WHERE d.id = due.id AND s.id = d.subscriber_id
            RETURNING d.id, d.subscriber_id, s.email, d.local_date, d.message_id, d.message, d.attempts
            """,
            new { limit, now, leaseUntil = now + lease },
            cancellationToken: cancellationToken))];
    }

    /// <summary>How many digests a sending pass starting now would try.</summary>
    public async Task<int> CountDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT count(*) FROM digest_deliveries d JOIN subscribers s ON s.id = d.subscriber_id WHERE {Due}",
            new { now },
            cancellationToken: cancellationToken));
    }

    public async Task MarkSentAsync(long id, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE digest_deliveries SET state = 'sent', sent_at = @sentAt, message = NULL, lease_until = NULL, last_error = NULL WHERE id = @id",
            new { id, sentAt },
            cancellationToken: cancellationToken));
    }

    /// <summary>Records a failed attempt: tried again at <paramref name="retryAt"/>, or failed for good when null.</summary>
    public async Task MarkFailedAttemptAsync(long id, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE digest_deliveries SET state = CASE WHEN @retryAt::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
                last_error = @error, next_attempt_at = coalesce(@retryAt, next_attempt_at), lease_until = NULL
            WHERE id = @id
            """,
            new { id, error, retryAt },
            cancellationToken: cancellationToken));
    }

    /// <summary>The digest of one subscriber and date, as the outbox has it (for reports and tests).</summary>
    public async Task<IReadOnlyList<(long SubscriberId, DateOnly LocalDate, string State, int Attempts, string MessageId, string? LastError)>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return [.. (await connection.QueryAsync<(long, DateTime, string, int, string, string?)>(new CommandDefinition(
                "SELECT subscriber_id, local_date, state, attempts, message_id, last_error FROM digest_deliveries ORDER BY subscriber_id, local_date",
                cancellationToken: cancellationToken)))
            .Select(r => (r.Item1, DateOnly.FromDateTime(r.Item2), r.Item3, r.Item4, r.Item5, r.Item6))];
    }
}
