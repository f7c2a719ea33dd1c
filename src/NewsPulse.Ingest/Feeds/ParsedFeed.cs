using NewsPulse.Domain;

namespace NewsPulse.Ingest.Feeds;

/// <summary>A feed document after parsing: its items, the entries that had to be skipped and why, and its RSS &lt;ttl&gt;.</summary>
public sealed record ParsedFeed(
    string Format,
    string? Title,
    string? Language,
    IReadOnlyList<FeedItem> Items,
    IReadOnlyList<string> SkippedItems,
    TimeSpan? Ttl = null);
