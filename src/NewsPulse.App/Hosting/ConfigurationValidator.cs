using System.ComponentModel.DataAnnotations;
using NewsPulse.Ingest.Fetching;

namespace NewsPulse.App.Hosting;

/// <summary>Checks every options section before a command does any work, so a typo fails in a second with the key named.</summary>
public static class ConfigurationValidator
{
    private static readonly (string Section, Type Type)[] Sections =
    [
        (FetchOptions.SectionName, typeof(FetchOptions)),
        (DatabaseOptions.SectionName, typeof(DatabaseOptions)),
        (DemoOptions.SectionName, typeof(DemoOptions)),
        (ServeOptions.SectionName, typeof(ServeOptions)),
        (ExtractionOptions.SectionName, typeof(ExtractionOptions)),
        (SchedulerOptions.SectionName, typeof(SchedulerOptions)),
        (StorageOptions.SectionName, typeof(StorageOptions)),
        (ClusteringOptions.SectionName, typeof(ClusteringOptions)),
        (TaggingOptions.SectionName, typeof(TaggingOptions)),
        (QuotesOptions.SectionName, typeof(QuotesOptions)),
        (ApiOptions.SectionName, typeof(ApiOptions)),
        (SmtpOptions.SectionName, typeof(SmtpOptions)),
        (DigestOptions.SectionName, typeof(DigestOptions)),
    ];

    public static void ThrowIfInvalid(IConfiguration configuration)
    {
        var problems = new List<string>();
        foreach (var (section, type) in Sections)
        {
            object options;
            try
            {
                options = configuration.GetSection(section).Get(type) ?? Activator.CreateInstance(type)!;
            }
            catch (InvalidOperationException ex)
            {
                problems.Add(ex.InnerException is null ? ex.Message : $"{ex.Message} {ex.InnerException.Message}");
                continue;
            }

            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            {
                problems.AddRange(results.Select(r => $"{section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidConfigurationException(
                "Invalid configuration:\n  " + string.Join("\n  ", problems) +
                "\nFix it in appsettings.json or with an environment variable such as NEWSPULSE__Fetch__TimeoutSeconds=30.");
        }
    }
}
