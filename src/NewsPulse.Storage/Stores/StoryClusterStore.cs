using Dapper;
using NewsPulse.Domain;
using Npgsql;

namespace NewsPulse.Storage.Stores;

/// <summary>Story clusters: which stored articles are copies (syndicated, rewritten, truncated, updated) of one story.</summary>
public sealed class StoryClusterStore(NpgsqlDataSource dataSource)
{
    // Advisory-lock namespaces, so that a band's key and an article's key never meet by accident of value.
    private const long BandLockSalt = 0x4E50_4261_6E64_0000;
    private const long ArticleLockSalt = 0x4E50_4172_7469_0000;

    private sealed class Candidate
    {
        public long Id { get; init; }

        public long StoryClusterId { get; init; }

        public long[] Minhash { get; init; } = [];

        public int ShingleCount { get; init; }
    }

    /// <summary>
    /// Puts an article in the cluster of its most similar recent article in the same language (overlap at least
    /// <paramref name="threshold"/>, discovered within <paramref name="window"/>), or starts a cluster of its own.
    /// Returns the cluster id, which is the id of the cluster's first article.
    /// </summary>
    public async Task<long> AssignAsync(
        long articleId, string? language, StoryFingerprint fingerprint, double threshold, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        var bands = fingerprint.BandHashes();
        var bandNumbers = Enumerable.Range(0, bands.Count).Select(b => (short)b).ToArray();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Two copies of one story extracted at the same moment must not each start a cluster. Copies are found
        // through a shared band, so assignments sharing a band take turns while unrelated stories go on in parallel;
        // the article's own key lets an exact duplicate of it wait for its cluster (JoinClusterOfAsync).
        var keys = bands.Select((hash, band) => unchecked((hash * 31) + band) ^ BandLockSalt).Append(ArticleLockKey(articleId));
        await LockAsync(connection, transaction, keys, cancellationToken);
        var candidates = await connection.QueryAsync<Candidate>(new CommandDefinition(
            """
            SELECT a.id, a.story_cluster_id, a.minhash, a.shingle_count
            FROM articles a
            WHERE a.id IN (
                    SELECT s.article_id FROM article_story_bands s
                    JOIN unnest(@bandNumbers, @bands) AS q(band, band_hash) ON s.band = q.band AND s.band_hash = q.band_hash)
              AND a.id <> @articleId AND a.story_cluster_id IS NOT NULL AND a.minhash IS NOT NULL
              AND a.language IS NOT DISTINCT FROM @language AND a.discovered_at >= @since
            """,
            new { articleId, bandNumbers, bands = bands.ToArray(), language, since = now - window },
            transaction,
            cancellationToken: cancellationToken));
        var best = candidates
            .Select(c => (Candidate: c, Overlap: fingerprint.Overlap(StoryFingerprint.FromStored(c.Minhash.Select(v => unchecked((ulong)v)).ToArray(), c.ShingleCount))))
            .Where(c => c.Overlap >= threshold)
            .OrderByDescending(c => c.Overlap)
            .ThenBy(c => c.Candidate.Id)
            .FirstOrDefault();
        var cluster = best.Candidate?.StoryClusterId ?? articleId;
        await connection.ExecuteExactlyOneAsync(new CommandDefinition(
            "UPDATE articles SET story_cluster_id = @cluster, minhash = @minhash, shingle_count = @count, updated_at = now() WHERE id = @articleId",
            new { articleId, cluster, minhash = fingerprint.Signature.Select(v => unchecked((long)v)).ToArray(), count = fingerprint.ShingleCount },
            transaction,
            cancellationToken: cancellationToken));
        // Exact duplicates saved before this article had its cluster follow it now.
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE articles SET story_cluster_id = @cluster WHERE duplicate_of = @articleId", new { articleId, cluster }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM article_story_bands WHERE article_id = @articleId", new { articleId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO article_story_bands (band, band_hash, article_id) SELECT b, h, @articleId FROM unnest(@bandNumbers, @bands) AS u(b, h) ON CONFLICT DO NOTHING",
            new { articleId, bandNumbers, bands = bands.ToArray() },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return cluster;
    }

    /// <summary>
    /// An exact duplicate belongs to its original's cluster. If the original has none yet, its own assignment
    /// (which holds the original's key meanwhile) brings the duplicate along.
    /// </summary>
    public async Task JoinClusterOfAsync(long articleId, long originalId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, transaction, [ArticleLockKey(originalId)], cancellationToken);
        await connection.ExecuteExactlyOneAsync(new CommandDefinition(
            "UPDATE articles SET story_cluster_id = (SELECT story_cluster_id FROM articles WHERE id = @originalId), updated_at = now() WHERE id = @articleId",
            new { articleId, originalId },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    private static long ArticleLockKey(long articleId) => articleId ^ ArticleLockSalt;

    /// <summary>Transaction-scoped advisory locks on <paramref name="keys"/>, taken in ascending order so two takers never deadlock.</summary>
    private static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<long> keys, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT DISTINCT k FROM unnest(@keys) AS u(k) ORDER BY k) AS ordered",
            new { keys = keys.ToArray() },
            transaction,
            cancellationToken: cancellationToken));
}
