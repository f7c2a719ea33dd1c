namespace NewsPulse.Digest;

/// <summary>A quote from a story of the window; <paramref name="Companies"/> are the company tags of its article.</summary>
public sealed record DigestQuote(
    long QuoteId,
    long ArticleId,
    string Text,
    string Speaker,
    long? PersonId,
    string? SpeakerTitle,
    string? SpeakerOrg,
    string? Language,
    IReadOnlyList<string> Companies)
{
    /// <summary>The speaker's own words in quote marks rather than reported speech; direct quotes read better out of context.</summary>
    public bool Direct { get; init; } = true;
}
