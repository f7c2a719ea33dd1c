using Dapper;
using NewsPulse.App.Cli;
using Npgsql;
using Quartz;

namespace NewsPulse.App.Web;

/// <summary>
/// <c>GET /healthz</c>: 200 when the database answers and, in <c>serve</c>, the scheduler runs, with when a feed was
/// last polled successfully; 503 (saying which part is down) otherwise.
/// </summary>
public static class HealthEndpoints
{
    private sealed record Health(string Status, bool Database, string? DatabaseError, string Scheduler, DateTimeOffset? LastSuccessfulPoll);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", async (NpgsqlDataSource dataSource, IServiceProvider services, CancellationToken cancellationToken) =>
        {
            var scheduler = await SchedulerStateAsync(services, cancellationToken);
            var schedulerOk = scheduler is "running" or "not in this process";
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                var lastPoll = await connection.ExecuteScalarAsync<DateTimeOffset?>(new CommandDefinition("SELECT max(last_success_at) FROM feeds", cancellationToken: cancellationToken));
                return Results.Json(
                    new Health(schedulerOk ? "ok" : "degraded", true, null, scheduler, lastPoll),
                    JsonOutput.Lines,
                    statusCode: schedulerOk ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
            }
            catch (NpgsqlException ex)
            {
                return Results.Json(new Health("unavailable", false, ex.Message, scheduler, null), JsonOutput.Lines, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).WithSummary("Database reachable, scheduler running, last successful poll");
        return routes;
    }

    /// <summary>The Quartz scheduler's lifecycle state when this process runs one (serve), else "not in this process" (demo, tests).</summary>
    private static async Task<string> SchedulerStateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService<ISchedulerFactory>() is not { } factory)
        {
            return "not in this process";
        }

        var scheduler = await factory.LookupScheduler(Scheduling.SchedulerRegistration.SchedulerName, cancellationToken);
        return scheduler is null ? "not started" : (await scheduler.GetStatus(cancellationToken)).ToString().ToLowerInvariant();
    }
}
