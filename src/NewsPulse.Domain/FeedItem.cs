namespace NewsPulse.Domain;

/// <summary>One entry of a parsed feed, with its link already made absolute; <c>EntryId</c> is the RSS guid, Atom id or JSON Feed id.</summary>
public sealed record FeedItem(
    Uri Link,
    string? EntryId,
    string? Title,
    string? Summary,
    string? Author,
    DateTimeOffset? PublishedAt);
