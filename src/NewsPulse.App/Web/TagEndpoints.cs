using NewsPulse.App.Cli;
using NewsPulse.App.Tagging;
using NewsPulse.Storage.Stores;

namespace NewsPulse.App.Web;

/// <summary>
/// An article's tags over HTTP, and analysts' corrections: <c>GET /api/articles/{id}/tags</c>,
/// <c>POST /api/articles/{id}/tags</c> with <c>{"kind", "value", "analyst"?}</c>, and
/// <c>DELETE /api/articles/{id}/tags/{kind}/{value}?analyst=</c>. Changing tags needs an admin key (<c>Api:AdminKeys</c>).
/// </summary>
public static class TagEndpoints
{
    /// <summary>The body of a POST: the tag to add.</summary>
    public sealed record TagRequest(string? Kind, string? Value, string? Analyst);

    private sealed record DecisionBody(long ArticleId, string Kind, string Value, bool Present);

    public static IEndpointRouteBuilder MapTagEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/articles/{id:long}/tags", async (long id, ArticleStore articles, TagStore tags, CancellationToken cancellationToken) =>
            await articles.GetAsync(id, cancellationToken) is null
                ? ApiProblem.NotFound($"no article {id}")
                : Results.Json(ArticleTagsView.From(id, await tags.GetTagsAsync(id, cancellationToken)), JsonOutput.Lines))
            .WithSummary("An article's tags; analysts' decisions outrank the model's");
        routes.MapPost("/api/articles/{id:long}/tags", async (long id, TagRequest? request, TagDecisions decisions, CancellationToken cancellationToken) =>
            request is null
                ? ApiProblem.BadParameter("body", "send a JSON body {\"kind\", \"value\", \"analyst\"?}")
                : Reply(id, await decisions.DecideAsync(id, request.Kind, request.Value, present: true, request.Analyst, cancellationToken), StatusCodes.Status201Created))
            .RequireAdminKey()
            .WithSummary("Add a tag as an analyst (admin key)");
        routes.MapDelete("/api/articles/{id:long}/tags/{kind}/{value}", async (long id, string kind, string value, string? analyst, TagDecisions decisions, CancellationToken cancellationToken) =>
            Reply(id, await decisions.DecideAsync(id, kind, value, present: false, analyst, cancellationToken), StatusCodes.Status200OK))
            .RequireAdminKey()
            .WithSummary("Remove a tag as an analyst (admin key)");
        return routes;
    }

    private static IResult Reply(long id, TagDecision decision, int successStatus) =>
        decision.Stored
            ? Results.Json(new DecisionBody(id, decision.Kind!, decision.Value!, successStatus == StatusCodes.Status201Created), JsonOutput.Lines, statusCode: successStatus)
            : decision.ArticleMissing ? ApiProblem.NotFound(decision.Error!) : ApiProblem.BadParameter(decision.Field ?? "value", decision.Error!);
}
