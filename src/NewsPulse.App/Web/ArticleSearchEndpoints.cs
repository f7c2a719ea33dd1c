using System.Globalization;
using Microsoft.Extensions.Primitives;
using NewsPulse.App.Cli;
using NewsPulse.Storage.Stores;
using NewsPulse.Tagging;

namespace NewsPulse.App.Web;

/// <summary>
/// <c>GET /api/articles</c>: the search of <c>articles search</c> over HTTP. Filters company, country, theme, person,
/// language, source (repeat a parameter, or separate values by commas, for any of several), from, to, q,
/// min_confidence; sort=published|relevance; limit (at most 200) and cursor; facets=theme,company,country. Bad input
/// answers 400 with RFC 7807 problem details naming the parameter.
/// </summary>
public static class ArticleSearchEndpoints
{
    private const int MaxLimit = 200;

    private static readonly string[] FacetKinds = ["theme", "company", "country"];

    /// <summary>A parameter the caller got wrong, and why.</summary>
    private sealed class BadParameterException(string parameter, string problem) : Exception(problem)
    {
        public string Parameter { get; } = parameter;
    }

    public static IEndpointRouteBuilder MapArticleSearch(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/articles", async (HttpRequest request, ArticleSearch search, CancellationToken cancellationToken) =>
        {
            ArticleQuery query;
            IReadOnlyList<string> facets;
            try
            {
                (query, facets) = Parse(request.Query);
            }
            catch (BadParameterException ex)
            {
                return ApiProblem.BadParameter(ex.Parameter, ex.Message);
            }

            // The page and its facets are independent reads, made at once: the answer waits for the slower, not for both.
            var counting = facets.Count == 0 ? null : search.FacetsAsync(query with { Cursor = null }, facets, 20, cancellationToken);
            ArticlePage page;
            try
            {
                page = await search.SearchAsync(query, cancellationToken);
            }
            catch (InvalidCursorException ex)
            {
                if (counting is not null)
                {
                    await counting;
                }

                return ApiProblem.BadParameter("cursor", ex.Message);
            }

            var counts = counting is null ? null : await counting;
            return Results.Json(new { articles = page.Articles, next_cursor = page.NextCursor, facets = counts?.Counts, facets_sampled = counts?.Sampled }, JsonOutput.Lines);
        })
            .WithSummary("Search tagged articles")
            .WithDescription("Several values of one filter (repeat it or separate by commas) are OR; different filters are AND. Pages follow next_cursor.")
            .WithQueryParameters(
                ("company", "Company name, alias or ticker"),
                ("country", "ISO 3166-1 alpha-2 code (or an English or French name)"),
                ("theme", $"One of {string.Join(", ", Themes.All)}"),
                ("person", "A quoted person's name"),
                ("language", "ISO 639-1 code of the article, e.g. en, fr"),
                ("source", "Feed name"),
                ("from", "Published on or after (2026-11-20 or an ISO 8601 time)"),
                ("to", "Published before"),
                ("q", "Full text in the article's language: words, \"phrases\", prefix*, -exclusion"),
                ("min_confidence", "Lowest tag confidence for the tag filters, 0 to 1"),
                ("sort", "published (default) or relevance (needs q)"),
                ("limit", $"Articles per page, 1 to {MaxLimit} (default 50)"),
                ("cursor", "next_cursor of the previous page"),
                ("facets", $"Counts to add for the current filter: theme, company, country (over the newest {ArticleSearch.DefaultFacetSample:N0} matches at most: facets_sampled says how many when there were more)"));
        return routes;
    }

    private static (ArticleQuery Query, IReadOnlyList<string> Facets) Parse(IQueryCollection parameters)
    {
        var sort = Single(parameters, "sort") ?? "published";
        if (sort is not ("published" or "relevance"))
        {
            throw new BadParameterException("sort", "sort must be published or relevance");
        }

        var text = Single(parameters, "q");
        if (sort == "relevance" && string.IsNullOrWhiteSpace(text))
        {
            throw new BadParameterException("sort", "sort=relevance needs q");
        }

        var facets = Many(parameters, "facets");
        if (facets.FirstOrDefault(f => !FacetKinds.Contains(f)) is { } unknownFacet)
        {
            throw new BadParameterException("facets", $"'{unknownFacet}' is not a facet: use {string.Join(", ", FacetKinds)}");
        }

        var query = new ArticleQuery
        {
            Companies = Tags(parameters, "company", TagKind.Company, "a company of the knowledge files (name or alias)"),
            Countries = Tags(parameters, "country", TagKind.Country, "a country (ISO 3166-1 alpha-2 code or name)"),
            Themes = Tags(parameters, "theme", TagKind.Theme, $"a theme ({string.Join(", ", Themes.All)})"),
            People = Many(parameters, "person"),
            Languages = Many(parameters, "language"),
            Sources = Many(parameters, "source"),
            From = Date(parameters, "from"),
            To = Date(parameters, "to"),
            Text = string.IsNullOrWhiteSpace(text) ? null : text,
            MinConfidence = Number(parameters, "min_confidence", 0, 1) ?? 0,
            ByRelevance = sort == "relevance",
            Limit = Single(parameters, "limit") is not { } limit ? 50
                : int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= MaxLimit ? count
                : throw new BadParameterException("limit", $"limit must be a whole number from 1 to {MaxLimit}"),
            Cursor = Single(parameters, "cursor"),
        };
        return (query, facets);
    }

    private static string? Single(IQueryCollection parameters, string name) =>
        parameters.TryGetValue(name, out var values) && !StringValues.IsNullOrEmpty(values) ? values[^1] : null;

    private static string[] Many(IQueryCollection parameters, string name) =>
        parameters.TryGetValue(name, out var values)
            ? [.. values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))]
            : [];

    private static string[] Tags(IQueryCollection parameters, string name, TagKind kind, string what) =>
        [.. Many(parameters, name).Select(v => TagVocabulary.BuiltIn.Resolve(kind, v) ?? throw new BadParameterException(name, $"'{v}' is not {what}"))];

    private static DateTimeOffset? Date(IQueryCollection parameters, string name) =>
        Single(parameters, name) is not { } value ? null
        : CliDates.TryParse(value, out var parsed) ? parsed
        : throw new BadParameterException(name, CliDates.Problem(name, value));

    private static double? Number(IQueryCollection parameters, string name, double min, double max) =>
        Single(parameters, name) is not { } value ? null
        : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max ? number
        : throw new BadParameterException(name, $"{name} must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
}
