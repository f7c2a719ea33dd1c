using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsPulse.Ingest.Feeds;

namespace NewsPulse.Ingest.Extraction;

/// <summary>
/// Metadata read from a page's head: JSON-LD first (publishers maintain it for search engines),
/// then Open Graph and article:* meta tags, then plain HTML.
/// </summary>
internal sealed partial class PageMetadata
{
    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BlogPosting", "TechArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "LiveBlogPosting", "Report",
    };

    public string? Headline { get; private set; }

    public string? ArticleBody { get; private set; }

    public List<string> Authors { get; } = [];

    public DateTimeOffset? Published { get; private set; }

    public DateTimeOffset? Modified { get; private set; }

    public string? Language { get; private set; }

    public string? SiteName { get; private set; }

    public string? Description { get; private set; }

    public bool DeclaresArticle { get; private set; }

    /// <summary>The text of the page's first h1.</summary>
    public string? FirstHeading { get; private set; }

    /// <summary>The document's &lt;title&gt;, site name and all.</summary>
    public string? DocumentTitle { get; private set; }

    /// <summary>&lt;link rel=canonical&gt; or og:url as the page gives it (maybe relative).</summary>
    public string? CanonicalHref { get; private set; }

    /// <summary>The lead image as the page gives it (maybe relative).</summary>
    public string? Image { get; private set; }

    /// <param name="page">What the walk over the page collected, completed.</param>
    /// <param name="jsonLd">The page's JSON-LD blocks (the parser does not keep script text).</param>
    public static PageMetadata Read(PageSignals page, IEnumerable<string> jsonLd)
    {
        var metadata = new PageMetadata();
        foreach (var json in jsonLd)
        {
            metadata.ReadJsonLd(json);
        }

        ArgumentNullException.ThrowIfNull(page);
        metadata.FirstHeading = page.FirstHeading;
        metadata.DocumentTitle = page.Title;
        metadata.CanonicalHref = page.Canonical ?? page.Meta("og:url");
        metadata.Headline ??= page.Meta("og:title", "twitter:title");
        metadata.SiteName ??= page.Meta("og:site_name", "application-name");
        metadata.Description ??= page.Meta("og:description", "description", "twitter:description");
        metadata.Image ??= page.Meta("og:image", "og:image:url", "twitter:image");
        metadata.Published ??= FeedParser.ParseDate(page.Meta("article:published_time", "datePublished", "date", "dc.date", "dcterms.created"))
            ?? FeedParser.ParseDate(page.ItemPublished) ?? FeedParser.ParseDate(page.TimeElement);
        metadata.Modified ??= FeedParser.ParseDate(page.Meta("article:modified_time", "og:updated_time", "dateModified")) ?? FeedParser.ParseDate(page.ItemModified);
        metadata.DeclaresArticle |= string.Equals(page.Meta("og:type"), "article", StringComparison.OrdinalIgnoreCase);
        if (metadata.Authors.Count == 0 && page.Meta("author", "article:author") is { } author && !author.StartsWith("http", StringComparison.Ordinal))
        {
            metadata.Authors.Add(author);
        }

        if (metadata.Authors.Count == 0)
        {
            metadata.Authors.AddRange(BylineNames(page.BylineElements.Select(element => element.GetAttribute("content") ?? element.TextContent)));
        }

        return metadata;
    }

    /// <summary>
    /// Authors named in the page rather than its head (microdata author names, rel=author links, byline elements),
    /// with the "By" / "Par" / "Von" / "Por" lead-in and any trailing date or place removed; the first usable one wins.
    /// </summary>
    private static string[] BylineNames(IEnumerable<string> texts)
    {
        var first = texts
            .Select(text => BylinePrefix().Replace(ArticleExtractor.NormalizeWhitespace(text).Trim(), string.Empty))
            .Select(text => text.Split([" | ", " · ", " - ", " — ", ", le ", " on ", "\n"], StringSplitOptions.TrimEntries)[0].Trim(' ', ',', '.'))
            .FirstOrDefault(text => text.Length is >= 3 and <= 60 && !text.Any(char.IsDigit) && text.Count(char.IsWhiteSpace) <= 6);
        return first is null ? [] : first.Split([" and ", " et ", " & ", ", "], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>A class list with "byline" anywhere in it, or a class that is exactly "author" or "article-author".</summary>
    private static bool NamesByline(string className)
    {
        if (className.Contains("byline", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var names = className.AsSpan();
        foreach (var range in names.Split(' '))
        {
            if (names[range] is "author" or "article-author")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Everything metadata reads from the tree, gathered element by element during the one walk the extractor makes
    /// over the page anyway (CSS selectors would walk it once each).
    /// </summary>
    internal sealed class PageSignals
    {
        private readonly Dictionary<string, string> _meta = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<IElement> _microdata = [];
        private readonly List<IElement> _links = [];
        private readonly List<IElement> _classes = [];
        private string? _timeInArticle;

        public string? ItemPublished { get; private set; }

        public string? ItemModified { get; private set; }

        public string? TimeElement { get; private set; }

        public string? FirstHeading { get; private set; }

        public string? Title { get; private set; }

        public string? Canonical { get; private set; }

        /// <summary>Byline candidates in order of trust: microdata author names, rel=author, byline/author classes.</summary>
        public List<IElement> BylineElements { get; } = [];

        public string? Meta(params string[] names) => names.Select(name => _meta.GetValueOrDefault(name)).FirstOrDefault(value => value is not null);

        /// <summary>Reads one element's signals; called for every element of the page, in document order.</summary>
        public void Visit(IElement element)
        {
            switch (element.LocalName)
            {
                case "h1" when FirstHeading is null && !string.IsNullOrWhiteSpace(element.TextContent):
                    FirstHeading = element.TextContent;
                    break;
                case "title" when Title is null && element.Closest("svg") is null:
                    Title = element.TextContent;
                    break;
            }

            // Most elements carry no attribute at all, and every signal below is an attribute: read the two
            // that any element may carry in one pass over its attributes.
            var attributes = element.Attributes;
            if (attributes.Length == 0)
            {
                return;
            }

            string? itemprop = null, className = null;
            for (var i = 0; i < attributes.Length; i++)
            {
                switch (attributes[i]!.Name)
                {
                    case "itemprop":
                        itemprop = attributes[i]!.Value;
                        break;
                    case "class":
                        className = attributes[i]!.Value;
                        break;
                }
            }

            switch (element.LocalName)
            {
                case "meta":
                    var key = element.GetAttribute("property") ?? element.GetAttribute("name") ?? itemprop;
                    if (key is not null && element.GetAttribute("content") is { } content && !string.IsNullOrWhiteSpace(content))
                    {
                        _meta.TryAdd(key, content.Trim());
                    }

                    break;
                case "link" when Canonical is null && string.Equals(element.GetAttribute("rel"), "canonical", StringComparison.OrdinalIgnoreCase):
                    Canonical = element.GetAttribute("href");
                    break;
                case "a" when element.GetAttribute("rel") == "author":
                    _links.Add(element);
                    break;
                case "time" when element.GetAttribute("datetime") is { } datetime:
                    TimeElement ??= datetime;
                    _timeInArticle ??= element.Closest("article") is null ? null : datetime;
                    break;
            }

            switch (itemprop)
            {
                case "datePublished":
                    ItemPublished ??= element.GetAttribute("datetime") ?? element.GetAttribute("content") ?? element.TextContent;
                    break;
                case "dateModified":
                    ItemModified ??= element.GetAttribute("datetime") ?? element.GetAttribute("content") ?? element.TextContent;
                    break;
                case "name" when element.ParentElement?.Closest("[itemprop='author']") is not null:
                case "author" when element.QuerySelector("[itemprop='name']") is null:
                    _microdata.Add(element);
                    break;
            }

            if (className is not null && element.LocalName != "meta" && (_links.Count == 0 || _links[^1] != element) && NamesByline(className))
            {
                _classes.Add(element);
            }
        }

        /// <summary>Settles what needs the whole page seen: the article's own time first, bylines in order of trust.</summary>
        public PageSignals Complete()
        {
            TimeElement = _timeInArticle ?? TimeElement;
            BylineElements.AddRange(_microdata.Concat(_links).Concat(_classes));
            return this;
        }
    }

    [GeneratedRegex(@"^(by|par|von|por|di|door|de)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex BylinePrefix();

    private void ReadJsonLd(string json)
    {
        try
        {
            using var parsed = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            Visit(parsed.RootElement, depth: 0);
        }
        catch (JsonException)
        {
            // Broken JSON-LD is common on real pages; the other metadata sources still apply.
        }
    }

    private void Visit(JsonElement node, int depth)
    {
        if (depth > 4)
        {
            return;
        }

        if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in node.EnumerateArray())
            {
                Visit(child, depth + 1);
            }

            return;
        }

        if (node.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (node.TryGetProperty("@graph", out var graph))
        {
            Visit(graph, depth + 1);
        }

        if (IsArticle(node))
        {
            DeclaresArticle = true;
            Headline ??= Text(node, "headline") ?? Text(node, "name");
            ArticleBody ??= Text(node, "articleBody");
            Description ??= Text(node, "description");
            Language ??= Text(node, "inLanguage");
            Published ??= FeedParser.ParseDate(Text(node, "datePublished"));
            Modified ??= FeedParser.ParseDate(Text(node, "dateModified"));
            if (Authors.Count == 0 && node.TryGetProperty("author", out var author))
            {
                Authors.AddRange(Names(author));
            }

            if (Image is null && node.TryGetProperty("image", out var image))
            {
                Image = ImageUrl(image);
            }

            if (SiteName is null && node.TryGetProperty("publisher", out var publisher))
            {
                SiteName = Names(publisher).FirstOrDefault();
            }
        }
    }

    /// <summary>schema.org image: a URL, an ImageObject with url, or a list of either (the first wins).</summary>
    private static string? ImageUrl(JsonElement node) => node.ValueKind switch
    {
        JsonValueKind.String => node.GetString(),
        JsonValueKind.Object => Text(node, "url") ?? Text(node, "contentUrl"),
        JsonValueKind.Array => node.EnumerateArray().Select(ImageUrl).FirstOrDefault(url => url is not null),
        _ => null,
    };

    private static bool IsArticle(JsonElement node)
    {
        if (!node.TryGetProperty("@type", out var type))
        {
            return false;
        }

        return type.ValueKind switch
        {
            JsonValueKind.String => ArticleTypes.Contains(type.GetString()!),
            JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && ArticleTypes.Contains(t.GetString()!)),
            _ => false,
        };
    }

    private static IEnumerable<string> Names(JsonElement node) => node.ValueKind switch
    {
        JsonValueKind.String => [node.GetString()!.Trim()],
        JsonValueKind.Array => node.EnumerateArray().SelectMany(Names),
        JsonValueKind.Object => Text(node, "name") is { } name ? [name] : [],
        _ => [],
    };

    private static string? Text(JsonElement node, string property) =>
        node.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;
}
