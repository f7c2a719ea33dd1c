using NewsPulse.App.Cli;
using NewsPulse.App.Ingestion;
using NewsPulse.Ingest.Feeds;
using NewsPulse.Storage.Stores;

namespace NewsPulse.App.Web;

/// <summary>
/// Admin endpoints, each behind an <c>Api:AdminKeys</c> key: <c>POST /api/admin/feeds</c> adds a feed,
/// <c>POST /api/admin/feeds/{id}/disable</c> and <c>/enable</c> stop and restart polling it,
/// <c>POST /api/admin/reprocess</c> reruns a stage in the background and <c>GET /api/admin/reprocess/{id}</c> follows it.
/// Tag labels (<c>POST</c>/<c>DELETE /api/articles/{id}/tags</c>) need the same key.
/// </summary>
public static class AdminEndpoints
{
    /// <summary>The body of <c>POST /api/admin/feeds</c>: the fields of one feeds.yaml entry.</summary>
    public sealed record FeedRequest(string? Url, string? Name, string? Language, string? Interval, string? Category);

    /// <summary>The body of <c>POST /api/admin/reprocess</c>.</summary>
    public sealed record ReprocessRequest(string? Stage, string? Since);

    private sealed record FeedAdded(long Id, bool Added, string Name, string Url);

    private sealed record FeedState(long Id, bool Enabled);

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/api/admin").RequireAdminKey().WithTags("Admin");
        admin.MapPost("/feeds", AddFeedAsync).WithSummary("Add a feed to poll (the rules of a feeds.yaml entry)");
        admin.MapPost("/feeds/{id:long}/disable", (long id, FeedStore feeds, CancellationToken cancellationToken) => SetEnabledAsync(id, false, feeds, cancellationToken))
            .WithSummary("Stop polling a feed; it and its articles are kept");
        admin.MapPost("/feeds/{id:long}/enable", (long id, FeedStore feeds, CancellationToken cancellationToken) => SetEnabledAsync(id, true, feeds, cancellationToken))
            .WithSummary("Poll a disabled feed again");
        admin.MapPost("/reprocess", StartReprocess).WithSummary("Rerun a stage (extract, tag, quotes) on stored articles, in the background");
        admin.MapGet("/reprocess/{id}", (string id, ReprocessJobs jobs) =>
                jobs.Get(id) is { } job ? Results.Json(job, JsonOutput.Lines) : ApiProblem.NotFound($"no reprocess run {id}"))
            .WithSummary("Progress and outcome of a reprocess run");
        return routes;
    }

    private static async Task<IResult> AddFeedAsync(FeedRequest? request, FeedStore feeds, CancellationToken cancellationToken)
    {
        if (request?.Url is not { Length: > 0 } url)
        {
            return ApiProblem.BadParameter("url", "send a JSON body {\"url\", \"name\"?, \"language\"?, \"interval\"?, \"category\"?} with the feed's http(s) URL");
        }

        var parsed = FeedsFileParser.ParseFields(url, request.Name, request.Language, request.Interval, request.Category, "request");
        if (!parsed.IsValid)
        {
            return ApiProblem.BadParameter("feed", string.Join("; ", parsed.Errors.Select(e => e.Message)));
        }

        var feed = parsed.Feeds[0];
        var (id, added) = await feeds.AddAsync(feed, "api", cancellationToken);
        var body = new FeedAdded(id, added, feed.Name, feed.Url.ToString());
        return added ? Results.Json(body, JsonOutput.Lines, statusCode: StatusCodes.Status201Created) : Results.Json(body, JsonOutput.Lines);
    }

    private static async Task<IResult> SetEnabledAsync(long id, bool enabled, FeedStore feeds, CancellationToken cancellationToken) =>
        await feeds.SetEnabledAsync(id, enabled, cancellationToken)
            ? Results.Json(new FeedState(id, enabled), JsonOutput.Lines)
            : ApiProblem.NotFound($"no feed {id}");

    private static IResult StartReprocess(ReprocessRequest? request, ReprocessJobs jobs, HttpResponse response)
    {
        if (request?.Stage is not { } stage || !Reprocessor.Stages.Contains(stage))
        {
            return ApiProblem.BadParameter("stage", $"stage must be one of {string.Join(", ", Reprocessor.Stages)}");
        }

        var since = string.IsNullOrWhiteSpace(request.Since) ? null : request.Since;
        if (ApiProblem.InvalidDate("since", since) is { } invalid)
        {
            return invalid;
        }

        var (job, started) = jobs.Start(stage, CliDates.Parse(since, "since"));
        var location = $"/api/admin/reprocess/{job.Id}";
        if (started)
        {
            response.Headers.Location = location;
            return Results.Json(job, JsonOutput.Lines, statusCode: StatusCodes.Status202Accepted);
        }

        return Results.Problem(
            title: "A reprocess run is already running",
            detail: $"Wait for run {job.Id} ({job.Stage}) to end: {location}",
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["running"] = location });
    }
}
