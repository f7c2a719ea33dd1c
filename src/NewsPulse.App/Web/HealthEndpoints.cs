using Dapper;
using NewsPulse.App.Cli;
using Npgsql;

namespace NewsPulse.App.Web;

/// <summary><c>GET /healthz</c>: 200 when the database answers, with when a feed was last polled successfully; 503 when it does not.</summary>
public static class HealthEndpoints
{
    private sealed record Health(string Status, bool Database, string? DatabaseError, DateTimeOffset? LastSuccessfulPoll);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", async (NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                var lastPoll = await connection.ExecuteScalarAsync<DateTimeOffset?>(new CommandDefinition("SELECT max(last_success_at) FROM feeds", cancellationToken: cancellationToken));
                return Results.Json(new Health("ok", true, null, lastPoll), JsonOutput.Lines);
            }
            catch (NpgsqlException ex)
            {
                return Results.Json(new Health("unavailable", false, ex.Message, null), JsonOutput.Lines, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
        return routes;
    }
}
