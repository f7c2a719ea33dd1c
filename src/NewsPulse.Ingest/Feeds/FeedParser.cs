using System.Globalization;
using System.Text.RegularExpressions;
using CodeHollow.FeedReader;
using FeedItem = NewsPulse.Domain.FeedItem;

namespace NewsPulse.Ingest.Feeds;

/// <summary>
/// Turns RSS 0.9x/1.0/2.0, Atom and JSON Feed documents into <see cref="ParsedFeed"/> through CodeHollow.FeedReader.
/// Pure: bytes in, records out.
/// </summary>
public static partial class FeedParser
{
    private static readonly string[] Rfc822Formats =
    [
        "d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm zzz", "d MMM yyyy HH:mm:ss", "d MMMM yyyy HH:mm:ss zzz",
    ];

    /// <summary>Parses a feed document; relative item links are resolved against <paramref name="feedUrl"/>.</summary>
    /// <exception cref="FeedParseException">The content is not a readable feed.</exception>
    public static ParsedFeed Parse(byte[] content, Uri feedUrl)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(feedUrl);
        if (content.Length == 0)
        {
            throw new FeedParseException("the feed is empty (0 bytes)");
        }

        content = FeedRepair.RecodeMislabelledLegacyBytes(content);
        var feed = TryRead(content, out var error)
            ?? (FeedRepair.TryRepair(content) is { } repaired ? TryRead(repaired, out _) : null)
            ?? throw new FeedParseException($"not a readable RSS, Atom or JSON feed ({Describe(content)}): {error!.Message}", error!);

        var items = new List<FeedItem>();
        var skipped = new List<string>();
        foreach (var item in feed.Items)
        {
            var link = ResolveLink(item.Link, feedUrl) ?? ResolveLink(item.Id, feedUrl);
            if (link is null)
            {
                skipped.Add($"item '{Clean(item.Title) ?? item.Id ?? "(untitled)"}' has no usable http(s) link");
                continue;
            }

            items.Add(new FeedItem(
                link,
                Clean(item.Id),
                Clean(item.Title),
                Clean(item.Description),
                Clean(item.Author) ?? Creator(item.SpecificItem),
                ParseDate(item.PublishingDateString) ?? AsUtc(item.PublishingDate)));
        }

        return new ParsedFeed(feed.Type.ToString(), Clean(feed.Title), Clean(feed.Language), items, skipped, Ttl(feed.SpecificFeed));
    }

    private static Feed? TryRead(byte[] content, out Exception? error)
    {
        try
        {
            error = null;
            return FeedReader.ReadFromByteArray(content);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The parser throws whatever its XML or JSON layer throws on bad input; all of it means "not a feed".
            error = ex;
            return null;
        }
    }

    /// <summary>RFC 822 (RSS) and ISO 8601 (Atom, JSON Feed) dates, keeping the original offset.</summary>
    public static DateTimeOffset? ParseDate(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var text = raw.Trim();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        // RFC 822 writes offsets as +0100 and zones as GMT/UT; .NET wants +01:00. The weekday is dropped:
        // feeds often get it wrong, and .NET rejects a date whose weekday does not match.
        var normalised = NumericOffset().Replace(LeadingWeekday().Replace(text, string.Empty), m => $"{m.Groups[1].Value}{m.Groups[2].Value}:{m.Groups[3].Value}");
        normalised = NamedUtcZone().Replace(normalised, " +00:00");
        return DateTimeOffset.TryParseExact(normalised, Rfc822Formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out parsed)
            ? parsed
            : null;
    }

    /// <summary>RSS 2.0 &lt;ttl&gt;: minutes the publisher asks readers to cache the feed.</summary>
    private static TimeSpan? Ttl(CodeHollow.FeedReader.Feeds.BaseFeed? feed) =>
        feed is CodeHollow.FeedReader.Feeds.Rss20Feed rss && int.TryParse(rss.TTL, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes > 0
            ? TimeSpan.FromMinutes(minutes)
            : null;

    /// <summary>Many RSS feeds name the author only in Dublin Core's dc:creator, which the generic item does not carry.</summary>
    private static string? Creator(CodeHollow.FeedReader.Feeds.BaseFeedItem? item) => item switch
    {
        CodeHollow.FeedReader.Feeds.Rss20FeedItem rss20 => Clean(rss20.DC?.Creator),
        CodeHollow.FeedReader.Feeds.Rss10FeedItem rss10 => Clean(rss10.DC?.Creator),
        _ => null,
    };

    private static DateTimeOffset? AsUtc(DateTime? value) =>
        value is { } date ? new DateTimeOffset(DateTime.SpecifyKind(date, date.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : date.Kind)) : null;

    private static Uri? ResolveLink(string? raw, Uri feedUrl)
    {
        if (string.IsNullOrWhiteSpace(raw) || !Uri.TryCreate(feedUrl, raw.Trim(), out var link))
        {
            return null;
        }

        return link.Scheme is "http" or "https" ? link : null;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Describe(byte[] content)
    {
        var head = System.Text.Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 512)).TrimStart('\uFEFF', ' ', '\r', '\n', '\t');
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            ? "an HTML page"
            : $"{content.Length} bytes starting with '{new string(head.Take(40).Select(c => char.IsControl(c) ? ' ' : c).ToArray())}'";
    }

    [GeneratedRegex(@"^[A-Za-z]{3,9},?\s+")]
    private static partial Regex LeadingWeekday();

    [GeneratedRegex(@"([+-])(\d{2})(\d{2})$")]
    private static partial Regex NumericOffset();

    [GeneratedRegex(@"\s(GMT|UT|UTC|Z)$")]
    private static partial Regex NamedUtcZone();
}
