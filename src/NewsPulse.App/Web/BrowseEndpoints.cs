using NewsPulse.App.Cli;
using NewsPulse.App.Tagging;
using NewsPulse.Storage.Stores;
using NewsPulse.Tagging;

namespace NewsPulse.App.Web;

/// <summary>
/// Browsing over HTTP: <c>GET /api/articles/{id}</c> (text, metadata, tags, quotes, the story's other articles),
/// <c>/api/companies</c>, <c>/api/countries</c>, <c>/api/themes</c> (with counts), <c>/api/people?q=</c> and
/// <c>/api/people/{id}</c>.
/// </summary>
public static class BrowseEndpoints
{
    private sealed record ErrorBody(string Error);

    public static IEndpointRouteBuilder MapBrowseEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/articles/{id:long}", async (long id, ArticleStore articles, TagStore tags, QuoteStore quotes, ArticleSearch search, CancellationToken cancellationToken) =>
            await articles.GetAsync(id, cancellationToken) is not { } article
                ? NotFound($"no article {id}")
                : Results.Json(
                    new
                    {
                        article,
                        tags = ArticleTagsView.From(id, await tags.GetTagsAsync(id, cancellationToken)),
                        quotes = await quotes.ArticleQuotesAsync(id, cancellationToken),
                        same_story = await search.SameStoryAsync(id, cancellationToken),
                    },
                    JsonOutput.Lines));
        routes.MapGet("/api/companies", async (ArticleSearch search, CancellationToken cancellationToken) =>
        {
            var byName = Knowledge.Companies.ToDictionary(c => c.Name, StringComparer.Ordinal);
            return Results.Json((await search.TagCountsAsync("company", 1000, cancellationToken)).Select(c => new { name = c.Value, ticker = byName.GetValueOrDefault(c.Value)?.Ticker, c.Articles }), JsonOutput.Lines);
        });
        routes.MapGet("/api/countries", async (ArticleSearch search, CancellationToken cancellationToken) =>
        {
            var byCode = Knowledge.Countries.ToDictionary(c => c.Code, StringComparer.Ordinal);
            return Results.Json((await search.TagCountsAsync("country", 300, cancellationToken)).Select(c => new { code = c.Value, name = byCode.GetValueOrDefault(c.Value)?.Name ?? c.Value, c.Articles }), JsonOutput.Lines);
        });
        routes.MapGet("/api/themes", async (ArticleSearch search, CancellationToken cancellationToken) =>
        {
            var counts = (await search.TagCountsAsync("theme", 100, cancellationToken)).ToDictionary(c => c.Value, c => c.Articles, StringComparer.Ordinal);
            return Results.Json(Themes.All.Select(t => new { name = t, articles = counts.GetValueOrDefault(t) }), JsonOutput.Lines);
        });
        routes.MapGet("/api/people", async (string? q, QuoteStore quotes, CancellationToken cancellationToken) =>
            Results.Json(string.IsNullOrWhiteSpace(q) ? await quotes.ListPeopleAsync(100, cancellationToken) : await quotes.SuggestPeopleAsync(q, 50, cancellationToken), JsonOutput.Lines));
        routes.MapGet("/api/people/{id:long}", async (long id, QuoteStore quotes, CancellationToken cancellationToken) =>
            await quotes.GetPersonAsync(id, cancellationToken) is not { } person
                ? NotFound($"no person {id}")
                : Results.Json(
                    new { person, names = await quotes.NamesAsync(id, cancellationToken), roles = await quotes.RolesAsync(id, cancellationToken) },
                    JsonOutput.Lines));
        return routes;
    }

    private static IResult NotFound(string error) => Results.Json(new ErrorBody(error), JsonOutput.Lines, statusCode: StatusCodes.Status404NotFound);
}
