namespace NewsPulse.Storage.LocalPostgres;

/// <summary>Where the machine's PostgreSQL server programs are: a configured folder, PATH, or Debian's /usr/lib/postgresql/N/bin.</summary>
public sealed record PostgresBinaries(string Directory)
{
    public string InitDb => Path.Combine(Directory, "initdb");

    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    public static PostgresBinaries Locate(string? configuredDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configuredDirectory))
        {
            return HasServerTools(configuredDirectory)
                ? new PostgresBinaries(configuredDirectory)
                : throw new LocalPostgresException(
                    $"Database:PostgresBinDirectory is '{configuredDirectory}' but initdb and pg_ctl are not there. Fix the setting or remove it to search PATH.");
        }

        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(DebianVersionDirectories());
        foreach (var directory in candidates)
        {
            if (HasServerTools(directory))
            {
                return new PostgresBinaries(ResolveLinks(directory));
            }
        }

        throw new LocalPostgresException(
            "PostgreSQL server programs (initdb, pg_ctl, postgres) were not found on PATH or under /usr/lib/postgresql/*/bin. " +
            "Install them (Debian/Ubuntu: sudo apt-get install postgresql), set Database:PostgresBinDirectory " +
            "(NEWSPULSE__Database__PostgresBinDirectory) to their folder, or use an existing server by setting " +
            "ConnectionStrings:NewsPulse (NEWSPULSE__ConnectionStrings__NewsPulse).");
    }

    private static IEnumerable<string> DebianVersionDirectories()
    {
        const string root = "/usr/lib/postgresql";
        if (!System.IO.Directory.Exists(root))
        {
            return [];
        }

        return System.IO.Directory.GetDirectories(root)
            .Select(dir => (dir, version: int.TryParse(Path.GetFileName(dir), out var v) ? v : -1))
            .OrderByDescending(pair => pair.version)
            .Select(pair => Path.Combine(pair.dir, "bin"));
    }

    private static bool HasServerTools(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl"))
        && File.Exists(Path.Combine(directory, "postgres"));

    /// <summary>pg_ctl finds postgres next to its real location, so /usr/local/bin symlinks are followed to the real folder.</summary>
    private static string ResolveLinks(string directory)
    {
        var initDb = new FileInfo(Path.Combine(directory, "initdb"));
        return initDb.ResolveLinkTarget(returnFinalTarget: true) is { } target
            ? Path.GetDirectoryName(target.FullName) ?? directory
            : directory;
    }
}
