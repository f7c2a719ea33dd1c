using NewsPulse.App.Cli;

namespace NewsPulse.App.Web;

/// <summary>RFC 7807 problem details for a request the caller got wrong, naming what to fix.</summary>
internal static class ApiProblem
{
    /// <summary>400 naming the parameter (or body field) that is wrong, in the <c>parameter</c> extension.</summary>
    public static IResult BadParameter(string parameter, string detail) =>
        Results.Problem(
            title: $"Invalid parameter '{parameter}'",
            detail: detail,
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    /// <summary>400 when <paramref name="text"/> is given but is not a date; null when it is fine.</summary>
    public static IResult? InvalidDate(string parameter, string? text) =>
        text is not null && !CliDates.TryParse(text, out _) ? BadParameter(parameter, CliDates.Problem(parameter, text)) : null;

    public static IResult NotFound(string detail) =>
        Results.Problem(title: "Not found", detail: detail, statusCode: StatusCodes.Status404NotFound);
}
