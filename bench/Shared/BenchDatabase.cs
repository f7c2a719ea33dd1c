using Npgsql;

namespace NewsPulse.Benchmarks;

/// <summary>The benchmarks' own database on the configured server, dropped and made anew so every run starts empty.</summary>
internal static class BenchDatabase
{
    /// <summary>Creates <paramref name="name"/> afresh and returns the connection string that opens it.</summary>
    public static async Task<string> FreshAsync(string serverConnection, string name)
    {
        await using (var connection = new NpgsqlConnection(serverConnection))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(serverConnection) { Database = name }.ConnectionString;
    }
}
