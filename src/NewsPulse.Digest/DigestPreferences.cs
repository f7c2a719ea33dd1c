namespace NewsPulse.Digest;

/// <summary>What one subscriber follows; companies, countries and themes are stored tag values, people full names.</summary>
public sealed record DigestPreferences
{
    public IReadOnlyList<string> Companies { get; init; } = [];

    public IReadOnlyList<string> Countries { get; init; } = [];

    public IReadOnlyList<string> Themes { get; init; } = [];

    public IReadOnlyList<string> People { get; init; } = [];

    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>Story languages wanted (ISO 639-1); empty takes every language.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>Entries in the email, clamped to 1..50.</summary>
    public int MaxStories { get; init; } = 10;

    /// <summary>The language of the email's own text: "en" or "fr"; anything else reads as English.</summary>
    public string Locale { get; init; } = "en";
}
