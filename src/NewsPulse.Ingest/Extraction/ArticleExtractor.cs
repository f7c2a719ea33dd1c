using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsPulse.Domain;

namespace NewsPulse.Ingest.Extraction;

/// <summary>
/// Finds an article's main text and metadata in an HTML page. Pure: HTML text in, record out; never
/// touches the network. The main text is the block of paragraphs with the most text once boilerplate
/// containers are gone, scored per parent element with link-heavy paragraphs ignored.
/// </summary>
public sealed class ArticleExtractor
{
    /// <summary>Less body text than this and the page is a stub, an index or an error page, not an article.</summary>
    public const int MinArticleCharacters = 250;

    private static readonly string[] RemovedTags =
    [
        "script", "style", "noscript", "template", "iframe", "svg", "canvas", "form", "button", "select",
        "nav", "aside", "footer", "figure", "figcaption", "video", "audio", "dialog",
    ];

    private static readonly HashSet<string> BoilerplateWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "ad", "ads", "advert", "advertisement", "advertising", "banner", "breadcrumb", "breadcrumbs", "comment", "comments",
        "consent", "cookie", "cookies", "footer", "masthead", "menu", "modal", "nav", "navbar", "navigation", "newsletter",
        "outbrain", "paywall", "popular", "promo", "recommended", "related", "share", "sharing", "sidebar", "signup",
        "social", "sponsor", "sponsored", "subscribe", "subscription", "taboola", "toolbar", "trending", "widget", "mostread",
    };

    private static readonly string[] BlockSelectors = ["p", "h2", "h3", "h4", "blockquote", "pre", "li"];

    private readonly HtmlParser _parser = new(new HtmlParserOptions { IsScripting = false });

    public ExtractionResult Extract(string html, Uri pageUrl)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(pageUrl);
        using var document = _parser.ParseDocument(html);
        var metadata = PageMetadata.Read(document);
        var title = metadata.Headline ?? FirstText(document, "h1") ?? StripSiteName(document.Title);
        var language = NormalizeLanguage(document.DocumentElement.GetAttribute("lang") ?? metadata.Language);
        var canonical = CanonicalUrl(document, pageUrl);

        RemoveBoilerplate(document);
        var text = MainText(document);
        if (text.Length < MinArticleCharacters && metadata.ArticleBody is { Length: >= MinArticleCharacters } body)
        {
            text = NormalizeWhitespace(body);
        }

        if (text.Length < MinArticleCharacters)
        {
            return ExtractionResult.NotAnArticle(
                $"no article text found: {text.Length} characters of body text, at least {MinArticleCharacters} expected");
        }

        return ExtractionResult.Found(new ExtractedArticle(
            title is null ? null : NormalizeWhitespace(title),
            metadata.Authors.Select(NormalizeWhitespace).Where(a => a.Length > 0).Distinct().ToArray(),
            metadata.Published,
            metadata.Modified,
            language,
            canonical,
            metadata.SiteName,
            metadata.Description,
            text));
    }

    private static void RemoveBoilerplate(IDocument document)
    {
        foreach (var element in document.QuerySelectorAll(string.Join(',', RemovedTags)).ToArray())
        {
            element.Remove();
        }

        var body = document.Body;
        if (body is null)
        {
            return;
        }

        foreach (var element in body.QuerySelectorAll("[class],[id],[role],[hidden],[aria-hidden]").ToArray())
        {
            if (element.LocalName is "article" or "main" || element.Closest("body") is null)
            {
                continue;
            }

            if (element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true"
                || element.GetAttribute("role") is "navigation" or "banner" or "contentinfo" or "complementary" or "dialog"
                || LooksLikeBoilerplate(element.GetAttribute("class")) || LooksLikeBoilerplate(element.Id))
            {
                element.Remove();
            }
        }
    }

    private static bool LooksLikeBoilerplate(string? names)
    {
        if (string.IsNullOrEmpty(names))
        {
            return false;
        }

        foreach (var name in names.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var word in name.Split(['-', '_'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (BoilerplateWords.Contains(word))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string MainText(IDocument document)
    {
        if (document.Body is null)
        {
            return string.Empty;
        }

        var scores = new Dictionary<IElement, double>();
        foreach (var paragraph in document.Body.QuerySelectorAll("p"))
        {
            var length = ParagraphWeight(paragraph);
            if (length == 0)
            {
                continue;
            }

            var parent = paragraph.ParentElement;
            if (parent is null)
            {
                continue;
            }

            scores[parent] = scores.GetValueOrDefault(parent) + length;
            if (parent.ParentElement is { } grandparent)
            {
                scores[grandparent] = scores.GetValueOrDefault(grandparent) + (length / 2.0);
            }
        }

        if (scores.Count == 0)
        {
            return string.Empty;
        }

        var best = scores.MaxBy(pair => pair.Value).Key;
        var text = new StringBuilder();
        foreach (var block in best.QuerySelectorAll(string.Join(',', BlockSelectors)))
        {
            // A block inside another selected block (a <p> in a <blockquote>, a <p> in an <li>) is read with its container.
            if (block.ParentElement?.Closest(string.Join(',', BlockSelectors)) is { } container && best.Contains(container) && container != best)
            {
                continue;
            }

            // Mostly-link blocks are "read more" lines and lists of other stories.
            if (LinkDensity(block) > 0.5)
            {
                continue;
            }

            var line = NormalizeWhitespace(block.TextContent);
            if (line.Length > 0)
            {
                text.Append(line).Append('\n');
            }
        }

        return text.ToString().TrimEnd('\n');
    }

    private static int ParagraphWeight(IElement paragraph)
    {
        var length = NormalizeWhitespace(paragraph.TextContent).Length;
        return length < 25 || LinkDensity(paragraph) > 0.5 ? 0 : length;
    }

    private static double LinkDensity(IElement element)
    {
        var total = element.TextContent.Length;
        if (total == 0)
        {
            return 0;
        }

        var linked = element.QuerySelectorAll("a").Sum(a => a.TextContent.Length);
        return (double)linked / total;
    }

    private static Uri? CanonicalUrl(IDocument document, Uri pageUrl)
    {
        var href = document.QuerySelector("link[rel='canonical']")?.GetAttribute("href")
            ?? document.QuerySelector("meta[property='og:url']")?.GetAttribute("content");
        return !string.IsNullOrWhiteSpace(href) && Uri.TryCreate(pageUrl, href.Trim(), out var url) && url.Scheme is "http" or "https"
            ? url
            : null;
    }

    private static string? FirstText(IDocument document, string selector) =>
        document.QuerySelector(selector)?.TextContent is { } text && !string.IsNullOrWhiteSpace(text) ? text : null;

    /// <summary>"Headline | Site" or "Headline - Site": the longest part is the headline.</summary>
    private static string? StripSiteName(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var parts = title.Split([" | ", " - ", " — ", " – ", " :: "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length > 1 ? parts.MaxBy(p => p.Length) : title;
    }

    private static string? NormalizeLanguage(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var primary = raw.Trim().Split('-', '_')[0].ToLowerInvariant();
        return primary.Length is 2 or 3 && primary.All(char.IsAsciiLetterLower) ? primary : null;
    }

    /// <summary>
    /// Collapses runs of ordinary white space to one space. No-break spaces (U+00A0, U+202F) are kept:
    /// French typography puts them inside « » and before : ; ! ?.
    /// </summary>
    public static string NormalizeWhitespace(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (c is '\u00A0' or '\u202F' or '\u2007')
            {
                if (pendingSpace && builder.Length > 0)
                {
                    pendingSpace = false;
                }

                builder.Append(c);
                continue;
            }

            if (char.IsWhiteSpace(c) || c == '\u200B')
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace && builder.Length > 0 && builder[^1] is not ('\u00A0' or '\u202F' or '\u2007'))
            {
                builder.Append(' ');
            }

            pendingSpace = false;
            builder.Append(c);
        }

        return builder.ToString();
    }
}
