using System.IO.Compression;
using Dapper;
using NewsPulse.Domain;
using Npgsql;

namespace NewsPulse.Storage.Stores;

/// <summary>The articles table and the raw HTML kept beside it.</summary>
public sealed class ArticleStore(NpgsqlDataSource dataSource)
{
    internal const string SummaryColumns =
        "a.id, a.url, a.title, a.feed_title, f.name AS feed_name, a.site_name, a.language, a.published_at, a.discovered_at, a.status, a.last_error, a.story_cluster_id";

    /// <summary>
    /// Records a feed's items as discovered articles. An item whose URL is already stored is a duplicate; if this
    /// feed's title for it changed, or its entry id now points at another link, the stored article is updated (same
    /// id) and fetched again rather than stored twice.
    /// </summary>
    public async Task<DiscoveryResult> AddDiscoveredAsync(long feedId, IReadOnlyList<FeedItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var unique = items
            .Select(item => (Item: item, Hash: ArticleUrl.Hash(item.Link)))
            .DistinctBy(pair => Convert.ToHexString(pair.Hash))
            .ToArray();
        if (unique.Length == 0)
        {
            return new DiscoveryResult(0, items.Count);
        }

        var rows = new
        {
            feedId,
            urls = unique.Select(u => ArticleUrl.Normalize(u.Item.Link).AbsoluteUri).ToArray(),
            hashes = unique.Select(u => u.Hash).ToArray(),
            entryIds = unique.Select(u => u.Item.EntryId).ToArray(),
            titles = unique.Select(u => u.Item.Title).ToArray(),
            summaries = unique.Select(u => u.Item.Summary).ToArray(),
            published = unique.Select(u => u.Item.PublishedAt?.UtcDateTime).ToArray(),
            authors = unique.Select(u => u.Item.Author).ToArray(),
        };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var relinked = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE articles a SET url = u.url, url_hash = u.url_hash, feed_title = u.feed_title, status = 'discovered',
                lease_until = NULL, updated_at = now()
            FROM unnest(@entryIds, @urls, @hashes, @titles) AS u(entry_id, url, url_hash, feed_title)
            WHERE a.feed_id = @feedId AND u.entry_id IS NOT NULL AND a.entry_id = u.entry_id AND a.url_hash <> u.url_hash
              AND NOT EXISTS (SELECT 1 FROM articles b WHERE b.url_hash = u.url_hash)
            """,
            rows,
            transaction,
            cancellationToken: cancellationToken));
        var changes = (await connection.QueryAsync<bool>(new CommandDefinition(
            """
            INSERT INTO articles AS a (feed_id, url, url_hash, entry_id, feed_title, feed_summary, published_at, authors)
            SELECT @feedId, u.url, u.url_hash, u.entry_id, u.feed_title, u.feed_summary, u.published_at,
                   CASE WHEN u.author IS NULL THEN '{}'::text[] ELSE ARRAY[u.author] END
            FROM unnest(@urls, @hashes, @entryIds, @titles, @summaries, @published, @authors)
                 AS u(url, url_hash, entry_id, feed_title, feed_summary, published_at, author)
            ON CONFLICT (url_hash) DO UPDATE SET feed_title = excluded.feed_title, feed_summary = excluded.feed_summary,
                status = CASE WHEN a.status IN ('extracted', 'tagged', 'duplicate') THEN 'discovered' ELSE a.status END,
                lease_until = NULL, updated_at = now()
            WHERE a.feed_id = excluded.feed_id AND a.feed_title IS DISTINCT FROM excluded.feed_title
            RETURNING (xmax = 0)
            """,
            rows,
            transaction,
            cancellationToken: cancellationToken))).ToArray();
        await transaction.CommitAsync(cancellationToken);
        var inserted = changes.Count(isNew => isNew);
        return new DiscoveryResult(inserted, items.Count - inserted, relinked + changes.Length - inserted);
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> articles that still need fetching or extracting. The lease keeps other
    /// workers off them; if this worker dies the lease expires and another picks them up.
    /// </summary>
    public async Task<IReadOnlyList<PendingArticle>> ClaimPendingAsync(int limit, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PendingArticle>(new CommandDefinition(
            """
            WITH claimed AS (
                SELECT id FROM articles
                WHERE status IN ('discovered', 'fetched') AND (lease_until IS NULL OR lease_until < @now)
                ORDER BY discovered_at, id
                LIMIT @limit
                FOR UPDATE SKIP LOCKED
            )
            UPDATE articles a SET lease_until = @leaseUntil, attempts = a.attempts + 1, updated_at = now()
            FROM claimed
            WHERE a.id = claimed.id
            RETURNING a.id, a.url, a.status, (SELECT f.language FROM feeds f WHERE f.id = a.feed_id) AS feed_language
            """,
            new { limit, now, leaseUntil = now + lease },
            cancellationToken: cancellationToken));
        return rows.OrderBy(r => r.Id).ToArray();
    }

    public async Task SaveFetchedAsync(long articleId, FetchedPage page, DateTimeOffset fetchedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO article_html (article_id, final_url, http_status, content_type, body_gzip, original_size, fetched_at)
            VALUES (@articleId, @finalUrl, @HttpStatus, @ContentType, @body, @size, @fetchedAt)
            ON CONFLICT (article_id) DO UPDATE SET final_url = excluded.final_url, http_status = excluded.http_status,
                content_type = excluded.content_type, body_gzip = excluded.body_gzip, original_size = excluded.original_size,
                fetched_at = excluded.fetched_at
            """,
            new { articleId, finalUrl = page.FinalUrl.AbsoluteUri, page.HttpStatus, page.ContentType, body = Compress(page.Body), size = page.Body.Length, fetchedAt },
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteExactlyOneAsync(new CommandDefinition(
            "UPDATE articles SET status = 'fetched', fetched_at = @fetchedAt, last_error = NULL, updated_at = now() WHERE id = @articleId",
            new { articleId, fetchedAt },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Articles whose raw HTML is kept (fetched since <paramref name="since"/>), after <paramref name="afterId"/>
    /// in id order: keyset pages for reprocessing, however many there are.
    /// </summary>
    public async Task<IReadOnlyList<PendingArticle>> ListWithStoredPagesAsync(DateTimeOffset? since, long afterId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PendingArticle>(new CommandDefinition(
            """
            SELECT a.id, a.url, a.status, f.language AS feed_language
            FROM articles a JOIN article_html h ON h.article_id = a.id LEFT JOIN feeds f ON f.id = a.feed_id
            WHERE a.id > @afterId AND (@since::timestamptz IS NULL OR h.fetched_at >= @since)
            ORDER BY a.id
            LIMIT @limit
            """,
            new { since, afterId, limit },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public async Task<int> CountWithStoredPagesAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM article_html WHERE @since::timestamptz IS NULL OR fetched_at >= @since",
            new { since },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Deletes raw HTML fetched before <paramref name="cutoff"/>, except for pages still waiting to be extracted.
    /// Returns how many pages were deleted.
    /// </summary>
    public async Task<int> PurgeRawHtmlAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM article_html h USING articles a
            WHERE a.id = h.article_id AND h.fetched_at < @cutoff AND a.status NOT IN ('discovered', 'fetched')
            """,
            new { cutoff },
            cancellationToken: cancellationToken));
    }

    /// <summary>The stored page bytes (decompressed) and content type, for extraction now or a later rerun.</summary>
    public async Task<FetchedPage?> GetFetchedPageAsync(long articleId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string FinalUrl, int HttpStatus, string? ContentType, byte[] BodyGzip)>(new CommandDefinition(
            "SELECT final_url, http_status, content_type, body_gzip FROM article_html WHERE article_id = @articleId",
            new { articleId },
            cancellationToken: cancellationToken));
        return row.FinalUrl is null ? null : new FetchedPage(new Uri(row.FinalUrl), row.HttpStatus, row.ContentType, Decompress(row.BodyGzip));
    }

    /// <summary>
    /// Stores what extraction found. When an earlier article has the same canonical URL or the same text, this one
    /// is stored as its duplicate (status duplicate, pointing at it) and that article's id is returned; else null.
    /// </summary>
    public async Task<long?> SaveExtractedAsync(long articleId, string pageUrl, ExtractedArticle article, string? language, DateTimeOffset extractedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        try
        {
            return await SaveExtractedOnceAsync(articleId, pageUrl, article, language, extractedAt, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName is "articles_canonical" or "articles_content")
        {
            // Another worker stored the same story a moment ago: now it is found, and this one becomes its duplicate.
            return await SaveExtractedOnceAsync(articleId, pageUrl, article, language, extractedAt, cancellationToken);
        }
    }

    private async Task<long?> SaveExtractedOnceAsync(long articleId, string pageUrl, ExtractedArticle article, string? language, DateTimeOffset extractedAt, CancellationToken cancellationToken)
    {
        // Canonical URLs are normalised like article URLs, so tracking parameters cannot hide a duplicate.
        var canonicalUrl = ArticleUrl.Normalize(article.CanonicalUrl ?? new Uri(pageUrl)).AbsoluteUri;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var original = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            SELECT id FROM articles
            WHERE id <> @articleId AND status IN ('extracted', 'tagged')
              AND (canonical_url_hash = sha256(newspulse_utf8(@canonicalUrl)) OR content_hash = newspulse_content_hash(@Text))
            ORDER BY id LIMIT 1
            """,
            new { articleId, canonicalUrl, article.Text },
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteExactlyOneAsync(new CommandDefinition(
            """
            UPDATE articles SET status = @status, duplicate_of = @original, title = coalesce(@Title, feed_title), authors = @Authors,
                published_at = coalesce(@PublishedAt, published_at), modified_at = @ModifiedAt, language = @language,
                canonical_url = @canonicalUrl, site_name = @SiteName, description = @Description, image_url = @imageUrl, text = @Text,
                extracted_at = @extractedAt, first_extracted_at = coalesce(first_extracted_at, @extractedAt),
                last_error = NULL, lease_until = NULL, updated_at = now()
            WHERE id = @articleId
            """,
            new
            {
                articleId,
                status = original is null ? ArticleStatusNames.Extracted : ArticleStatusNames.Duplicate,
                original,
                article.Title,
                Authors = article.Authors.ToArray(),
                PublishedAt = article.PublishedAt?.UtcDateTime,
                ModifiedAt = article.ModifiedAt?.UtcDateTime,
                language,
                canonicalUrl,
                article.SiteName,
                article.Description,
                imageUrl = article.Image?.AbsoluteUri,
                article.Text,
                extractedAt,
            },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return original;
    }

    public async Task MarkFailedAsync(long articleId, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteExactlyOneAsync(new CommandDefinition(
            "UPDATE articles SET status = 'failed', last_error = @reason, lease_until = NULL, updated_at = now() WHERE id = @articleId",
            new { articleId, reason },
            cancellationToken: cancellationToken));
    }

    /// <summary>Leaves an article pending but out of reach until <paramref name="until"/>, with the reason it waits.</summary>
    public async Task DeferAsync(long articleId, DateTimeOffset until, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteExactlyOneAsync(new CommandDefinition(
            "UPDATE articles SET lease_until = @until, last_error = @reason, updated_at = now() WHERE id = @articleId",
            new { articleId, until, reason },
            cancellationToken: cancellationToken));
    }

    /// <summary>Newest first by publication date (discovery date when the page gave none).</summary>
    public async Task<IReadOnlyList<ArticleSummary>> ListLatestAsync(int limit, bool includeFailed, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ArticleSummary>(new CommandDefinition(
            $"""
            SELECT {SummaryColumns}
            FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id
            WHERE a.status <> 'duplicate' AND (@includeFailed OR a.status <> 'failed')
            ORDER BY coalesce(a.published_at, a.discovered_at) DESC, a.id DESC
            LIMIT @limit
            """,
            new { limit, includeFailed },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public async Task<ArticleDetail?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ArticleDetail>(new CommandDefinition(
            $"""
            SELECT {SummaryColumns}, a.canonical_url, a.authors, a.description, a.text, a.modified_at, a.fetched_at, a.attempts
            FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id
            WHERE a.id = @id
            """,
            new { id },
            cancellationToken: cancellationToken));
    }

    /// <summary>Articles still to fetch or extract (the partial index articles_pending answers it).</summary>
    public async Task<int> CountPendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM articles WHERE status IN ('discovered', 'fetched')", cancellationToken: cancellationToken));
    }

    private static byte[] Compress(byte[] body)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return output.ToArray();
    }

    private static byte[] Decompress(byte[] gzipped)
    {
        using var input = new GZipStream(new MemoryStream(gzipped), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
