using Dapper;
using Npgsql;

namespace NewsPulse.Storage.Stores;

/// <summary>How many stories carried a tag on one day (UTC).</summary>
public sealed record DailyCount(DateOnly Day, int Stories);

/// <summary>A company or country tagged on the same articles as another tag, and in how many stories.</summary>
public sealed record CoMention(string Kind, string Value, int Stories);

/// <summary>What a tag's page shows besides its stories: daily volume and the tags that come with it.</summary>
public sealed record TagOverview(IReadOnlyList<DailyCount> Days, IReadOnlyList<CoMention> CoMentions);

/// <summary>One effective tag of one article, for lists that show each article's tags.</summary>
public sealed record ArticleTag(long ArticleId, string Kind, string Value, double Confidence);

/// <summary>
/// Tag statistics for the web pages, over the tags users see (<c>article_tags_effective</c>): a tag's daily story
/// volume and co-mentioned companies and countries, and the tags of a page of articles in one query.
/// </summary>
public sealed class TagStatistics(NpgsqlDataSource dataSource)
{
    private const string Published = "coalesce(a.published_at, a.discovered_at)";

    /// <summary>
    /// Tagged articles in [<paramref name="since"/>, <paramref name="until"/>): stories per day and the
    /// <paramref name="top"/> companies and countries of the most stories with them. Copies of one story (its cluster)
    /// count once.
    /// Both in one round trip.
    /// </summary>
    public async Task<TagOverview> OverviewAsync(string kind, string value, DateTimeOffset since, DateTimeOffset until, int top, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            Overview,
            new { kind, value, since = since.ToUniversalTime(), until = until.ToUniversalTime(), top },
            cancellationToken: cancellationToken));
        var days = (await results.ReadAsync<(DateTime Day, int Stories)>()).Select(d => new DailyCount(DateOnly.FromDateTime(d.Day), d.Stories)).ToList();
        var coMentions = (await results.ReadAsync<CoMention>()).ToList();
        return new TagOverview(days, coMentions);
    }

    /// <summary>The effective tags of <paramref name="articleIds"/>, each article's most confident first.</summary>
    public async Task<IReadOnlyList<ArticleTag>> TagsOfAsync(IReadOnlyCollection<long> articleIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        if (articleIds.Count == 0)
        {
            return [];
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<ArticleTag>(new CommandDefinition(
            """
            SELECT article_id, kind, value, confidence::double precision AS confidence FROM article_tags_effective
            WHERE article_id = ANY(@ids) ORDER BY article_id, kind, confidence DESC, value
            """,
            new { ids = articleIds.ToArray() },
            cancellationToken: cancellationToken))];
    }

    // The tag's articles in the window, with their story and day (UTC).
    private const string Tagged =
        $"""
        SELECT a.id, coalesce(a.story_cluster_id, a.id) AS story, ({Published} AT TIME ZONE 'UTC')::date AS day
        FROM article_tags_effective t JOIN articles a ON a.id = t.article_id
        WHERE t.kind = @kind AND t.value = @value AND a.status IN ('extracted', 'tagged')
          AND {Published} >= @since AND {Published} < @until
        """;

    private const string Overview =
        $"""
        WITH tagged AS ({Tagged})
        SELECT day::timestamp AS day, count(DISTINCT story)::int AS stories FROM tagged GROUP BY day ORDER BY day;

        WITH tagged AS ({Tagged}), counted AS (
            SELECT o.kind, o.value, count(DISTINCT tagged.story)::int AS stories,
                   row_number() OVER (PARTITION BY o.kind ORDER BY count(DISTINCT tagged.story) DESC, o.value) AS rank
            FROM tagged JOIN article_tags_effective o ON o.article_id = tagged.id
            WHERE o.kind IN ('company', 'country') AND NOT (o.kind = @kind AND o.value = @value)
            GROUP BY o.kind, o.value
        )
        SELECT kind, value, stories FROM counted WHERE rank <= @top ORDER BY kind, stories DESC, value;
        """;
}
