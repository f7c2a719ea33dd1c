using NewsPulse.App.Cli;
using NewsPulse.Storage.Stores;

namespace NewsPulse.App.Web;

/// <summary>
/// Feed health for tools: <c>GET /api/feeds</c>, the same fields as <c>newspulse feeds status --format json</c> (last
/// success, last error and why, consecutive errors, next check, items per day). People read it at <c>/feeds</c>
/// (<see cref="WebPages"/>).
/// </summary>
public static class FeedHealthPages
{
    public static IEndpointRouteBuilder MapFeedHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/feeds", async (FeedStore feeds, CancellationToken cancellationToken) =>
            Results.Json(await feeds.ListAsync(enabledOnly: false, source: null, cancellationToken), JsonOutput.Lines));
        return routes;
    }
}
