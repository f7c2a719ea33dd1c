using static NewsPulse.Digest.Tests.Stories;

namespace NewsPulse.Digest.Tests;

/// <summary>A window keyed once and shared by many subscribers gives each the digest composing alone would.</summary>
public sealed class DigestWindowTests
{
    private static readonly DigestStory[] Day =
    [
        Story(1, "Airbus widens its hydrogen programme", source: "A", tags: [Company("Airbus"), Country("FR ")], people: ["Hélène Lévy-Martin"]),
        Story(2, "Chip news", source: "B", lead: "L'hydrogène et les data-centres.", language: "fr", tags: [Theme("ai")]),
        Story(3, "Nokia results", source: "C", cluster: 1, tags: [Company("Nokia")]),
        Story(4, "Markets wrap", source: "a", tags: [Theme("markets")], people: ["Anna Berg"]),
    ];

    private static readonly DigestQuote[] Quotes =
    [
        Quote(1, "Anna Berg", "We will hire across the whole of Europe next year, and more after that.", companies: ["Airbus"]),
        Quote(2, "helene levy martin", "Hydrogen is the only way our aircraft get to zero emissions by 2035.", language: "fr"),
    ];

    private static readonly DigestPreferences[] Subscribers =
    [
        new() { Companies = ["airbus"], MaxStories = 3 },
        new() { Countries = ["fr"], People = ["Helene Levy Martin"], Locale = "fr" },
        new() { Keywords = ["hydrogène", "data centres"], Languages = ["fr"] },
        new() { Themes = ["markets", "ai"], Companies = ["Nokia"], MaxStories = 1 },
        new() { Companies = ["Siemens"] },
        new(),
    ];

    [Fact]
    public void One_window_serves_every_subscriber_as_composing_each_alone_does()
    {
        var window = new DigestWindow(Day, Quotes);

        // Twice over the same window, so composing for one subscriber cannot change what the next one gets.
        foreach (var preferences in Subscribers.Concat(Subscribers))
        {
            Assert.Equal(Describe(DigestComposer.Compose([.. Day], [.. Quotes], preferences, Stories.Day)), Describe(DigestComposer.Compose(window, preferences, Stories.Day)));
        }
    }

    [Fact]
    public void Indexed_follows_find_tags_people_and_keywords_whatever_their_case_spaces_and_accents()
    {
        var window = new DigestWindow(Day, Quotes);

        Assert.Equal([1L], Ids(DigestComposer.Compose(window, Subscribers[0], Stories.Day)));
        Assert.Equal([1L], Ids(DigestComposer.Compose(window, Subscribers[1], Stories.Day)));
        Assert.Equal([2L], Ids(DigestComposer.Compose(window, Subscribers[2], Stories.Day)));
        Assert.Null(DigestComposer.Compose(window, Subscribers[4], Stories.Day));
        Assert.Equal(["Anna Berg"], DigestComposer.Compose(window, Subscribers[0], Stories.Day)!.QuotesOfTheDay.Select(q => q.Speaker));
        Assert.Equal(["helene levy martin"], DigestComposer.Compose(window, Subscribers[1], Stories.Day)!.QuotesOfTheDay.Select(q => q.Speaker));
    }

    [Fact]
    public void An_empty_window_matches_nothing()
    {
        Assert.Null(DigestComposer.Compose(new DigestWindow([], []), new DigestPreferences(), Stories.Day));
    }

    private static long[] Ids(Digest? digest) => [.. digest!.Entries.Select(e => e.Story.ArticleId)];

    private static string Describe(Digest? digest) => digest is null ? "none" :
        $"{digest.Subject}|{digest.Preheader}|{digest.MatchingStories}|{string.Join(",", digest.QuotesOfTheDay.Select(q => q.QuoteId))}|"
        + string.Join(";", digest.Entries.Select(e => $"{e.Story.ArticleId}:{e.Score:R}:{string.Join(",", e.OtherSources)}:{string.Join(",", e.Matched)}"));
}
