using Microsoft.Extensions.Logging.Abstractions;
using NewsPulse.Storage.LocalPostgres;
using NewsPulse.Tests;
using Npgsql;

namespace NewsPulse.IntegrationTests;

/// <summary>
/// A real PostgreSQL for the tests: the server named by NEWSPULSE_TEST_DB, or else a private cluster started
/// through the project's own launcher under .newspulse/test-pg (stopped when the test run ends). Every test
/// class gets a fresh database of its own, so classes run in parallel without seeing each other's rows.
/// </summary>
internal static class TestDatabase
{
    private static readonly Lazy<Task<string>> Server = new(StartServerAsync);
    private static LocalPostgresCluster? s_cluster;

    public static async Task<string> CreateAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(await Server.Value);
        var name = $"np_test_{Guid.NewGuid():N}"[..24];
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        server.Database = name;
        return server.ConnectionString;
    }

    public static async Task DropAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var name = builder.Database!;
        NpgsqlConnection.ClearAllPools();
        builder.Database = new NpgsqlConnectionStringBuilder(await Server.Value).Database;
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<string> StartServerAsync()
    {
        if (Environment.GetEnvironmentVariable("NEWSPULSE_TEST_DB") is { Length: > 0 } configured)
        {
            return configured;
        }

        s_cluster = await LocalPostgresCluster.OpenAsync(
            RepositoryRoot.Combine(".newspulse", "test-pg"), null, relocateIfUnreachable: true, NullLogger<LocalPostgresCluster>.Instance, CancellationToken.None);
        var connectionString = await s_cluster.StartAsync(CancellationToken.None);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => s_cluster.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        return connectionString;
    }
}
