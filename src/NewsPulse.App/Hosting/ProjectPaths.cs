namespace NewsPulse.App.Hosting;

/// <summary>
/// Where the project's own files are (samples/, the default .newspulse/ state folder): NEWSPULSE_HOME when set,
/// else the checkout holding the running build (found by NewsPulse.sln), else the working directory.
/// </summary>
public static class ProjectPaths
{
    private const string SolutionFile = "NewsPulse.sln";

    public static string Root { get; } = FindRoot();

    public static string StateDirectory => Path.Combine(Root, ".newspulse");

    public static string Samples => Path.Combine(Root, "samples");

    /// <summary>A path relative to the project root when it lies inside it (stable across clones), else absolute.</summary>
    public static string Display(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Root, full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
    }

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("NEWSPULSE_HOME") is { Length: > 0 } home)
        {
            return Path.GetFullPath(home);
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
                {
                    return directory.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
