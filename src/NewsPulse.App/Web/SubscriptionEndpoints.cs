using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsPulse.App.Cli;
using NewsPulse.App.Digest;
using NewsPulse.App.Web.Pages;
using NewsPulse.Storage.Stores;

namespace NewsPulse.App.Web;

/// <summary>
/// The digest subscription's life over HTTP, double opt-in: <c>POST /api/subscriptions</c> (JSON) and the web form
/// <c>POST /subscribe</c> send a confirmation email and answer 202; the signed links of the emails lead to
/// <c>/subscriptions/confirm</c>, <c>/subscriptions/manage</c> and <c>/subscriptions/unsubscribe</c>, whose GET shows a
/// page with a button and whose POST acts (RFC 8058: mail providers POST <c>List-Unsubscribe=One-Click</c> there).
/// Whether an address was already subscribed is never revealed.
/// </summary>
public static class SubscriptionEndpoints
{
    private sealed record Accepted(string Status, string Message);

    public static IEndpointRouteBuilder MapSubscriptionEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/subscriptions", SubscribeJsonAsync)
            .WithSummary("Subscribe to the daily digest (double opt-in: a confirmation email is sent)")
            .WithDescription("JSON {email, companies, countries, themes, people, keywords, languages, send_hour, time_zone, max_stories, locale}; all but email optional. Answers 202.");
        var pages = routes.MapGroup("").AddEndpointFilter(WebPages.SecurityHeaders);
        pages.MapPost("/subscribe", SubscribeFormAsync);
        MapLinkAction(
            pages,
            "/subscriptions/confirm",
            LinkPurpose.Confirm,
            (t, s) => new ActionView(t.ConfirmTitle, t.ConfirmIntro(s.Email), t.ConfirmButton, ""),
            (store, link, cancellationToken) => store.ConfirmAsync(link.SubscriberId, link.TokenVersion, cancellationToken),
            t => (t.ConfirmedTitle, t.Confirmed));
        MapLinkAction(
            pages,
            "/subscriptions/unsubscribe",
            LinkPurpose.Unsubscribe,
            (t, s) => new ActionView(t.UnsubscribeTitle, t.UnsubscribeIntro(s.Email), t.UnsubscribeButton, ""),
            (store, link, cancellationToken) => store.UnsubscribeAsync(link.SubscriberId, link.TokenVersion, cancellationToken),
            t => (t.UnsubscribedTitle, t.Unsubscribed));
        pages.MapGet("/subscriptions/manage", async (HttpContext http, string? token, LinkTokens tokens, SubscriberStore store, CancellationToken cancellationToken) =>
        {
            var page = PageContext.For(http);
            return await SubscriberOfAsync(tokens, LinkPurpose.Manage, token, store, cancellationToken) is { } subscriber
                ? (IResult)WebPages.Subscribe(page, subscriber, ManageAction(token!), null)
                : InvalidLink(page);
        });
        pages.MapPost("/subscriptions/manage", ManageAsync);
        return routes;
    }

    /// <summary>A signed link's page: GET asks with one button (mail scanners follow links), POST acts and says it is done.</summary>
    private static void MapLinkAction(
        RouteGroupBuilder pages,
        string path,
        LinkPurpose purpose,
        Func<UiText, Subscriber, ActionView> ask,
        Func<SubscriberStore, LinkToken, CancellationToken, Task<Subscriber?>> act,
        Func<UiText, (string Heading, string Message)> done)
    {
        pages.MapGet(path, (HttpContext http, string? token, LinkTokens tokens, SubscriberStore store, CancellationToken cancellationToken) =>
            AskAsync(http, token, purpose, tokens, store, ask, cancellationToken));
        pages.MapPost(path, async (HttpContext http, string? token, LinkTokens tokens, SubscriberStore store, CancellationToken cancellationToken) =>
        {
            var page = PageContext.For(http);
            var (heading, message) = done(page.Text);
            return tokens.Read(purpose, token) is { } link && await act(store, link, cancellationToken) is not null
                ? WebPages.Message(page, heading, message)
                : InvalidLink(page);
        });
    }

    private static async Task<IResult> SubscribeJsonAsync(HttpRequest request, SubscriberStore store, DigestService digests, ILogger<DigestService> logger, CancellationToken cancellationToken)
    {
        SubscriptionRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<SubscriptionRequest>(request.Body, JsonOutput.Lines, cancellationToken);
        }
        catch (JsonException ex)
        {
            var field = ex.Path?.TrimStart('$', '.') is { Length: > 0 } path ? path : "body";
            return ApiProblem.BadParameter(field, $"send a JSON object {{\"email\", \"companies\"?, ...}}: {ex.Message}");
        }

        var (preferences, problem) = (body ?? new SubscriptionRequest()).Validate();
        if (problem is not null)
        {
            return ApiProblem.BadParameter(problem.Field, problem.Message);
        }

        if (!await SubscribeAndMailAsync(preferences!, store, digests, logger, cancellationToken))
        {
            return Results.Problem(title: "Confirmation email not sent", detail: "The mail server could not be reached; try again in a few minutes.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Json(
            new Accepted("pending", $"If {preferences!.Email} is not subscribed yet, a confirmation email is on its way; the digest starts once its link is followed."),
            JsonOutput.Lines,
            statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> SubscribeFormAsync(HttpContext http, SubscriberStore store, DigestService digests, ILogger<DigestService> logger, CancellationToken cancellationToken)
    {
        var page = PageContext.For(http);
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var (preferences, problem) = FromForm(form, form["ui_language"].ToString()).Validate();
        if (problem is not null)
        {
            return WebPages.Subscribe(page, null, "/subscribe", problem.Message);
        }

        return await SubscribeAndMailAsync(preferences!, store, digests, logger, cancellationToken)
            ? WebPages.Message(page, page.Text.CheckInboxTitle, page.Text.CheckInbox(preferences!.Email), StatusCodes.Status202Accepted)
            : WebPages.Message(page, page.Text.BadRequestTitle, page.Text.MailUnavailable, StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> ManageAsync(HttpContext http, string? token, LinkTokens tokens, SubscriberStore store, CancellationToken cancellationToken)
    {
        var page = PageContext.For(http);
        if (await SubscriberOfAsync(tokens, LinkPurpose.Manage, token, store, cancellationToken) is not { } subscriber)
        {
            return InvalidLink(page);
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        var (preferences, problem) = (FromForm(form, subscriber.Locale) with { Email = subscriber.Email }).Validate();
        if (problem is not null)
        {
            return WebPages.Subscribe(page, subscriber, ManageAction(token!), problem.Message);
        }

        return await store.UpdatePreferencesAsync(subscriber.Id, subscriber.TokenVersion, preferences!, cancellationToken) is not null
            ? WebPages.Message(page, page.Text.ManageTitle, page.Text.Saved)
            : InvalidLink(page);
    }

    /// <summary>Stores the request and mails the confirmation (or, to a confirmed address, its preferences link); false when mail could not go out.</summary>
    private static async Task<bool> SubscribeAndMailAsync(
        SubscriberPreferences preferences, SubscriberStore store, DigestService digests, ILogger logger, CancellationToken cancellationToken)
    {
        var outcome = await store.SubscribeAsync(preferences, confirmed: false, cancellationToken);
        try
        {
            await digests.SendConfirmationAsync(outcome.Subscriber, outcome.AlreadyConfirmed, cancellationToken);
            return true;
        }
        catch (MailDeliveryException ex)
        {
            logger.LogWarning("Confirmation email for subscriber {SubscriberId} not sent: {Reason}", outcome.Subscriber.Id, ex.Message);
            return false;
        }
    }

    private static async Task<IResult> AskAsync(
        HttpContext http, string? token, LinkPurpose purpose, LinkTokens tokens, SubscriberStore store, Func<UiText, Subscriber, ActionView> view, CancellationToken cancellationToken)
    {
        var page = PageContext.For(http);
        return await SubscriberOfAsync(tokens, purpose, token, store, cancellationToken) is { } subscriber
            ? WebPages.Ask(page, view(page.Text, subscriber) with { Action = http.Request.Path + http.Request.QueryString })
            : InvalidLink(page);
    }

    private static async Task<Subscriber?> SubscriberOfAsync(LinkTokens tokens, LinkPurpose purpose, string? token, SubscriberStore store, CancellationToken cancellationToken) =>
        tokens.Read(purpose, token) is { } link && await store.GetAsync(link.SubscriberId, cancellationToken) is { } subscriber && subscriber.TokenVersion == link.TokenVersion
            ? subscriber
            : null;

    private static RazorComponentResult<MessagePage> InvalidLink(PageContext page) =>
        WebPages.Message(page, page.Text.LinkInvalidTitle, page.Text.LinkInvalid, StatusCodes.Status404NotFound);

    private static string ManageAction(string token) => $"/subscriptions/manage?token={Uri.EscapeDataString(token)}";

    /// <summary>The form's fields as a request: text fields hold comma-separated values, check boxes repeat.</summary>
    private static SubscriptionRequest FromForm(IFormCollection form, string locale)
    {
        string[] Values(string name) => [.. form[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
        int? Number(string name) => int.TryParse(form[name].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
        return new SubscriptionRequest
        {
            Email = form["email"].ToString(),
            Companies = Values("companies"),
            Countries = Values("countries"),
            Themes = Values("themes"),
            People = Values("people"),
            Keywords = Values("keywords"),
            Languages = Values("languages"),
            SendHour = Number("send_hour"),
            TimeZone = form["time_zone"].ToString(),
            MaxStories = Number("max_stories"),
            Locale = locale is "en" or "fr" ? locale : null,
        };
    }
}
