using System.Text.Json;
using AngleSharp.Dom;
using NewsPulse.Ingest.Feeds;

namespace NewsPulse.Ingest.Extraction;

/// <summary>
/// Metadata read from a page's head: JSON-LD first (publishers maintain it for search engines),
/// then Open Graph and article:* meta tags, then plain HTML.
/// </summary>
internal sealed class PageMetadata
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

    /// <param name="document">The parsed page.</param>
    /// <param name="jsonLd">The page's JSON-LD blocks (the parser does not keep script text).</param>
    public static PageMetadata Read(IDocument document, IEnumerable<string> jsonLd)
    {
        var metadata = new PageMetadata();
        foreach (var json in jsonLd)
        {
            metadata.ReadJsonLd(json);
        }

        metadata.Headline ??= Meta(document, "og:title") ?? Meta(document, "twitter:title");
        metadata.SiteName ??= Meta(document, "og:site_name");
        metadata.Description ??= Meta(document, "og:description") ?? Meta(document, "description");
        metadata.Published ??= FeedParser.ParseDate(Meta(document, "article:published_time") ?? Meta(document, "date") ?? Meta(document, "dc.date"));
        metadata.Modified ??= FeedParser.ParseDate(Meta(document, "article:modified_time") ?? Meta(document, "og:updated_time"));
        metadata.DeclaresArticle |= string.Equals(Meta(document, "og:type"), "article", StringComparison.OrdinalIgnoreCase);
        if (metadata.Authors.Count == 0 && (Meta(document, "author") ?? Meta(document, "article:author")) is { } author && !author.StartsWith("http", StringComparison.Ordinal))
        {
            metadata.Authors.Add(author);
        }

        if (metadata.Published is null && document.QuerySelector("article time[datetime], time[datetime]") is { } time)
        {
            metadata.Published = FeedParser.ParseDate(time.GetAttribute("datetime"));
        }

        return metadata;
    }

    private static string? Meta(IDocument document, string name)
    {
        foreach (var meta in document.Head?.QuerySelectorAll("meta") ?? Enumerable.Empty<IElement>())
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && meta.GetAttribute("content") is { } content && !string.IsNullOrWhiteSpace(content))
            {
                return content.Trim();
            }
        }

        return null;
    }

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

            if (SiteName is null && node.TryGetProperty("publisher", out var publisher))
            {
                SiteName = Names(publisher).FirstOrDefault();
            }
        }
    }

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
