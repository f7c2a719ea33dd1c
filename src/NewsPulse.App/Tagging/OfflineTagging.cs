using Microsoft.Extensions.Logging.Abstractions;
using NewsPulse.App.Hosting;

namespace NewsPulse.App.Tagging;

/// <summary>The model folder for commands that work on files, without a database: configuration read and checked, logs on stderr.</summary>
internal static class OfflineTagging
{
    public static ModelFiles Open(ILoggerFactory? loggerFactory = null)
    {
        var configuration = AppConfiguration.Build();
        ConfigurationValidator.ThrowIfInvalid(configuration);
        var options = configuration.GetSection(TaggingOptions.SectionName).Get<TaggingOptions>() ?? new TaggingOptions();
        return new ModelFiles(options, TimeProvider.System, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ModelFiles>());
    }
}
