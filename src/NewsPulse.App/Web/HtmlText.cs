using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace NewsPulse.App.Web;

/// <summary>Everything that reaches a page from a feed or an article goes through here: text, never markup.</summary>
internal static class HtmlText
{
    // All Unicode ranges stay readable (French, Chinese); markup characters are always escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string? text) => Encoder.Encode(text ?? string.Empty);

    public static string Page(string language, string title, string body) =>
        $$"""
        <!doctype html>
        <html lang="{{Encode(language)}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Encode(title)}} · NewsPulse</title>
        <style>
        body { font: 16px/1.5 system-ui, sans-serif; max-width: 52rem; margin: 0 auto; padding: 1rem; color: #1d1d1f; }
        header a { color: inherit; text-decoration: none; font-weight: 700; }
        ol.articles { padding-left: 1.2rem; } ol.articles li { margin: .6rem 0; }
        .meta { color: #5f6368; font-size: .9rem; }
        article p { margin: 0 0 1rem; }
        .failed, tr.failing, tr.gone { color: #a50e0e; }
        table { border-collapse: collapse; font-size: .9rem; } th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #ddd; }
        </style>
        </head>
        <body>
        <header><a href="/">NewsPulse</a> · <a href="/feeds">Feed health</a></header>
        <main>
        {{body}}
        </main>
        </body>
        </html>
        """;
}
