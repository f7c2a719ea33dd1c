using System.Globalization;

namespace NewsPulse.App.Cli;

/// <summary>Dates given on the command line: a day (2026-11-20) or an ISO 8601 time, UTC unless an offset is given.</summary>
internal static class CliDates
{
    public static DateTimeOffset? Parse(string? value, string option) =>
        value is null ? null
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed
        : throw new UserInputException($"{option} must be a date like 2026-11-20 or 2026-11-20T08:00:00Z, not '{value}'.");
}
