using NewsPulse.Storage.LocalPostgres;

namespace NewsPulse.App.Hosting;

/// <summary>Decides which PostgreSQL a command talks to: the configured one, or the embedded default (started on demand).</summary>
public static class DatabaseBootstrap
{
    public static Task<LocalPostgresCluster> LocalClusterAsync(IConfiguration configuration, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        return LocalPostgresCluster.OpenAsync(
            options.ResolvedDataDirectory,
            string.IsNullOrWhiteSpace(options.PostgresBinDirectory) ? null : options.PostgresBinDirectory,
            relocateIfUnreachable: string.IsNullOrWhiteSpace(options.LocalDataDirectory),
            loggerFactory.CreateLogger<LocalPostgresCluster>(),
            cancellationToken);
    }

    /// <summary>The configured connection string, or that of the embedded cluster, which is created and started if need be.</summary>
    public static async Task<string> ResolveConnectionStringAsync(IConfiguration configuration, ILoggerFactory loggerFactory, CancellationToken cancellationToken) =>
        AppConfiguration.ConfiguredConnectionString(configuration)
        ?? await (await LocalClusterAsync(configuration, loggerFactory, cancellationToken)).StartAsync(cancellationToken);
}
