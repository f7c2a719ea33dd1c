using Dapper;
using Npgsql;

namespace NewsPulse.Storage.Stores;

/// <summary>A tag as stored: kind (company, country, theme), value (canonical name, ISO code, theme), confidence.</summary>
public sealed record StoredTag(string Kind, string Value, double Confidence);

/// <summary>A tag as users see it: the model's or an analyst's (confidence 1).</summary>
public sealed class EffectiveTag
{
    public required string Kind { get; init; }

    public required string Value { get; init; }

    public double Confidence { get; init; }

    public string? ModelVersion { get; init; }

    /// <summary>model or analyst.</summary>
    public required string Source { get; init; }
}

/// <summary>A row of model_versions.</summary>
public sealed class ModelVersionRecord
{
    public required string Version { get; init; }

    public required string FileName { get; init; }

    public DateTimeOffset TrainedAt { get; init; }

    public int Seed { get; init; }

    public int TrainingStories { get; init; }

    public int FeedbackLabels { get; init; }

    /// <summary>The model's manifest as JSON.</summary>
    public required string Metrics { get; init; }

    public DateTimeOffset RegisteredAt { get; init; }

    /// <summary>Articles whose current tags this version gave.</summary>
    public long TaggedArticles { get; init; }
}

/// <summary>An analyst's decision on one tag of an article.</summary>
public sealed class FeedbackRecord
{
    public long ArticleId { get; init; }

    public required string Kind { get; init; }

    public required string Value { get; init; }

    public bool Present { get; init; }

    public string? Analyst { get; init; }

    public DateTimeOffset DecidedAt { get; init; }
}

/// <summary>An article analysts decided tags on, with its text, for training.</summary>
public sealed class FeedbackArticle
{
    public long ArticleId { get; init; }

    public string? Title { get; init; }

    public string? Text { get; init; }

    public string? Language { get; init; }
}

/// <summary>An article with text, to tag.</summary>
public sealed class TaggableArticle
{
    public long Id { get; init; }

    public string? Title { get; init; }

    public string? Text { get; init; }

    public string? Language { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }
}

/// <summary>Model versions, the model's tags on articles, and analysts' decisions on them.</summary>
public sealed class TagStore(NpgsqlDataSource dataSource)
{
    /// <summary>Records a model version once; later calls with the same version change nothing.</summary>
    public async Task RegisterModelAsync(ModelVersionRecord model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO model_versions (version, file_name, trained_at, seed, training_stories, feedback_labels, metrics)
            VALUES (@Version, @FileName, @TrainedAt, @Seed, @TrainingStories, @FeedbackLabels, @Metrics::jsonb)
            ON CONFLICT (version) DO NOTHING
            """,
            model,
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ModelVersionRecord>> ListModelsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ModelVersionRecord>(new CommandDefinition(
            """
            SELECT m.version, m.file_name, m.trained_at, m.seed, m.training_stories, m.feedback_labels, m.metrics::text AS metrics,
                   m.registered_at, (SELECT count(*) FROM articles a WHERE a.tag_model_version = m.version) AS tagged_articles
            FROM model_versions m ORDER BY m.trained_at DESC, m.version DESC
            """,
            cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>Replaces the model's tags of an article with <paramref name="tags"/> and marks it tagged by that version.</summary>
    public async Task ReplaceModelTagsAsync(long articleId, string modelVersion, IReadOnlyList<StoredTag> tags, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tags);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Tags are derived data: a crash may lose the last moments of them (the article then stays extracted and
        // `reprocess --stage tag` redoes it), so their commit does not wait for the disk. One statement, one round trip.
        await connection.ExecuteAsync(new CommandDefinition(
            """
            SET LOCAL synchronous_commit = off;
            WITH new_tags AS (
                SELECT t.kind, t.value, t.confidence FROM unnest(@kinds, @values, @confidences) AS t(kind, value, confidence)
            ), stale AS (
                DELETE FROM article_tags a WHERE a.article_id = @articleId
                AND NOT EXISTS (SELECT 1 FROM new_tags n WHERE n.kind = a.kind AND n.value = a.value)
            ), upserted AS (
                INSERT INTO article_tags (article_id, kind, value, confidence, model_version)
                SELECT @articleId, n.kind, n.value, n.confidence, @modelVersion FROM new_tags n
                ON CONFLICT (article_id, kind, value) DO UPDATE SET confidence = excluded.confidence, model_version = excluded.model_version
            )
            UPDATE articles SET tagged_at = @now, tag_model_version = @modelVersion,
                status = CASE WHEN status = 'extracted' THEN 'tagged' ELSE status END, updated_at = now()
            WHERE id = @articleId
            """,
            new
            {
                articleId,
                modelVersion,
                now,
                kinds = tags.Select(t => t.Kind).ToArray(),
                values = tags.Select(t => t.Value).ToArray(),
                confidences = tags.Select(t => (float)t.Confidence).ToArray(),
            },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>An article's tags as users see them: analysts' decisions over the model's, most confident first.</summary>
    public async Task<IReadOnlyList<EffectiveTag>> GetTagsAsync(long articleId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<EffectiveTag>(new CommandDefinition(
            """
            SELECT kind, value, confidence, model_version, source FROM article_tags_effective
            WHERE article_id = @articleId ORDER BY kind, confidence DESC, value
            """,
            new { articleId },
            cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>Records an analyst's decision (the latest decision on a tag replaces an earlier one); false when there is no such article.</summary>
    public async Task<bool> DecideAsync(long articleId, string kind, string value, bool present, string? analyst, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO tag_feedback (article_id, kind, value, present, analyst, decided_at)
            SELECT id, @kind, @value, @present, @analyst, @now FROM articles WHERE id = @articleId
            ON CONFLICT (article_id, kind, value) DO UPDATE
                SET present = excluded.present, analyst = excluded.analyst, decided_at = excluded.decided_at
            """,
            new { articleId, kind, value, present, analyst, now },
            cancellationToken: cancellationToken));
        return rows == 1;
    }

    /// <summary>Every analyst decision, oldest article first: what the next training reads.</summary>
    public async Task<IReadOnlyList<FeedbackRecord>> ListFeedbackAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<FeedbackRecord>(new CommandDefinition(
            "SELECT article_id, kind, value, present, analyst, decided_at FROM tag_feedback ORDER BY article_id, kind, value",
            cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>The text of the articles analysts decided tags on.</summary>
    public async Task<IReadOnlyList<FeedbackArticle>> ListFeedbackArticlesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<FeedbackArticle>(new CommandDefinition(
            """
            SELECT a.id AS article_id, a.title, a.text, a.language FROM articles a
            WHERE a.text IS NOT NULL AND EXISTS (SELECT 1 FROM tag_feedback f WHERE f.article_id = a.id)
            ORDER BY a.id
            """,
            cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>Articles with extracted text (not duplicates), extracted since <paramref name="since"/>, after <paramref name="afterId"/>, by id.</summary>
    public async Task<IReadOnlyList<TaggableArticle>> ListTaggableAsync(DateTimeOffset? since, long afterId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<TaggableArticle>(new CommandDefinition(
            $"SELECT id, title, text, language, published_at FROM articles WHERE {TaggableWhere} AND id > @afterId ORDER BY id LIMIT @limit",
            new { since, afterId, limit },
            cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task<int> CountTaggableAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT count(*) FROM articles WHERE {TaggableWhere}", new { since }, cancellationToken: cancellationToken));
    }

    private const string TaggableWhere =
        "status IN ('extracted', 'tagged') AND text IS NOT NULL AND (@since::timestamptz IS NULL OR extracted_at >= @since)";
}
