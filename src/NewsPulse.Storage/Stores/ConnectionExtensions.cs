using Dapper;
using Npgsql;

namespace NewsPulse.Storage.Stores;

internal static class ConnectionExtensions
{
    /// <summary>For writes that must touch exactly one row: anything else is a bug worth failing loudly on.</summary>
    public static async Task ExecuteExactlyOneAsync(this NpgsqlConnection connection, CommandDefinition command)
    {
        var rows = await connection.ExecuteAsync(command);
        if (rows != 1)
        {
            throw new InvalidOperationException($"Expected to change exactly one row, changed {rows}: {command.CommandText}");
        }
    }
}
