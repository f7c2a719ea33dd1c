using System.Xml;
using System.Xml.Linq;
using NewsPulse.Domain;

namespace NewsPulse.Ingest.Feeds;

/// <summary>
/// OPML, the feed readers' exchange format. Reading keeps nested outlines' titles as the feed's category and
/// skips repeated URLs; a malformed file is one error with its line. Writing groups feeds by category.
/// </summary>
public static class OpmlFile
{
    public static FeedsFile Parse(string xml, string fileName)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var feeds = new List<FeedDefinition>();
        var errors = new List<FeedsFileError>();
        XDocument document;
        try
        {
            document = XDocument.Parse(xml, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            errors.Add(new FeedsFileError(fileName, ex.LineNumber, ex.LinePosition, $"not well-formed OPML: {ex.Message}"));
            return new FeedsFile(fileName, feeds, errors);
        }

        var body = document.Root is { Name.LocalName: "opml" } root ? root.Element("body") : null;
        if (body is null)
        {
            errors.Add(new FeedsFileError(fileName, 1, 1, "not an OPML file: expected <opml> with a <body>"));
            return new FeedsFile(fileName, feeds, errors);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var outline in body.Descendants("outline"))
        {
            var xmlUrl = (string?)outline.Attribute("xmlUrl");
            if (string.IsNullOrWhiteSpace(xmlUrl))
            {
                continue; // a folder of feeds, not a feed
            }

            var line = (IXmlLineInfo)outline;
            if (!Uri.TryCreate(xmlUrl.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                errors.Add(new FeedsFileError(fileName, line.LineNumber, line.LinePosition, $"xmlUrl must be an absolute http(s) URL: '{xmlUrl}'"));
                continue;
            }

            if (!seen.Add(ArticleUrl.Normalize(url).AbsoluteUri))
            {
                continue;
            }

            var name = Text(outline, "title") ?? Text(outline, "text") ?? url.Host;
            var folders = outline.Ancestors("outline").Reverse().Select(folder => Text(folder, "title") ?? Text(folder, "text")).OfType<string>().ToArray();
            var category = Text(outline, "category")?.Split(',')[0].Trim('/', ' ') ?? (folders.Length > 0 ? string.Join(" / ", folders) : null);
            var language = Text(outline, "language") is { Length: >= 2 } lang ? lang[..2].ToLowerInvariant() : null;
            feeds.Add(new FeedDefinition(name, url, language, FeedsFileParser.DefaultPollInterval, category, true));
        }

        return new FeedsFile(fileName, feeds, errors);
    }

    public static string Write(IEnumerable<FeedDefinition> feeds, string title)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        var body = new XElement("body");
        foreach (var group in feeds.GroupBy(f => f.Category).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var outlines = group.Select(feed => new XElement(
                "outline",
                new XAttribute("type", "rss"),
                new XAttribute("text", feed.Name),
                new XAttribute("title", feed.Name),
                new XAttribute("xmlUrl", feed.Url.AbsoluteUri),
                feed.Language is null ? null : new XAttribute("language", feed.Language)));
            if (group.Key is null)
            {
                body.Add(outlines);
            }
            else
            {
                body.Add(new XElement("outline", new XAttribute("text", group.Key), new XAttribute("title", group.Key), outlines));
            }
        }

        var opml = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement("opml", new XAttribute("version", "2.0"), new XElement("head", new XElement("title", title)), body));
        return opml.Declaration + "\n" + opml.Root;
    }

    private static string? Text(XElement element, string attribute) =>
        (string?)element.Attribute(attribute) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
