using Dapper;
using NewsPulse.Domain;
using Npgsql;

namespace NewsPulse.Storage.Stores;

/// <summary>The feeds table: declared feeds and their fetch state.</summary>
public sealed class FeedStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "id, url, name, language, category, poll_interval_seconds, enabled, source, etag, last_modified, next_check_at, " +
        "last_checked_at, last_success_at, error_count, last_error, items_per_day, last_http_status, moved_from";

    /// <summary>
    /// Upserts the feeds a file declares (by URL) and, when <paramref name="disableMissing"/>, disables the feeds
    /// the same file declared before but no longer lists. Feeds are never deleted: their articles stay linked.
    /// </summary>
    public async Task<FeedSyncResult> SyncAsync(string source, IReadOnlyList<FeedDefinition> feeds, bool disableMissing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        int added = 0, updated = 0;
        foreach (var feed in feeds)
        {
            var values = Row(feed, source);

            // A file that still lists a feed's old URL means the feed that moved away from it.
            var moved = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE feeds SET name = @Name, language = @Language, category = @Category,
                    poll_interval_seconds = @PollIntervalSeconds, enabled = @Enabled, source = @Source, updated_at = now()
                WHERE @Url = ANY(moved_from)
                """,
                values,
                transaction,
                cancellationToken: cancellationToken));
            if (moved > 0)
            {
                updated++;
                continue;
            }

            var inserted = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                """
                INSERT INTO feeds (url, name, language, category, poll_interval_seconds, enabled, source)
                VALUES (@Url, @Name, @Language, @Category, @PollIntervalSeconds, @Enabled, @Source)
                ON CONFLICT (url) DO UPDATE SET
                    name = excluded.name, language = excluded.language, category = excluded.category,
                    poll_interval_seconds = excluded.poll_interval_seconds, enabled = excluded.enabled,
                    source = excluded.source, updated_at = now()
                RETURNING (xmax = 0)
                """,
                values,
                transaction,
                cancellationToken: cancellationToken));
            if (inserted)
            {
                added++;
            }
            else
            {
                updated++;
            }
        }

        var disabled = 0;
        if (disableMissing)
        {
            disabled = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE feeds SET enabled = false, updated_at = now() WHERE source = @source AND enabled AND NOT (url = ANY(@urls)) AND NOT (moved_from && @urls)",
                new { source, urls = feeds.Select(f => f.Url.AbsoluteUri).ToArray() },
                transaction,
                cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return new FeedSyncResult(added, updated, disabled);
    }

    /// <summary>
    /// Adds one feed unless its URL is already polled (directly, or as a URL a feed moved away from).
    /// Returns the feed's id and whether it was new.
    /// </summary>
    public async Task<(long Id, bool Added)> AddAsync(FeedDefinition feed, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var values = Row(feed, source);
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            INSERT INTO feeds (url, name, language, category, poll_interval_seconds, enabled, source)
            SELECT @Url, @Name, @Language, @Category, @PollIntervalSeconds, @Enabled, @Source
            WHERE NOT EXISTS (SELECT 1 FROM feeds WHERE @Url = ANY(moved_from))
            ON CONFLICT (url) DO NOTHING
            RETURNING id
            """,
            values,
            cancellationToken: cancellationToken));
        if (id is { } added)
        {
            return (added, true);
        }

        var existing = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT id FROM feeds WHERE url = @Url OR @Url = ANY(moved_from) ORDER BY id LIMIT 1", values, cancellationToken: cancellationToken));
        return (existing, false);
    }

    /// <summary>Enables or disables a feed; false when there is no such feed.</summary>
    public async Task<bool> SetEnabledAsync(long feedId, bool enabled, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE feeds SET enabled = @enabled, updated_at = now() WHERE id = @feedId",
            new { feedId, enabled },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> enabled feeds to poll, so no other process polls them meanwhile: those
    /// whose next check is due (<paramref name="dueOnly"/>), or all not checked since <paramref name="notCheckedSince"/>,
    /// skipping any another process holds. <paramref name="source"/> limits them to one feeds file.
    /// </summary>
    public async Task<IReadOnlyList<StoredFeed>> ClaimAsync(
        bool dueOnly, string? source, DateTimeOffset notCheckedSince, int limit, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredFeed>(new CommandDefinition(
            $"""
            WITH claimed AS (
                SELECT id FROM feeds
                WHERE enabled AND (lease_until IS NULL OR lease_until < @now)
                  AND (CASE WHEN @dueOnly THEN next_check_at <= @now ELSE last_checked_at IS NULL OR last_checked_at < @notCheckedSince END)
                  AND (@source::text IS NULL OR source = @source)
                ORDER BY next_check_at, id
                LIMIT @limit
                FOR UPDATE SKIP LOCKED
            )
            UPDATE feeds f SET lease_until = @leaseUntil FROM claimed WHERE f.id = claimed.id
            RETURNING {string.Join(", ", Columns.Split(", ").Select(c => "f." + c))}
            """,
            new { dueOnly, source, notCheckedSince, limit, now, leaseUntil = now + lease },
            cancellationToken: cancellationToken));
        return rows.OrderBy(f => f.Id).ToArray();
    }

    public async Task<int> CountEnabledAsync(string? source, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM feeds WHERE enabled AND (@source::text IS NULL OR source = @source)", new { source }, cancellationToken: cancellationToken));
    }

    /// <summary>Feeds by id; <paramref name="source"/> limits them to one feeds file.</summary>
    public async Task<IReadOnlyList<StoredFeed>> ListAsync(bool enabledOnly, string? source, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredFeed>(new CommandDefinition(
            $"SELECT {Columns} FROM feeds WHERE (NOT @enabledOnly OR enabled) AND (@source::text IS NULL OR source = @source) ORDER BY id",
            new { enabledOnly, source },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <param name="feedId">The feed.</param>
    /// <param name="httpStatus">200 or 304.</param>
    /// <param name="etag">Validator for the next conditional GET.</param>
    /// <param name="lastModified">Validator for the next conditional GET.</param>
    /// <param name="itemsPerDay">Posting rate measured now; null keeps the one measured before (a 304 has no items).</param>
    /// <param name="checkedAt">When the poll ended.</param>
    /// <param name="nextCheckAt">When to poll again.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    public async Task RecordSuccessAsync(
        long feedId, int httpStatus, string? etag, string? lastModified, double? itemsPerDay, DateTimeOffset checkedAt, DateTimeOffset nextCheckAt, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteExactlyOneAsync(new CommandDefinition(
            """
            UPDATE feeds SET etag = @etag, last_modified = @lastModified, last_checked_at = @checkedAt,
                last_success_at = @checkedAt, next_check_at = @nextCheckAt, error_count = 0, last_error = NULL,
                items_per_day = coalesce(@itemsPerDay, items_per_day), last_http_status = @httpStatus, lease_until = NULL, updated_at = now()
            WHERE id = @feedId
            """,
            new { feedId, httpStatus, etag, lastModified, itemsPerDay, checkedAt, nextCheckAt },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Moves a feed to the URL it permanently redirects to, remembering the old one. Returns false (and changes
    /// nothing) when another feed already has that URL: two rows must never poll the same feed.
    /// </summary>
    public async Task<bool> MoveAsync(long feedId, Uri newUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newUrl);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var moved = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE feeds SET moved_from = array_append(moved_from, url), url = @url, etag = NULL, last_modified = NULL, updated_at = now()
            WHERE id = @feedId AND url <> @url AND NOT EXISTS (SELECT 1 FROM feeds other WHERE other.url = @url)
            """,
            new { feedId, url = newUrl.AbsoluteUri },
            cancellationToken: cancellationToken));
        return moved == 1;
    }

    /// <summary>Records a failed poll; the feed stays enabled and is retried at <paramref name="nextCheckAt"/>.</summary>
    public async Task RecordFailureAsync(long feedId, int? httpStatus, string error, DateTimeOffset checkedAt, DateTimeOffset nextCheckAt, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteExactlyOneAsync(new CommandDefinition(
            """
            UPDATE feeds SET last_checked_at = @checkedAt, next_check_at = @nextCheckAt, error_count = error_count + 1,
                last_error = @error, last_http_status = @httpStatus, lease_until = NULL, updated_at = now()
            WHERE id = @feedId
            """,
            new { feedId, httpStatus, error, checkedAt, nextCheckAt },
            cancellationToken: cancellationToken));
    }

    /// <summary>The parameters of a feeds row, as both loading a file and adding one feed write it.</summary>
    private static object Row(FeedDefinition feed, string source) => new
    {
        Url = feed.Url.AbsoluteUri,
        feed.Name,
        feed.Language,
        feed.Category,
        PollIntervalSeconds = (int)feed.PollInterval.TotalSeconds,
        feed.Enabled,
        Source = source,
    };
}
