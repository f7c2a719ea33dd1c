using System.Globalization;

namespace NewsPulse.Storage.LocalPostgres;

/// <summary>
/// The server settings of the embedded cluster, sized from the machine's memory. PostgreSQL's defaults
/// (128 MB of shared buffers, costs for spinning disks, JIT) suit a server shared with unknown neighbours,
/// not a database on the local SSD of the machine that queries it.
/// </summary>
internal static class ServerSettings
{
    /// <summary>The file in the data folder that holds them, rewritten at every start so older clusters get them too.</summary>
    public const string FileName = "newspulse.conf";

    /// <summary>The line postgresql.conf needs to read <see cref="FileName"/>; the settings after it win over those before.</summary>
    public const string IncludeLine = "include_if_exists = 'newspulse.conf'";

    private const long MiB = 1024 * 1024;

    public static string Render(long? totalMemoryBytes)
    {
        // Without /proc/meminfo, sizes that fit a small machine.
        var total = totalMemoryBytes ?? 1024 * MiB;
        var sharedBuffers = Math.Clamp(total / 4, 128 * MiB, 2048 * MiB);
        var cache = Math.Max(total / 2, sharedBuffers);
        // No parallel workers: each is a new process, and a process's first touch of each shared-buffer page costs a
        // page fault (761 of them took 23 ms on the benchmark machine), so a parallel plan of a filtered search ran
        // four times slower than the same plan in one process.
        return string.Create(
            CultureInfo.InvariantCulture,
            $"""
            # Written by NewsPulse at every start of its embedded cluster: edits here are lost.
            # To override a setting, use ALTER SYSTEM (postgresql.auto.conf is read after this file).
            shared_buffers = {sharedBuffers / MiB}MB
            effective_cache_size = {cache / MiB}MB
            work_mem = 32MB
            maintenance_work_mem = 256MB
            random_page_cost = 1.1
            effective_io_concurrency = 200
            jit = off
            max_parallel_workers_per_gather = 0

            """);
    }

    /// <summary>MemTotal of /proc/meminfo in bytes; null where there is no such file or it cannot be read.</summary>
    public static long? TotalMemory(string meminfoPath = "/proc/meminfo")
    {
        try
        {
            var line = File.ReadLines(meminfoPath).FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            var fields = line?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return fields is { Length: >= 2 } && long.TryParse(fields[1], CultureInfo.InvariantCulture, out var kib) ? kib * 1024 : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
