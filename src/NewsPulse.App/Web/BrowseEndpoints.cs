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
    public static IEndpointRouteBuilder MapBrowseEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/articles/{id:long}", async (long id, ArticleStore articles, TagStore tags, QuoteStore quotes, ArticleSearch search, CancellationToken cancellationToken) =>
            await articles.GetAsync(id, cancellationToken) is not { } article
                ? ApiProblem.NotFound($"no article {id}")
                : Results.Json(
                    new
                    {
                        article,
                        tags = ArticleTagsView.From(id, await tags.GetTagsAsync(id, cancellationToken)),
                        quotes = await quotes.ArticleQuotesAsync(id, cancellationToken),
                        same_story = await search.SameStoryAsync(id, cancellationToken),
                    },
                    JsonOutput.Lines))
            .WithSummary("One article: text, metadata, tags, quotes and the story's other articles");
        routes.MapGet("/api/companies", async (ArticleSearch search, CancellationToken cancellationToken) =>
        {
            var byName = Knowledge.Companies.ToDictionary(c => c.Name, StringComparer.Ordinal);
            return Results.Json((await search.TagCountsAsync("company", 1000, cancellationToken)).Select(c => new { name = c.Value, ticker = byName.GetValueOrDefault(c.Value)?.Ticker, c.Articles }), JsonOutput.Lines);
        }).WithSummary("Companies with their article counts");
        routes.MapGet("/api/countries", async (ArticleSearch search, CancellationToken cancellationToken) =>
        {
            var byCode = Knowledge.Countries.ToDictionary(c => c.Code, StringComparer.Ordinal);
            return Results.Json((await search.TagCountsAsync("country", 300, cancellationToken)).Select(c => new { code = c.Value, name = byCode.GetValueOrDefault(c.Value)?.Name ?? c.Value, c.Articles }), JsonOutput.Lines);
        }).WithSummary("Countries with their article counts");
        routes.MapGet("/api/themes", async (ArticleSearch search, CancellationToken cancellationToken) =>
        {
            var counts = (await search.TagCountsAsync("theme", 100, cancellationToken)).ToDictionary(c => c.Value, c => c.Articles, StringComparer.Ordinal);
            return Results.Json(Themes.All.Select(t => new { name = t, articles = counts.GetValueOrDefault(t) }), JsonOutput.Lines);
        }).WithSummary("Themes with their article counts");
        routes.MapGet("/api/people", async (string? q, QuoteStore quotes, CancellationToken cancellationToken) =>
            Results.Json(string.IsNullOrWhiteSpace(q) ? await quotes.ListPeopleAsync(100, cancellationToken) : await quotes.SuggestPeopleAsync(q, 50, cancellationToken), JsonOutput.Lines))
            .WithSummary("People quoted, most quoted first, or those whose names match q");
        routes.MapGet("/api/people/{id:long}", async (long id, QuoteStore quotes, CancellationToken cancellationToken) =>
            await quotes.GetPersonAsync(id, cancellationToken) is not { } person
                ? ApiProblem.NotFound($"no person {id}")
                : Results.Json(
                    new { person, names = await quotes.NamesAsync(id, cancellationToken), roles = await quotes.RolesAsync(id, cancellationToken) },
                    JsonOutput.Lines))
            .WithSummary("One person: names and roles (title, organisation) over time");
        return routes;
    }
}
