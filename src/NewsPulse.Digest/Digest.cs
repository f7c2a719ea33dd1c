namespace NewsPulse.Digest;

/// <summary>
/// A composed digest, ready to render: entries best first, quotes of the day, and the number of matching story clusters
/// before the subscriber's maximum was applied.
/// </summary>
public sealed record Digest(
    DateOnly Date,
    string Locale,
    IReadOnlyList<DigestEntry> Entries,
    IReadOnlyList<DigestQuote> QuotesOfTheDay,
    int MatchingStories,
    string Subject,
    string Preheader)
{
    /// <summary>What the subscriber follows, as readers see it, so the footer can say why this email came.</summary>
    public IReadOnlyList<string> Following { get; init; } = [];
}
