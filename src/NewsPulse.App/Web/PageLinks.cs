using System.Globalization;
using NewsPulse.Tagging;

namespace NewsPulse.App.Web;

/// <summary>Addresses of the pages, built from stored values: every value is URL-encoded, so data never shapes a link.</summary>
public static class PageLinks
{
    public static string Article(long id) => "/articles/" + id.ToString(CultureInfo.InvariantCulture);

    public static string Person(long id) => "/people/" + id.ToString(CultureInfo.InvariantCulture);

    public static string PersonQuotesCsv(long id) => $"/api/people/{id.ToString(CultureInfo.InvariantCulture)}/quotes?format=csv";

    /// <summary>The page of a stored tag value: <c>/companies/{name}</c>, <c>/countries/{code}</c>, <c>/themes/{name}</c>.</summary>
    public static string Tag(TagKind kind, string value) => Section(kind) + "/" + Uri.EscapeDataString(value);

    public static string Tag(string kind, string value) => TagKinds.Parse(kind) is { } parsed ? Tag(parsed, value) : "/";

    /// <summary>A link out of the site, only when it is http(s): a stored <c>javascript:</c> URL must never become a link.</summary>
    public static string? External(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri.AbsoluteUri : null;

    /// <summary>A timestamp as <c>&lt;time datetime&gt;</c> wants it.</summary>
    public static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The search page filtered on one tag.</summary>
    public static string Search(TagKind kind, string value) => $"/?{kind.Name()}={Uri.EscapeDataString(value)}";

    public static string Section(TagKind kind) => kind switch
    {
        TagKind.Company => "/companies",
        TagKind.Country => "/countries",
        _ => "/themes",
    };
}
