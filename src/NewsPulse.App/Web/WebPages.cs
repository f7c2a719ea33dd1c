using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsPulse.App.Tagging;
using NewsPulse.App.Web.Pages;
using NewsPulse.Storage.Stores;
using NewsPulse.Tagging;

namespace NewsPulse.App.Web;

/// <summary>
/// The pages people read, as Razor components rendered on the server (no JavaScript, no external assets): search
/// <c>/</c>, <c>/articles/{id}</c>, <c>/companies/{name}</c>, <c>/countries/{code}</c>, <c>/themes/{name}</c>,
/// <c>/people</c>, <c>/people/{id}</c>, <c>/feeds</c> and the digest form <c>/subscribe</c>, in English or French.
/// </summary>
public static class WebPages
{
    private const int SearchPageSize = 20;
    private const int VolumeDays = 90;
    private const int CoMentionsShown = 10;

    /// <summary>The pages run no script at all, so none may run: nothing injected could execute.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static readonly string[] FacetKinds = ["theme", "company", "country"];

    private static readonly Lazy<IReadOnlyList<string>> TimeZones = new(() =>
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal) || id == "UTC").Order(StringComparer.Ordinal)]);

    public static IServiceCollection AddWebPages(this IServiceCollection services)
    {
        services.AddRazorComponents();
        // Accented and non-Latin text is written as it is, not as numeric character references; markup characters
        // are always escaped.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        return services;
    }

    public static IEndpointRouteBuilder MapWebPages(this IEndpointRouteBuilder routes)
    {
        routes.MapSiteStyle();
        var pages = routes.MapGroup("").AddEndpointFilter(SecurityHeaders);
        pages.MapGet("/", SearchAsync);
        pages.MapGet("/articles/{id}", ArticleAsync);
        pages.MapGet("/companies/{key}", (string key, HttpContext http, ArticleSearch search, TagStatistics statistics, TimeProvider time, CancellationToken cancellationToken) =>
            TagAsync(TagKind.Company, key, http, search, statistics, time, cancellationToken));
        pages.MapGet("/countries/{key}", (string key, HttpContext http, ArticleSearch search, TagStatistics statistics, TimeProvider time, CancellationToken cancellationToken) =>
            TagAsync(TagKind.Country, key, http, search, statistics, time, cancellationToken));
        pages.MapGet("/themes/{key}", (string key, HttpContext http, ArticleSearch search, TagStatistics statistics, TimeProvider time, CancellationToken cancellationToken) =>
            TagAsync(TagKind.Theme, key, http, search, statistics, time, cancellationToken));
        pages.MapGet("/people", PeopleAsync);
        pages.MapGet("/people/{id}", PersonAsync);
        pages.MapGet("/feeds", async (HttpContext http, FeedStore feeds, CancellationToken cancellationToken) =>
            Render<FeedsPage>(PageContext.For(http), await feeds.ListAsync(enabledOnly: false, source: null, cancellationToken)));
        pages.MapGet("/subscribe", (HttpContext http) => Subscribe(PageContext.For(http), null, "/subscribe", null));
        return routes;
    }

    /// <summary>The headers of every page: the pages run no script at all, so none may run.</summary>
    public static async ValueTask<object?> SecurityHeaders(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var headers = context.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        return await next(context);
    }

    /// <summary>The subscription form: new (<paramref name="current"/> null) or a subscriber's preferences, with the problem of a refused submission.</summary>
    internal static RazorComponentResult<SubscribePage> Subscribe(PageContext page, Subscriber? current, string action, string? error) =>
        Render<SubscribePage>(
            page,
            new SubscribeView(TimeZones.Value, page.Text.Language == "fr" ? "Europe/Paris" : "UTC") { Current = current, Action = action, Error = error },
            error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);

    internal static RazorComponentResult<MessagePage> Message(PageContext page, string heading, string message, int statusCode = StatusCodes.Status200OK) =>
        Render<MessagePage>(page, new MessageView(heading, message), statusCode);

    internal static RazorComponentResult<ActionPage> Ask(PageContext page, ActionView view) => Render<ActionPage>(page, view);

    private static async Task<IResult> SearchAsync(HttpContext http, ArticleSearch search, TagStatistics statistics, CancellationToken cancellationToken)
    {
        var page = PageContext.For(http);
        var form = SearchForm.Read(http.Request.Query);
        var (query, error) = form.ToQuery(page.Text, SearchPageSize);
        ArticlePage? found = null;
        try
        {
            found = query is null ? null : await search.SearchAsync(query, cancellationToken);
        }
        catch (InvalidCursorException)
        {
            error = new SearchError("cursor", page.Text.InvalidCursor);
        }

        if (query is null || found is null)
        {
            var empty = new SearchView(form, error, [], Array.Empty<ArticleTag>().ToLookup(t => t.ArticleId), new Dictionary<string, IReadOnlyList<FacetCount>>(), null);
            return Render<SearchPage>(page, empty, StatusCodes.Status400BadRequest);
        }

        // Two independent reads at once: the page waits for the slower, not for both.
        var facets = search.FacetsAsync(query with { Cursor = null }, FacetKinds, CoMentionsShown, cancellationToken);
        var tags = statistics.TagsOfAsync([.. found.Articles.Select(a => a.Id)], cancellationToken);
        await Task.WhenAll(facets, tags);
        return Render<SearchPage>(page, new SearchView(form, null, found.Articles, (await tags).ToLookup(t => t.ArticleId), (await facets).Counts, found.NextCursor));
    }

    private static async Task<IResult> ArticleAsync(
        string id, HttpContext http, ArticleStore articles, TagStore tags, QuoteStore quotes, ArticleSearch search, CancellationToken cancellationToken)
    {
        var page = PageContext.For(http);
        if (!long.TryParse(id, out var articleId) || await articles.GetAsync(articleId, cancellationToken) is not { } article)
        {
            return NotFound(page);
        }

        var tagsOf = tags.GetTagsAsync(articleId, cancellationToken);
        var quotesOf = quotes.ArticleQuotesAsync(articleId, cancellationToken);
        var sameStory = search.SameStoryAsync(articleId, cancellationToken);
        await Task.WhenAll(tagsOf, quotesOf, sameStory);
        return Render<ArticleDetailPage>(page, new ArticleView(article, ArticleTagsView.From(articleId, await tagsOf), await quotesOf, await sameStory));
    }

    private static async Task<IResult> TagAsync(
        TagKind kind, string key, HttpContext http, ArticleSearch search, TagStatistics statistics, TimeProvider time, CancellationToken cancellationToken)
    {
        var page = PageContext.For(http);
        if (TagVocabulary.BuiltIn.Resolve(kind, key) is not { } value)
        {
            return NotFound(page);
        }

        if (value != key)
        {
            // An alias, a French name or a lower-case code: one address per tag.
            return Results.Redirect(PageLinks.Tag(kind, value) + http.Request.QueryString);
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var firstDay = today.AddDays(1 - VolumeDays);
        var query = kind switch
        {
            TagKind.Company => new ArticleQuery { Companies = [value] },
            TagKind.Country => new ArticleQuery { Countries = [value] },
            _ => new ArticleQuery { Themes = [value] },
        };
        var recent = search.SearchAsync(query with { Limit = SearchPageSize }, cancellationToken);
        var overview = statistics.OverviewAsync(kind.Name(), value, Midnight(firstDay), Midnight(today.AddDays(1)), CoMentionsShown, cancellationToken);
        await Task.WhenAll(recent, overview);
        var perDay = (await overview).Days.ToDictionary(d => d.Day, d => d.Stories);
        var days = Enumerable.Range(0, VolumeDays).Select(i => perDay.GetValueOrDefault(firstDay.AddDays(i))).ToList();
        var company = kind == TagKind.Company ? Knowledge.Companies.FirstOrDefault(c => c.Name == value) : null;
        var name = kind switch
        {
            TagKind.Country => page.Text.CountryName(value),
            TagKind.Theme => page.Text.ThemeName(value),
            _ => value,
        };
        return Render<TagPage>(page, new TagView(kind, value, name, company?.Ticker, (await recent).Articles, firstDay, days, (await overview).CoMentions));
    }

    private static async Task<IResult> PeopleAsync(string? q, HttpContext http, QuoteStore quotes, CancellationToken cancellationToken)
    {
        var page = PageContext.For(http);
        var people = string.IsNullOrWhiteSpace(q) ? await quotes.ListPeopleAsync(100, cancellationToken) : await quotes.SuggestPeopleAsync(q, 50, cancellationToken);
        return Render<PeoplePage>(page, new PeopleView(q, people));
    }

    private static async Task<IResult> PersonAsync(string id, HttpContext http, QuoteStore quotes, CancellationToken cancellationToken)
    {
        var page = PageContext.For(http);
        if (!long.TryParse(id, out var personId) || await quotes.GetPersonAsync(personId, cancellationToken) is not { } person)
        {
            return NotFound(page);
        }

        var names = quotes.NamesAsync(personId, cancellationToken);
        var roles = quotes.RolesAsync(personId, cancellationToken);
        var quoted = quotes.PersonQuotesAsync(personId, 200, cancellationToken);
        await Task.WhenAll(names, roles, quoted);
        return Render<PersonPage>(page, new PersonView(person, await names, await roles, await quoted));
    }

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static RazorComponentResult<MessagePage> NotFound(PageContext page) => Message(page, page.Text.NotFoundTitle, page.Text.NotFound, StatusCodes.Status404NotFound);

    /// <summary>Every page takes the request's context and its own model.</summary>
    private static RazorComponentResult<TPage> Render<TPage>(PageContext page, object model, int statusCode = StatusCodes.Status200OK)
        where TPage : IComponent =>
        new RazorComponentResult<TPage>(new Dictionary<string, object?> { ["Page"] = page, ["Model"] = model })
        {
            StatusCode = statusCode,
            ContentType = "text/html; charset=utf-8",
        };
}
