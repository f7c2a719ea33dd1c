using NewsPulse.Domain;

namespace NewsPulse.Ingest.Feeds;

/// <summary>A feed document after parsing: its items, and the entries that had to be skipped and why.</summary>
public sealed record ParsedFeed(
    string Format,
    string? Title,
    string? Language,
    IReadOnlyList<FeedItem> Items,
    IReadOnlyList<string> SkippedItems);
