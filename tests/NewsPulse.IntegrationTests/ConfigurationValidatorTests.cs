using Microsoft.Extensions.Configuration;
using NewsPulse.App.Hosting;

namespace NewsPulse.IntegrationTests;

public class ConfigurationValidatorTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Defaults_are_valid() => ConfigurationValidator.ThrowIfInvalid(Config());

    [Fact]
    public void Out_of_range_values_name_the_key_and_how_to_fix_it()
    {
        var error = Assert.Throws<InvalidConfigurationException>(() =>
            ConfigurationValidator.ThrowIfInvalid(Config(("Fetch:TimeoutSeconds", "0"), ("Fetch:UserAgent", ""))));

        Assert.Contains("Fetch:TimeoutSeconds", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fetch:UserAgent", error.Message, StringComparison.Ordinal);
        Assert.Contains("NEWSPULSE__", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_of_the_wrong_type_are_reported_not_thrown_raw()
    {
        var error = Assert.Throws<InvalidConfigurationException>(() =>
            ConfigurationValidator.ThrowIfInvalid(Config(("Fetch:MaxPageBytes", "five megabytes"))));

        Assert.Contains("Fetch:MaxPageBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scheduler_periods_below_a_second_are_refused()
    {
        var error = Assert.Throws<InvalidConfigurationException>(() =>
            ConfigurationValidator.ThrowIfInvalid(Config(("Scheduler:PollDueFeedsEvery", "00:00:00"), ("Scheduler:FetchArticlesEvery", "00:00:00.5"))));

        Assert.Contains("Scheduler:PollDueFeedsEvery", error.Message, StringComparison.Ordinal);
        Assert.Contains("Scheduler:FetchArticlesEvery", error.Message, StringComparison.Ordinal);
    }
}
