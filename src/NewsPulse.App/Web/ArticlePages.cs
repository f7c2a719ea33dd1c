using System.Globalization;
using System.Text;
using NewsPulse.App.Tagging;
using NewsPulse.Storage.Stores;

namespace NewsPulse.App.Web;

/// <summary>The latest stored articles and one article's text, as plain server-rendered HTML.</summary>
public static class ArticlePages
{
    private const int PageSize = 100;

    public static IEndpointRouteBuilder MapArticlePages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", async (ArticleStore articles, CancellationToken cancellationToken) =>
            Results.Content(RenderList(await articles.ListLatestAsync(PageSize, includeFailed: false, cancellationToken)), "text/html; charset=utf-8"));
        routes.MapGet("/articles/{id:long}", async (long id, ArticleStore articles, TagStore tags, CancellationToken cancellationToken) =>
            await articles.GetAsync(id, cancellationToken) is { } article
                ? Results.Content(RenderArticle(article, ArticleTagsView.From(id, await tags.GetTagsAsync(id, cancellationToken))), "text/html; charset=utf-8")
                : Results.Content(HtmlText.Page("en", "Not found", "<h1>Article not found</h1>"), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound));
        return routes;
    }

    private static string RenderList(IReadOnlyList<ArticleSummary> articles)
    {
        var body = new StringBuilder("<h1>Latest articles</h1>");
        if (articles.Count == 0)
        {
            body.Append("<p>No articles yet. Run <code>./newspulse demo</code> or <code>./newspulse ingest --once --feeds feeds.yaml</code>.</p>");
        }

        body.Append("<ol class=\"articles\">");
        foreach (var article in articles)
        {
            body.Append(CultureInfo.InvariantCulture, $"<li lang=\"{HtmlText.Encode(article.Language ?? "und")}\"><a href=\"/articles/{article.Id}\">{HtmlText.Encode(article.Title ?? article.FeedTitle ?? article.Url)}</a>")
                .Append(CultureInfo.InvariantCulture, $"<div class=\"meta\">{HtmlText.Encode(article.FeedName ?? article.SiteName)} · {Date(article.PublishedAt ?? article.DiscoveredAt)} · {HtmlText.Encode(article.Language)}</div></li>");
        }

        body.Append("</ol>");
        return HtmlText.Page("en", "Latest articles", body.ToString());
    }

    private static string RenderArticle(ArticleDetail article, ArticleTagsView tags)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<article lang=\"{HtmlText.Encode(article.Language ?? "und")}\"><h1>{HtmlText.Encode(article.Title ?? article.FeedTitle ?? article.Url)}</h1>");
        body.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{HtmlText.Encode(string.Join(", ", article.Authors))} · {Date(article.PublishedAt ?? article.DiscoveredAt)} · {HtmlText.Encode(article.SiteName ?? article.FeedName)} · <a href=\"{HtmlText.Encode(article.CanonicalUrl ?? article.Url)}\" rel=\"noopener noreferrer nofollow\">source</a></p>");
        RenderTags(body, tags);
        if (article.Status == "failed")
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"failed\">Not extracted: {HtmlText.Encode(article.LastError)}</p>");
        }

        foreach (var paragraph in (article.Text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            body.Append("<p>").Append(HtmlText.Encode(paragraph)).Append("</p>");
        }

        body.Append("</article>");
        return HtmlText.Page(article.Language ?? "en", article.Title ?? "Article", body.ToString());
    }

    /// <summary>One line per tag kind; an analyst's tag is marked, a model's shows its confidence on hover.</summary>
    private static void RenderTags(StringBuilder body, ArticleTagsView tags)
    {
        var lines = new (string Label, IEnumerable<(string Text, double Confidence, string Source)> Tags)[]
        {
            ("Companies", tags.Companies.Select(c => (c.Name, c.Confidence, c.Source))),
            ("Countries", tags.Countries.Select(c => (c.Name, c.Confidence, c.Source))),
            ("Themes", tags.Themes.Select(t => (t.Name, t.Confidence, t.Source))),
        };
        foreach (var (label, list) in lines)
        {
            var items = list.Select(t => string.Create(
                CultureInfo.InvariantCulture,
                $"<span class=\"tag {HtmlText.Encode(t.Source)}\" title=\"{HtmlText.Encode(t.Source)}, confidence {t.Confidence:0.00}\">{HtmlText.Encode(t.Text)}</span>")).ToList();
            if (items.Count > 0)
            {
                body.Append(CultureInfo.InvariantCulture, $"<p class=\"tags\">{label}: {string.Join(" ", items)}</p>");
            }
        }
    }

    private static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
