using NewsPulse.App.Cli;
using NewsPulse.App.Quotes;
using NewsPulse.Storage.Stores;

namespace NewsPulse.App.Web;

/// <summary><c>GET /api/people/{id}/quotes?format=csv|json|jsonl&amp;from=&amp;to=&amp;excel=</c>: a person's quotes, as <c>quotes export</c> writes them.</summary>
public static class PeopleEndpoints
{
    public static IEndpointRouteBuilder MapPeopleEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/people/{id:long}/quotes", async (long id, string? format, string? from, string? to, bool? excel, QuoteStore quotes, HttpResponse response, CancellationToken cancellationToken) =>
        {
            var chosen = format ?? "json";
            if (!QuoteExport.Formats.Contains(chosen))
            {
                return ApiProblem.BadParameter("format", $"format must be one of {string.Join(", ", QuoteExport.Formats)}");
            }

            if ((ApiProblem.InvalidDate("from", from) ?? ApiProblem.InvalidDate("to", to)) is { } invalid)
            {
                return invalid;
            }

            if (await quotes.GetPersonAsync(id, cancellationToken) is not { } person)
            {
                return ApiProblem.NotFound($"no person {id}");
            }

            var rows = await quotes.ExportAsync(person.Id, CliDates.Parse(from, "from"), CliDates.Parse(to, "to"), theme: null, company: null, cancellationToken);
            response.ContentType = chosen switch
            {
                "csv" => "text/csv; charset=utf-8",
                "jsonl" => "application/x-ndjson; charset=utf-8",
                _ => "application/json; charset=utf-8",
            };
            if (chosen == "csv")
            {
                response.Headers.ContentDisposition = $"attachment; filename=\"quotes-{person.Id}.csv\"";
            }

            await QuoteExport.WriteAsync(rows, chosen, excel ?? false, response.Body, cancellationToken);
            return Results.Empty;
        }).WithSummary("A person's quotes as csv, json or jsonl; from and to bound the article dates; excel=true adds a BOM for Excel");
        return routes;
    }
}
