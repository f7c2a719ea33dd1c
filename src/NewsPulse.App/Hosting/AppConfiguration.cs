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

    public static IConfigurationRoot Build()
    {
        var builder = new ConfigurationBuilder();
        builder.AddNewsPulseSources();
        return builder.Build();
    }

    public static string? ConfiguredConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } value ? value : null;
}
