using System.Globalization;
using System.Text;
using NewsPulse.App.Cli;
using NewsPulse.Storage.Stores;

namespace NewsPulse.App.Web;

/// <summary>
/// Feed health for people (<c>/feeds</c>) and for tools (<c>GET /api/feeds</c>, the same fields as
/// <c>newspulse feeds status --format json</c>): last success, last error and why, consecutive errors, next check,
/// items per day.
/// </summary>
public static class FeedHealthPages
{
    public static IEndpointRouteBuilder MapFeedHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/feeds", async (FeedStore feeds, CancellationToken cancellationToken) =>
            Results.Json(await feeds.ListAsync(enabledOnly: false, source: null, cancellationToken), JsonOutput.Lines));
        routes.MapGet("/feeds", async (FeedStore feeds, CancellationToken cancellationToken) =>
            Results.Content(Render(await feeds.ListAsync(enabledOnly: false, source: null, cancellationToken)), "text/html; charset=utf-8"));
        return routes;
    }

    private static string Render(IReadOnlyList<StoredFeed> feeds)
    {
        var body = new StringBuilder("<h1>Feed health</h1>");
        var failing = feeds.Count(f => f.State is "failing" or "gone");
        body.Append(CultureInfo.InvariantCulture, $"<p>{feeds.Count} feeds, {failing} failing or gone.</p>");
        body.Append("<table><thead><tr><th>feed</th><th>state</th><th>last success</th><th>consecutive errors</th><th>last error</th><th>next check</th><th>items/day</th></tr></thead><tbody>");
        foreach (var feed in feeds)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr class=\"{feed.State}\"><td><a href=\"{HtmlText.Encode(feed.Url)}\" rel=\"noopener noreferrer nofollow\">{HtmlText.Encode(feed.Name)}</a></td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{feed.State}</td><td>{When(feed.LastSuccessAt) ?? "never"}</td><td>{feed.ErrorCount}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{HtmlText.Encode(feed.LastError)}</td><td>{(feed.Enabled ? When(feed.NextCheckAt) : "")}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{feed.ItemsPerDay?.ToString("0.#", CultureInfo.InvariantCulture)}</td></tr>");
        }

        body.Append("</tbody></table>");
        return HtmlText.Page("en", "Feed health", body.ToString());
    }

    private static string? When(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
