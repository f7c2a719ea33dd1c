using Microsoft.Extensions.Logging.Console;
using NewsPulse.Storage.Migrations;

namespace NewsPulse.App.Hosting;

/// <summary>
/// The services of one CLI command: configuration read, configuration validated (fail fast, before any work),
/// database resolved (embedded cluster started if need be) and migrated.
/// </summary>
public sealed class AppServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private AppServices(ServiceProvider provider, IConfigurationRoot configuration, string connectionString, MigrationResult migration)
    {
        _provider = provider;
        Configuration = configuration;
        ConnectionString = connectionString;
        Migration = migration;
    }

    public IServiceProvider Services => _provider;

    public IConfigurationRoot Configuration { get; }

    public string ConnectionString { get; }

    /// <summary>What the start-up migration applied.</summary>
    public MigrationResult Migration { get; }

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <param name="connectionString">A database to use instead of the configured one or the embedded default (tests).</param>
    /// <param name="overrides">Configuration the command fixes for itself, above every other source.</param>
    public static async Task<AppServices> StartAsync(
        CancellationToken cancellationToken, string? connectionString = null, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var configuration = AppConfiguration.Build(overrides);
        ConfigurationValidator.ThrowIfInvalid(configuration);
        var loggerFactory = CreateLoggerFactory(configuration);
        try
        {
            var resolved = connectionString ?? await DatabaseBootstrap.ResolveConnectionStringAsync(configuration, loggerFactory, cancellationToken);
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(configuration);
            services.AddLogging();
            services.AddSingleton(loggerFactory);
            services.AddNewsPulse(configuration, resolved);
            var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
            var migration = await provider.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
            return new AppServices(provider, configuration, resolved, migration);
        }
        catch
        {
            loggerFactory.Dispose();
            throw;
        }
    }

    public static ILoggerFactory CreateLoggerFactory(IConfiguration configuration) =>
        LoggerFactory.Create(builder => ConfigureLogging(builder, configuration));

    /// <summary>Logs go to stderr so stdout stays clean for tables, JSON and JSONL that other tools read.</summary>
    public static void ConfigureLogging(ILoggingBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ClearProviders();
        builder.AddConfiguration(configuration.GetSection("Logging"));
        builder.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    public async ValueTask DisposeAsync()
    {
        var loggerFactory = _provider.GetService<ILoggerFactory>();
        await _provider.DisposeAsync();
        loggerFactory?.Dispose();
    }
}
