namespace NewsPulse.App.Hosting;

/// <summary>
/// One configuration for every command: appsettings.json beside the executable, then appsettings.json in the
/// working directory, then NEWSPULSE__Section__Key environment variables (highest).
/// </summary>
public static class AppConfiguration
{
    public const string ConnectionStringName = "NewsPulse";

    public static void AddNewsPulseSources(this IConfigurationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables("NEWSPULSE__");
    }

    /// <param name="overrides">Settings a command fixes for itself, above every other source (the demo allows 127.0.0.1).</param>
    public static IConfigurationRoot Build(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = new ConfigurationBuilder();
        builder.AddNewsPulseSources();
        if (overrides is not null)
        {
            builder.AddInMemoryCollection(overrides);
        }

        return builder.Build();
    }

    /// <summary>
    /// The demo and the tests fetch from their own Kestrel on 127.0.0.1: the fetcher refuses local addresses by
    /// default, and the politeness delay that protects real sites would only slow a local one down.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> LocalSampleFetching { get; } =
        new Dictionary<string, string?> { ["Fetch:AllowPrivateNetworks"] = "true", ["Fetch:PerHostDelayMs"] = "0", ["Fetch:PerHostConcurrency"] = "8" };

    public static string? ConfiguredConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } value ? value : null;
}
