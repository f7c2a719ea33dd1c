using System.Text.Json;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace NewsPulse.Storage.Stores;

/// <summary>The ingest_runs table.</summary>
public sealed class IngestRunStore(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions ProblemJson = new(JsonSerializerDefaults.Web);

    public async Task<long> RecordAsync(IngestRunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var parameters = new DynamicParameters(new
        {
            run.StartedAt,
            run.FinishedAt,
            run.FeedsOk,
            run.FeedsFailed,
            run.FeedsNotModified,
            run.ArticlesNew,
            run.ArticlesDuplicate,
            run.ArticlesExtracted,
            run.ArticlesFailed,
        });
        parameters.Add("Problems", new JsonbParameter(JsonSerializer.Serialize(run.Problems, ProblemJson)));
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO ingest_runs (started_at, finished_at, feeds_ok, feeds_failed, feeds_not_modified, articles_new, articles_duplicate,
                articles_extracted, articles_failed, problems)
            VALUES (@StartedAt, @FinishedAt, @FeedsOk, @FeedsFailed, @FeedsNotModified, @ArticlesNew, @ArticlesDuplicate, @ArticlesExtracted,
                @ArticlesFailed, @Problems)
            RETURNING id
            """,
            parameters,
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<IngestProblem>> ProblemsAsync(long runId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var json = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT problems::text FROM ingest_runs WHERE id = @runId", new { runId }, cancellationToken: cancellationToken));
        return json is null ? [] : JsonSerializer.Deserialize<IngestProblem[]>(json, ProblemJson) ?? [];
    }

    private sealed class JsonbParameter(string json) : SqlMapper.ICustomQueryParameter
    {
        public void AddParameter(System.Data.IDbCommand command, string name)
        {
            command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Jsonb) { Value = json });
        }
    }
}
