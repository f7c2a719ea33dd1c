namespace NewsPulse.App.Hosting;

/// <summary>Configuration section <c>Database</c>: where the embedded PostgreSQL lives when no connection string is set.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Folder of the embedded cluster; empty means .newspulse/pg under the project root.</summary>
    public string? LocalDataDirectory { get; set; }

    /// <summary>Folder holding initdb and pg_ctl; empty means search PATH and /usr/lib/postgresql/*/bin.</summary>
    public string? PostgresBinDirectory { get; set; }

    public string ResolvedDataDirectory => string.IsNullOrWhiteSpace(LocalDataDirectory)
        ? Path.Combine(ProjectPaths.StateDirectory, "pg")
        : Path.GetFullPath(LocalDataDirectory, ProjectPaths.Root);
}
