using System.IO.Compression;
using Dapper;
using NewsPulse.Domain;
using Npgsql;

namespace NewsPulse.Storage.Stores;

/// <summary>The articles table and the raw HTML kept beside it.</summary>
public sealed class ArticleStore(NpgsqlDataSource dataSource)
{
    private const string SummaryColumns =
        "a.id, a.url, a.title, a.feed_title, f.name AS feed_name, a.site_name, a.language, a.published_at, a.discovered_at, a.status, a.last_error";

    /// <summary>Records a feed's items as discovered articles; items whose URL is already stored count as duplicates.</summary>
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

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var inserted = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            WITH inserted AS (
                INSERT INTO articles (feed_id, url, url_hash, entry_id, feed_title, feed_summary, published_at, authors)
                SELECT @feedId, u.url, u.url_hash, u.entry_id, u.feed_title, u.feed_summary, u.published_at,
                       CASE WHEN u.author IS NULL THEN '{}'::text[] ELSE ARRAY[u.author] END
                FROM unnest(@urls, @hashes, @entryIds, @titles, @summaries, @published, @authors)
                     AS u(url, url_hash, entry_id, feed_title, feed_summary, published_at, author)
                ON CONFLICT (url_hash) DO NOTHING
                RETURNING 1
            )
            SELECT count(*)::int FROM inserted
            """,
            new
            {
                feedId,
                urls = unique.Select(u => ArticleUrl.Normalize(u.Item.Link).AbsoluteUri).ToArray(),
                hashes = unique.Select(u => u.Hash).ToArray(),
                entryIds = unique.Select(u => u.Item.EntryId).ToArray(),
                titles = unique.Select(u => u.Item.Title).ToArray(),
                summaries = unique.Select(u => u.Item.Summary).ToArray(),
                published = unique.Select(u => u.Item.PublishedAt?.UtcDateTime).ToArray(),
                authors = unique.Select(u => u.Item.Author).ToArray(),
            },
            cancellationToken: cancellationToken));
        return new DiscoveryResult(inserted, items.Count - inserted);
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

    public async Task SaveExtractedAsync(long articleId, ExtractedArticle article, string? language, DateTimeOffset extractedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteExactlyOneAsync(new CommandDefinition(
            """
            UPDATE articles SET status = 'extracted', title = coalesce(@Title, feed_title), authors = @Authors,
                published_at = coalesce(@PublishedAt, published_at), modified_at = @ModifiedAt, language = @language,
                canonical_url = @canonicalUrl, site_name = @SiteName, description = @Description, text = @Text,
                extracted_at = @extractedAt, last_error = NULL, lease_until = NULL, updated_at = now()
            WHERE id = @articleId
            """,
            new
            {
                articleId,
                article.Title,
                Authors = article.Authors.ToArray(),
                PublishedAt = article.PublishedAt?.UtcDateTime,
                ModifiedAt = article.ModifiedAt?.UtcDateTime,
                language,
                canonicalUrl = article.CanonicalUrl?.AbsoluteUri,
                article.SiteName,
                article.Description,
                article.Text,
                extractedAt,
            },
            cancellationToken: cancellationToken));
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
            WHERE @includeFailed OR a.status <> 'failed'
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

    public async Task<IReadOnlyDictionary<string, long>> CountByStatusAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Status, long Count)>(new CommandDefinition(
            "SELECT status, count(*) FROM articles GROUP BY status", cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Status, r => r.Count);
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
