using System.Text;

namespace NewsPulse.Ingest.Extraction;

/// <summary>
/// Cuts the blocks no article text lives in (scripts, styles, inline SVG, noscript, templates, comments, and the
/// navigation, drop-down, iframe and button blocks the body finder would prune anyway) out of the source before it
/// is parsed. On a modern news page they are most of the bytes, and the parser's tokenizer would
/// still walk them character by character even when told to drop their text; a vectorised search skips them.
/// </summary>
internal static class SourceFilter
{
    private static readonly (string Open, string Close)[] Blocks =
    [
        ("<script", "</script"), ("<style", "</style"), ("<svg", "</svg"), ("<noscript", "</noscript"), ("<template", "</template"),
        ("<nav", "</nav"), ("<select", "</select"), ("<iframe", "</iframe"), ("<button", "</button"),
        ("<aside", "</aside"), ("<figure", "</figure"), ("<footer", "</footer"),
    ];

    /// <param name="html">The page source.</param>
    /// <param name="jsonLd">Receives the text of every <c>&lt;script type="application/ld+json"&gt;</c> cut on the way.</param>
    public static string WithoutNonContentBlocks(string html, List<string> jsonLd)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(jsonLd);
        StringBuilder? kept = null;
        var copiedUpTo = 0;
        var position = 0;
        while ((position = html.IndexOf('<', position)) >= 0)
        {
            var end = BlockEnd(html, position);
            if (end < 0)
            {
                position++;
                continue;
            }

            if (JsonLdText(html, position, end) is { } json)
            {
                jsonLd.Add(json);
            }

            kept ??= new StringBuilder(html.Length);
            kept.Append(html, copiedUpTo, position - copiedUpTo).Append(' ');
            copiedUpTo = position = end;
        }

        return kept is null ? html : kept.Append(html, copiedUpTo, html.Length - copiedUpTo).ToString();
    }

    /// <summary>The content of a JSON-LD script block spanning <paramref name="start"/> to <paramref name="end"/>, else null.</summary>
    private static string? JsonLdText(string html, int start, int end)
    {
        if (string.Compare(html, start, "<script", 0, 7, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return null;
        }

        var tagEnd = html.IndexOf('>', start);
        var close = html.LastIndexOf("</", end - 1, end - tagEnd, StringComparison.Ordinal);
        return tagEnd > 0 && close > tagEnd && html.AsSpan(start, tagEnd - start).Contains("ld+json", StringComparison.OrdinalIgnoreCase)
            ? html[(tagEnd + 1)..close]
            : null;
    }

    /// <summary>Where the block opening at <paramref name="start"/> ends (after its closing tag), or -1 when no block opens there.</summary>
    private static int BlockEnd(string html, int start)
    {
        // Most tags are none of these: one look at the letter after '<' settles it.
        if (start + 1 >= html.Length || html[start + 1] is not ('s' or 'S' or 'n' or 'N' or 't' or 'T' or 'i' or 'I' or 'b' or 'B' or 'a' or 'A' or 'f' or 'F' or '!'))
        {
            return -1;
        }

        if (string.CompareOrdinal(html, start, "<!--", 0, 4) == 0)
        {
            var close = html.IndexOf("-->", start + 4, StringComparison.Ordinal);
            return close < 0 ? -1 : close + 3;
        }

        foreach (var (open, closeTag) in Blocks)
        {
            var after = start + open.Length;
            if (after < html.Length && string.Compare(html, start, open, 0, open.Length, StringComparison.OrdinalIgnoreCase) == 0
                && html[after] is ' ' or '>' or '/' or '\t' or '\n' or '\r')
            {
                var close = html.IndexOf(closeTag, after, StringComparison.OrdinalIgnoreCase);
                var closeEnd = close < 0 ? -1 : html.IndexOf('>', close);
                return closeEnd < 0 ? -1 : closeEnd + 1;
            }
        }

        return -1;
    }
}
