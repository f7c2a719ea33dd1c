using NewsPulse.App.Tagging;
using NewsPulse.Storage.Stores;
using NewsPulse.Tagging;

namespace NewsPulse.App.Web;

/// <summary>A page that only says something: not found, mostly.</summary>
public sealed record MessageView(string Heading, string Message);

/// <summary>The search page: the form as given, and either what is wrong with it or a page of results with facets.</summary>
public sealed record SearchView(
    SearchForm Form,
    SearchError? Error,
    IReadOnlyList<ArticleSummary> Articles,
    ILookup<long, ArticleTag> Tags,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets,
    string? NextCursor);

/// <summary>One article with its tags, quotes and the other articles of its story.</summary>
public sealed record ArticleView(ArticleDetail Article, ArticleTagsView Tags, IReadOnlyList<ArticleQuote> Quotes, IReadOnlyList<ArticleSummary> SameStory);

/// <summary>A company's, country's or theme's page: recent stories, daily volume from <paramref name="FirstDay"/>, co-mentions.</summary>
public sealed record TagView(
    TagKind Kind, string Value, string Name, string? Ticker, IReadOnlyList<ArticleSummary> Recent, DateOnly FirstDay, IReadOnlyList<int> Days, IReadOnlyList<CoMention> CoMentions);

/// <summary>A person with their names, roles and latest quotes.</summary>
public sealed record PersonView(PersonSummary Person, IReadOnlyList<string> Names, IReadOnlyList<PersonRole> Roles, IReadOnlyList<PersonQuote> Quotes);

/// <summary>People matching a name, or the most quoted when none was given.</summary>
public sealed record PeopleView(string? Query, IReadOnlyList<PersonSummary> People);

/// <summary>
/// The digest subscription form: the time zones to suggest and the one to start with; when managing a subscription,
/// its current preferences and where the form posts; after a refused submission, what was wrong.
/// </summary>
public sealed record SubscribeView(IReadOnlyList<string> TimeZones, string DefaultTimeZone)
{
    public NewsPulse.Storage.Stores.Subscriber? Current { get; init; }

    public string Action { get; init; } = "/subscribe";

    public string? Error { get; init; }
}

/// <summary>A page asking to confirm an action with one button (links in emails must not act on a mere GET: scanners follow them).</summary>
public sealed record ActionView(string Heading, string Message, string ButtonLabel, string Action);
