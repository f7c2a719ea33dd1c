namespace NewsPulse.Digest;

/// <summary>
/// A story first seen in the digest's window. <paramref name="ClusterId"/> names its story cluster (the article's own id when
/// no other outlet carried it); <paramref name="Lead"/> is the start of its text; <paramref name="Source"/> the outlet or feed name.
/// </summary>
public sealed record DigestStory(
    long ArticleId,
    long ClusterId,
    string Title,
    string Lead,
    string Url,
    string Source,
    string? Language,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset? PublishedAt,
    IReadOnlyList<DigestTag> Tags,
    IReadOnlyList<string> PeopleQuoted);
