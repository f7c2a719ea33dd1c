using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using NewsPulse.Storage.LocalPostgres;

namespace NewsPulse.App.Hosting;

/// <summary>Decides which PostgreSQL a command talks to: the configured one, or the embedded default (started on demand).</summary>
public static class DatabaseBootstrap
{
    public static LocalPostgresCluster LocalCluster(IConfiguration configuration, ILoggerFactory loggerFactory)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        return new LocalPostgresCluster(
            options.ResolvedDataDirectory,
            string.IsNullOrWhiteSpace(options.PostgresBinDirectory) ? null : options.PostgresBinDirectory,
            loggerFactory.CreateLogger<LocalPostgresCluster>());
    }

    /// <summary>The configured connection string, or that of the embedded cluster, which is created and started if need be.</summary>
    public static async Task<string> ResolveConnectionStringAsync(IConfiguration configuration, ILoggerFactory loggerFactory, CancellationToken cancellationToken) =>
        AppConfiguration.ConfiguredConnectionString(configuration)
        ?? await LocalCluster(configuration, loggerFactory).StartAsync(cancellationToken);
}
