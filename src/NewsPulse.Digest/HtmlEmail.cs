using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace NewsPulse.Digest;

/// <summary>
/// The frame every NewsPulse email shares and the helpers that keep story text inert. Layout is tables with inline
/// styles because Outlook and Gmail drop or ignore much of a &lt;style&gt; block; the one block here only recolours for
/// dark mode, through classes that carry the light colours inline.
/// </summary>
internal static class HtmlEmail
{
    public const string Fonts = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
    public const string TextStyle = "margin:0 0 8px;font-size:15px;line-height:1.5;color:#1f2328;";
    public const string MutedStyle = "margin:0 0 6px;font-size:13px;line-height:1.4;color:#57606a;";
    public const string LinkStyle = "color:#0b5cad;text-decoration:underline;";
    public const string HeadingStyle = "margin:0 0 12px;font-size:20px;line-height:1.3;font-weight:700;color:#1f2328;";
    public const string CellStyle = "padding:16px 24px;border-top:1px solid #d0d7de;";

    private const string DarkMode = """
        :root { color-scheme: light dark; supported-color-schemes: light dark; }
        @media (prefers-color-scheme: dark) {
          .np-body { background-color: #0d1117 !important; }
          .np-card { background-color: #161b22 !important; }
          .np-text { color: #e6edf3 !important; }
          .np-muted { color: #9da7b3 !important; }
          .np-link { color: #58a6ff !important; }
          .np-rule { border-color: #30363d !important; }
        }
        """;

    // Non-Latin text stays as UTF-8 characters (the part is UTF-8) instead of numeric entities, which would double the
    // size of French text; markup characters and quotes are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string? text) => Encoder.Encode(text ?? string.Empty);

    /// <summary>The URL when it is absolute http or https, else null: a feed can carry javascript: or data: links, which must never become clickable.</summary>
    public static string? SafeUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : null;

    /// <summary>A link when the URL is safe, else the encoded text alone.</summary>
    public static string Link(string? url, string text, string style = LinkStyle) =>
        SafeUrl(url) is { } safe
            ? $"<a class=\"np-link\" href=\"{Encode(safe)}\" style=\"{style}\">{Encode(text)}</a>"
            : Encode(text);

    /// <summary>A lang attribute for text in another language than the email's, so screen readers and hyphenation follow it.</summary>
    public static string LangAttribute(string? language, string emailLanguage) =>
        language is { Length: >= 2 and <= 8 } && language.All(c => char.IsAsciiLetter(c) || c == '-')
            && !string.Equals(language, emailLanguage, StringComparison.OrdinalIgnoreCase)
            ? $" lang=\"{Encode(language.ToLowerInvariant())}\""
            : string.Empty;

    /// <summary>A full document: <paramref name="rows"/> are &lt;tr&gt; elements of the 640-pixel card.</summary>
    public static string Page(string language, string title, string preheader, string rows)
    {
        var html = new StringBuilder(rows.Length + 4096);
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(Encode(language)).Append("\" xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n")
            .Append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"color-scheme\" content=\"light dark\">\n<meta name=\"supported-color-schemes\" content=\"light dark\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n<style>\n").Append(DarkMode).Append("\n</style>\n</head>\n")
            .Append("<body class=\"np-body\" style=\"margin:0;padding:0;background-color:#f4f5f7;\">\n")
            // The preheader is the inbox preview line; the zero-width padding stops clients from filling the preview with body text.
            .Append("<div style=\"display:none;max-height:0;max-width:0;overflow:hidden;mso-hide:all;font-size:1px;line-height:1px;opacity:0;color:transparent;\">")
            .Append(Encode(preheader)).Append(string.Concat(Enumerable.Repeat("&#847;&zwnj;&nbsp;", 40))).Append("</div>\n")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" class=\"np-body\" style=\"background-color:#f4f5f7;\">\n")
            .Append("<tr><td align=\"center\" style=\"padding:24px 12px;\">\n")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" class=\"np-card\" style=\"max-width:640px;background-color:#ffffff;border-radius:8px;font-family:")
            .Append(Fonts).Append(";\">\n")
            .Append(rows)
            .Append("</table>\n</td></tr>\n</table>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>A paragraph in the body text colour.</summary>
    public static string Paragraph(string innerHtml, string attributes = "") =>
        $"<p class=\"np-text\"{attributes} style=\"{TextStyle}\">{innerHtml}</p>\n";

    /// <summary>A paragraph in the secondary colour, for sources, dates and reasons.</summary>
    public static string Muted(string innerHtml, string attributes = "") =>
        $"<p class=\"np-muted\"{attributes} style=\"{MutedStyle}\">{innerHtml}</p>\n";

    public static string Row(string innerHtml, bool rule = true) =>
        $"<tr><td class=\"np-rule\" style=\"{(rule ? CellStyle : "padding:24px 24px 8px;")}\">\n{innerHtml}</td></tr>\n";
}
