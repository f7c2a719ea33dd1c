using NewsPulse.App.Cli;
using NewsPulse.App.Tagging;
using NewsPulse.Storage.Stores;

namespace NewsPulse.App.Web;

/// <summary>
/// An article's tags over HTTP, and analysts' corrections: <c>GET /api/articles/{id}/tags</c>,
/// <c>POST /api/articles/{id}/tags</c> with <c>{"kind", "value", "analyst"?}</c>, and
/// <c>DELETE /api/articles/{id}/tags/{kind}/{value}?analyst=</c>.
/// </summary>
public static class TagEndpoints
{
    /// <summary>The body of a POST: the tag to add.</summary>
    public sealed record TagRequest(string? Kind, string? Value, string? Analyst);

    private sealed record ErrorBody(string Error);

    private sealed record DecisionBody(long ArticleId, string Kind, string Value, bool Present);

    public static IEndpointRouteBuilder MapTagEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/articles/{id:long}/tags", async (long id, ArticleStore articles, TagStore tags, CancellationToken cancellationToken) =>
            await articles.GetAsync(id, cancellationToken) is null
                ? Results.Json(new ErrorBody($"no article {id}"), JsonOutput.Lines, statusCode: StatusCodes.Status404NotFound)
                : Results.Json(ArticleTagsView.From(id, await tags.GetTagsAsync(id, cancellationToken)), JsonOutput.Lines));
        routes.MapPost("/api/articles/{id:long}/tags", async (long id, TagRequest? request, TagDecisions decisions, CancellationToken cancellationToken) =>
            request is null
                ? Results.Json(new ErrorBody("send a JSON body {\"kind\", \"value\", \"analyst\"?}"), JsonOutput.Lines, statusCode: StatusCodes.Status400BadRequest)
                : Reply(id, await decisions.DecideAsync(id, request.Kind, request.Value, present: true, request.Analyst, cancellationToken), StatusCodes.Status201Created));
        routes.MapDelete("/api/articles/{id:long}/tags/{kind}/{value}", async (long id, string kind, string value, string? analyst, TagDecisions decisions, CancellationToken cancellationToken) =>
            Reply(id, await decisions.DecideAsync(id, kind, value, present: false, analyst, cancellationToken), StatusCodes.Status200OK));
        return routes;
    }

    private static IResult Reply(long id, TagDecision decision, int successStatus) =>
        decision.Stored
            ? Results.Json(new DecisionBody(id, decision.Kind!, decision.Value!, successStatus == StatusCodes.Status201Created), JsonOutput.Lines, statusCode: successStatus)
            : Results.Json(new ErrorBody(decision.Error!), JsonOutput.Lines, statusCode: decision.ArticleMissing ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest);
}
