using System.Diagnostics;
using Npgsql;

namespace NewsPulse.QueryBench;

/// <summary>A secondary index or constraint set aside during the load, with the DDL that puts it back.</summary>
internal sealed record DeferredObject(string Name, string Drop, string Create);

/// <summary>
/// Bulk loading with binary COPY. Secondary indexes, unique and foreign-key constraints of the loaded tables are
/// dropped first and rebuilt after (each index is sorted once instead of updated row by row), from the
/// definitions PostgreSQL reports, so the schema ends exactly as the migrations made it.
/// </summary>
internal sealed class BulkLoader(string connectionString)
{
    private const int ChunkRows = 1000;

    /// <summary>Drops what slows COPY down on <paramref name="tables"/>; primary keys stay.</summary>
    public async Task<IReadOnlyList<DeferredObject>> DeferIndexesAsync(IReadOnlyList<string> tables)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var deferred = new List<DeferredObject>();
        // Foreign keys first (they depend on unique indexes), then unique constraints, then plain indexes; rebuilt in reverse.
        await using (var command = new NpgsqlCommand(
            """
            SELECT format('%I', c.conname), format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
                   format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
            FROM pg_constraint c
            WHERE c.conrelid = ANY(@tables::regclass[]) AND c.contype IN ('f', 'u')
            ORDER BY c.contype, c.conname
            """,
            connection))
        {
            command.Parameters.AddWithValue("tables", tables.ToArray());
            await ReadAsync(command, deferred);
        }

        await using (var command = new NpgsqlCommand(
            """
            SELECT format('%s', i.indexrelid::regclass), format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            WHERE i.indrelid = ANY(@tables::regclass[])
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))
            ORDER BY 1
            """,
            connection))
        {
            command.Parameters.AddWithValue("tables", tables.ToArray());
            await ReadAsync(command, deferred);
        }

        foreach (var item in deferred)
        {
            await using var drop = new NpgsqlCommand(item.Drop, connection);
            await drop.ExecuteNonQueryAsync();
        }

        deferred.Reverse();
        return deferred;
    }

    /// <summary>Rebuilds the deferred indexes on <paramref name="connections"/> sessions at once, then the constraints; prints each.</summary>
    public async Task RestoreAsync(IReadOnlyList<DeferredObject> deferred, int connections)
    {
        // GIN indexes take longest to build: started first, they run while the other sessions build the rest.
        var indexes = new Queue<DeferredObject>(deferred
            .Where(d => d.Create.StartsWith("CREATE", StringComparison.Ordinal))
            .OrderByDescending(d => d.Create.Contains("USING gin", StringComparison.Ordinal)));
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            await using var connection = await OpenForLoadAsync();
            while (true)
            {
                DeferredObject? next;
                lock (indexes)
                {
                    if (!indexes.TryDequeue(out next))
                    {
                        return;
                    }
                }

                await RunTimedAsync(connection, next);
            }
        }));
        await using var single = await OpenForLoadAsync();
        foreach (var constraint in deferred.Where(d => !d.Create.StartsWith("CREATE", StringComparison.Ordinal)))
        {
            await RunTimedAsync(single, constraint);
        }
    }

    /// <summary>
    /// COPYs rows 1..<paramref name="units"/> into a table over <paramref name="streams"/> connections at once, each
    /// taking the next chunk of units; <paramref name="write"/> writes the row or rows of one unit.
    /// </summary>
    public async Task<TimeSpan> CopyAsync(string copy, long units, int streams, Action<NpgsqlBinaryImporter, long> write)
    {
        var chunks = -1L;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, streams).Select(_ => Task.Run(async () =>
        {
            await using var connection = await OpenForLoadAsync();
            await using var importer = await connection.BeginBinaryImportAsync(copy);
            for (var chunk = Interlocked.Increment(ref chunks); chunk * ChunkRows < units; chunk = Interlocked.Increment(ref chunks))
            {
                WriteChunk(importer, (chunk * ChunkRows) + 1, Math.Min(units, (chunk + 1) * ChunkRows), write);
            }

            await importer.CompleteAsync();
        })));
        return clock.Elapsed;
    }

    /// <summary>Rows are written synchronously: the importer buffers them, and an await per column would cost more than the row.</summary>
    private static void WriteChunk(NpgsqlBinaryImporter importer, long first, long last, Action<NpgsqlBinaryImporter, long> write)
    {
        for (var unit = first; unit <= last; unit++)
        {
            write(importer, unit);
        }
    }

    private async Task<NpgsqlConnection> OpenForLoadAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // A crash only loses the bench's own data, and index builds sort in memory instead of on disk.
        await using var settings = new NpgsqlCommand("SET synchronous_commit = off; SET maintenance_work_mem = '1GB'", connection);
        await settings.ExecuteNonQueryAsync();
        return connection;
    }

    private static async Task RunTimedAsync(NpgsqlConnection connection, DeferredObject item)
    {
        var clock = Stopwatch.StartNew();
        await using var command = new NpgsqlCommand(item.Create, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
        Console.WriteLine($"  {item.Name,-40} {clock.Elapsed.TotalSeconds,7:0.0} s");
    }

    private static async Task ReadAsync(NpgsqlCommand command, List<DeferredObject> into)
    {
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            into.Add(new DeferredObject(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
    }
}
