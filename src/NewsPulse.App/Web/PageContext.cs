using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Primitives;

namespace NewsPulse.App.Web;

/// <summary>
/// What every page takes from its request: the UI language (<c>?lang=</c>, remembered in the <c>np_lang</c> cookie;
/// else the cookie; else Accept-Language; else English) and where the page is, for the language switch.
/// </summary>
public sealed class PageContext
{
    public const string LanguageParameter = "lang";
    public const string LanguageCookie = "np_lang";

    private PageContext(UiText text, string path, IQueryCollection query)
    {
        Text = text;
        Path = path;
        Query = query;
    }

    public UiText Text { get; }

    /// <summary>The request path, to mark the current section in the navigation.</summary>
    public string Path { get; }

    public IQueryCollection Query { get; }

    public static PageContext For(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var request = http.Request;
        var text = UiText.Find(request.Query[LanguageParameter]);
        if (text is not null)
        {
            http.Response.Cookies.Append(LanguageCookie, text.Language, new CookieOptions
            {
                Path = "/",
                MaxAge = TimeSpan.FromDays(365),
                HttpOnly = true,
                Secure = request.IsHttps,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
            });
        }

        text ??= UiText.Find(request.Cookies[LanguageCookie]) ?? FromAcceptLanguage(request) ?? UiText.All[0];
        return new PageContext(text, request.Path.Value ?? "/", request.Query);
    }

    /// <summary>This page in another UI language: the same query with its <c>lang</c> replaced.</summary>
    public string InLanguage(string language)
    {
        var query = new QueryBuilder(Query.Where(p => p.Key != LanguageParameter).SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v ?? ""))))
        {
            { LanguageParameter, language },
        };
        return Path + query.ToQueryString();
    }

    /// <summary>The first language of the header, by quality, that the UI speaks ("fr-CA" counts as French).</summary>
    private static UiText? FromAcceptLanguage(HttpRequest request) =>
        request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => UiText.Find(PrimaryTag(l.Value)))
            .FirstOrDefault(t => t is not null);

    private static string PrimaryTag(StringSegment tag) => tag.Value is { } value && value.IndexOf('-', StringComparison.Ordinal) is var dash and > 0 ? value[..dash] : tag.Value ?? "";
}
