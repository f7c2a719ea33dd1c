namespace NewsPulse.Digest.Tests;

/// <summary>Stories and quotes written for these tests, on one day: 6 December 2026, window ending at 07:00 UTC.</summary>
internal static class Stories
{
    public static readonly DateOnly Day = new(2026, 12, 6);

    public static readonly DateTimeOffset WindowEnd = new(2026, 12, 6, 7, 0, 0, TimeSpan.Zero);

    public static DigestStory Story(
        long id,
        string title,
        string source = "Le Monde",
        string lead = "Lead text.",
        string? language = "en",
        long? cluster = null,
        double hoursAgo = 2,
        IReadOnlyList<DigestTag>? tags = null,
        IReadOnlyList<string>? people = null,
        string? url = null) =>
        new(id, cluster ?? id, title, lead, url ?? $"https://news.example/{id}", source, language, WindowEnd.AddHours(-hoursAgo), WindowEnd.AddHours(-hoursAgo - 1), tags ?? [], people ?? []);

    public static DigestTag Company(string name, double confidence = 0.9) => new("company", name, confidence);

    public static DigestTag Country(string code, double confidence = 0.9) => new("country", code, confidence);

    public static DigestTag Theme(string name, double confidence = 0.9) => new("theme", name, confidence);

    public static DigestQuote Quote(long id, string speaker, string text, string? language = "en", IReadOnlyList<string>? companies = null, long articleId = 1) =>
        new(id, articleId, text, speaker, null, null, null, language, companies ?? []);

    public static Digest Compose(DigestPreferences preferences, params DigestStory[] stories) =>
        DigestComposer.Compose(stories, [], preferences, Day) ?? throw new InvalidOperationException("nothing matched");
}
