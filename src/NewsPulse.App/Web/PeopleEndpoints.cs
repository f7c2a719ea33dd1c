using NewsPulse.App.Cli;
using NewsPulse.App.Quotes;
using NewsPulse.Storage.Stores;

namespace NewsPulse.App.Web;

/// <summary><c>GET /api/people/{id}/quotes?format=csv|json|jsonl&amp;from=&amp;to=&amp;excel=</c>: a person's quotes, as <c>quotes export</c> writes them.</summary>
public static class PeopleEndpoints
{
    private sealed record ErrorBody(string Error);

    public static IEndpointRouteBuilder MapPeopleEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/people/{id:long}/quotes", async (long id, string? format, DateTimeOffset? from, DateTimeOffset? to, bool? excel, QuoteStore quotes, HttpResponse response, CancellationToken cancellationToken) =>
        {
            var chosen = format ?? "json";
            if (!QuoteExport.Formats.Contains(chosen))
            {
                return Results.Json(new ErrorBody($"format must be one of {string.Join(", ", QuoteExport.Formats)}"), JsonOutput.Lines, statusCode: StatusCodes.Status400BadRequest);
            }

            if (await quotes.GetPersonAsync(id, cancellationToken) is not { } person)
            {
                return Results.Json(new ErrorBody($"no person {id}"), JsonOutput.Lines, statusCode: StatusCodes.Status404NotFound);
            }

            var rows = await quotes.ExportAsync(person.Id, from, to, theme: null, company: null, cancellationToken);
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
        });
        return routes;
    }
}
