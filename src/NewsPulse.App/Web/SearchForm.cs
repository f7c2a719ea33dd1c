using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using NewsPulse.Storage.Stores;
using NewsPulse.Tagging;

namespace NewsPulse.App.Web;

/// <summary>A search input the reader got wrong: the parameter, and what to do, in the UI language.</summary>
public sealed record SearchError(string Parameter, string Message);

/// <summary>
/// The search page's filters as the reader gave them, under the parameter names of <c>GET /api/articles</c>. Values
/// are kept as typed, so the form shows them again when one is wrong; links that add or remove a filter, or turn the
/// page, are built from them.
/// </summary>
public sealed class SearchForm
{
    /// <summary>Parameters that take several values (repeated, or separated by commas): any of them matches.</summary>
    public static readonly IReadOnlyList<string> ManyValued = ["company", "country", "theme", "person", "language", "source"];

    private static readonly string[] SingleValued = ["q", "from", "to", "sort", "limit", "cursor"];

    private const int MaxLimit = 100;

    private readonly Dictionary<string, IReadOnlyList<string>> _values;

    private SearchForm(Dictionary<string, IReadOnlyList<string>> values) => _values = values;

    public static SearchForm Read(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var name in ManyValued)
        {
            values[name] = [.. query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
        }

        foreach (var name in SingleValued)
        {
            values[name] = query[name].LastOrDefault(v => !string.IsNullOrWhiteSpace(v)) is { } value ? [value.Trim()] : [];
        }

        return new SearchForm(values);
    }

    public IReadOnlyList<string> Values(string name) => _values.GetValueOrDefault(name) ?? [];

    /// <summary>What the form's field for <paramref name="name"/> shows: its values, comma-separated.</summary>
    public string Field(string name) => string.Join(", ", Values(name));

    public bool IsEmpty => _values.Where(p => p.Key != "sort").All(p => p.Value.Count == 0);

    /// <summary>The query for the store, or the first input that is wrong.</summary>
    public (ArticleQuery? Query, SearchError? Error) ToQuery(UiText text, int defaultLimit)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sort = Field("sort") is { Length: > 0 } given ? given : "published";
        var words = Field("q");
        var companies = Resolve("company", TagKind.Company, text.UnknownCompany, out var companyError);
        var countries = Resolve("country", TagKind.Country, text.UnknownCountry, out var countryError);
        var themes = Resolve("theme", TagKind.Theme, text.UnknownTheme, out var themeError);
        var fromError = Date("from", text.FieldFrom, text, out var from);
        var toError = Date("to", text.FieldTo, text, out var to);
        var limit = Field("limit") is not { Length: > 0 } perPage ? defaultLimit
            : int.TryParse(perPage, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= MaxLimit ? count
            : 0;
        var error = companyError ?? countryError ?? themeError ?? fromError ?? toError
            ?? (limit == 0 ? new SearchError("limit", text.InvalidLimit(MaxLimit))
            : sort is not ("published" or "relevance") ? new SearchError("sort", text.InvalidSort)
            : sort == "relevance" && words.Length == 0 ? new SearchError("sort", text.RelevanceNeedsText)
            : null);
        if (error is not null)
        {
            return (null, error);
        }

        return (new ArticleQuery
        {
            Companies = companies,
            Countries = countries,
            Themes = themes,
            People = Values("person"),
            Languages = Values("language"),
            Sources = Values("source"),
            From = from,
            To = to,
            Text = words.Length == 0 ? null : words,
            ByRelevance = sort == "relevance",
            Limit = limit,
            Cursor = Values("cursor") is [var cursor, ..] ? cursor : null,
        }, null);
    }

    /// <summary>Whether a filter has the stored value <paramref name="stored"/>, however it was typed ("ai", "AI", "Nvidia Corp").</summary>
    public bool Has(string name, string stored) => Values(name).Any(v => Means(name, v, stored));

    /// <summary>This search with one more value of a filter, from its first page.</summary>
    public string With(string name, string stored) => Link(name, [.. Values(name).Where(v => !Means(name, v, stored)), stored]);

    /// <summary>This search without one value of a filter, from its first page.</summary>
    public string Without(string name, string stored) => Link(name, [.. Values(name).Where(v => !Means(name, v, stored))]);

    private static bool Means(string name, string typed, string stored) =>
        typed == stored || (TagKinds.Parse(name) is { } kind && TagVocabulary.BuiltIn.Resolve(kind, typed) == stored);

    /// <summary>The next page of this search.</summary>
    public string Page(string cursor) => Link("cursor", [cursor]);

    /// <summary>This search with one filter's values changed; any other change starts again from the first page.</summary>
    private string Link(string changed, IReadOnlyList<string> changedValues)
    {
        var query = new QueryBuilder();
        foreach (var (name, values) in _values)
        {
            foreach (var value in name == changed ? changedValues : name == "cursor" ? [] : values)
            {
                query.Add(name, value);
            }
        }

        return "/" + query.ToQueryString();
    }

    /// <summary>Tag filters as stored values, resolved like the API does (names, aliases, ISO codes, French names).</summary>
    private string[] Resolve(string name, TagKind kind, Func<string, string> unknown, out SearchError? error)
    {
        error = null;
        var resolved = new List<string>();
        foreach (var value in Values(name))
        {
            if (TagVocabulary.BuiltIn.Resolve(kind, value) is { } stored)
            {
                resolved.Add(stored);
            }
            else
            {
                error ??= new SearchError(name, unknown(value));
            }
        }

        return [.. resolved];
    }

    private SearchError? Date(string name, string label, UiText text, out DateTimeOffset? date)
    {
        date = null;
        if (Field(name) is not { Length: > 0 } value)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            date = parsed;
            return null;
        }

        return new SearchError(name, text.InvalidDate(label, value));
    }
}
