using System.Globalization;

namespace NewsPulse.App.Cli;

/// <summary>Dates given on the command line or in a request: a day (2026-11-20) or an ISO 8601 time, UTC unless an offset is given.</summary>
internal static class CliDates
{
    public static DateTimeOffset? Parse(string? value, string option) =>
        value is null ? null
        : TryParse(value, out var parsed) ? parsed
        : throw new UserInputException(Problem(option, value) + ".");

    /// <summary>A calendar day (a subscriber's local date), with no time and no zone.</summary>
    public static DateOnly? ParseDay(string? value, string option) =>
        value is null ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new UserInputException($"{option} must be a day like 2026-12-06, not '{value}'.");

    public static bool TryParse(string value, out DateTimeOffset parsed) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out parsed);

    /// <summary>What to tell someone whose <paramref name="name"/> is not a date.</summary>
    public static string Problem(string name, string value) => $"{name} must be a date like 2026-11-20 or 2026-11-20T08:00:00Z, not '{value}'";
}
