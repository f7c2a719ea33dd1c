using static NewsPulse.Digest.Tests.Stories;

namespace NewsPulse.Digest.Tests;

/// <summary>Matching, clustering, ranking and quotes of the day, on stories written for these tests.</summary>
public class DigestComposerTests
{
    private static List<long> Ids(Digest digest) => [.. digest.Entries.Select(e => e.Story.ArticleId)];

    [Fact]
    public void Each_kind_of_follow_matches_and_says_why()
    {
        DigestStory[] stories =
        [
            Story(1, "Plane maker raises output", tags: [Company("Airbus")]),
            Story(2, "Budget vote in Paris", tags: [Country("FR")]),
            Story(3, "A new licence for the kernel", tags: [Theme("open-source")]),
            Story(4, "Chipmakers meet", people: ["Lisa Su"]),
            Story(5, "Hydrogen trains ordered"),
            Story(6, "Nothing followed here", tags: [Company("Nokia")]),
        ];
        var preferences = new DigestPreferences { Companies = ["airbus"], Countries = ["FR"], Themes = ["open-source"], People = ["Lisa Su"], Keywords = ["hydrogen"] };

        var digest = DigestComposer.Compose(stories, [], preferences, Day)!;

        Assert.Equal([1L, 2, 3, 4, 5], Ids(digest).Order());
        Assert.Equal(5, digest.MatchingStories);
        var reasons = digest.Entries.ToDictionary(e => e.Story.ArticleId, e => Assert.Single(e.Matched));
        Assert.Equal("Airbus", reasons[1]);
        Assert.Equal("France", reasons[2]);
        Assert.Equal("Open source", reasons[3]);
        Assert.Equal("Lisa Su", reasons[4]);
        Assert.Equal("keyword: hydrogen", reasons[5]);
    }

    [Fact]
    public void Keywords_match_whole_words_through_french_elision_accents_and_case()
    {
        DigestStory[] stories =
        [
            Story(1, "Les commandes d'Airbus s'envolent", language: "fr"),
            Story(2, "L'HYDROGÈNE vert accélère", language: "fr"),
            Story(3, "Airbusiness class is back"),
            Story(4, "Central bank holds rates", lead: "The central   bank said so."),
        ];
        var preferences = new DigestPreferences { Keywords = ["Airbus", "hydrogène", "central bank"] };

        var digest = DigestComposer.Compose(stories, [], preferences, Day)!;

        Assert.Equal([1L, 2, 4], Ids(digest).Order());
        Assert.Equal("keyword: hydrogène", Assert.Single(digest.Entries, e => e.Story.ArticleId == 2).Matched[0]);
    }

    [Fact]
    public void People_match_without_case_or_diacritics()
    {
        var digest = Compose(new DigestPreferences { People = ["Hélène Lévy-Martin"] }, Story(1, "Interview", people: ["helene levy martin"]), Story(2, "Other", people: ["Hélène Martin"]));

        Assert.Equal([1L], Ids(digest));
        Assert.Equal(["Hélène Lévy-Martin"], digest.Entries[0].Matched);
    }

    [Fact]
    public void Keyword_in_the_title_ranks_above_keyword_in_the_lead()
    {
        var digest = Compose(new DigestPreferences { Keywords = ["quantum"] }, Story(1, "Chip news", source: "A", lead: "A quantum leap."), Story(2, "Quantum chip news", source: "B"));

        Assert.Equal([2L, 1], Ids(digest));
    }

    [Fact]
    public void The_languages_filter_drops_other_languages_and_unknown_ones()
    {
        var preferences = new DigestPreferences { Companies = ["Airbus"], Languages = ["fr"] };

        var digest = Compose(preferences, Story(1, "Airbus in English", tags: [Company("Airbus")]), Story(2, "Airbus en français", language: "fr", tags: [Company("Airbus")]), Story(3, "Unknown", language: null, tags: [Company("Airbus")]));

        Assert.Equal([2L], Ids(digest));
    }

    [Fact]
    public void Following_nothing_gives_the_most_covered_stories()
    {
        DigestStory[] stories =
        [
            Story(1, "Lonely story", source: "A"),
            Story(2, "Big story", source: "B", cluster: 20),
            Story(3, "Big story again", source: "C", cluster: 20),
            Story(4, "Big story thrice", source: "D", cluster: 20),
        ];

        var digest = DigestComposer.Compose(stories, [Quote(1, "Anna Berg", "We will hire across the whole of Europe next year.")], new DigestPreferences(), Day)!;

        Assert.Equal(20, digest.Entries[0].Story.ClusterId);
        Assert.Equal(2, digest.Entries.Count);
        Assert.All(digest.Entries, e => Assert.Empty(e.Matched));
        Assert.Empty(digest.QuotesOfTheDay);
        Assert.Empty(digest.Following);
    }

    [Fact]
    public void Nothing_matching_gives_no_digest()
    {
        var digest = DigestComposer.Compose([Story(1, "Unrelated", tags: [Company("Nokia")])], [], new DigestPreferences { Companies = ["Airbus"] }, Day);

        Assert.Null(digest);
        Assert.Null(DigestComposer.Compose([], [], new DigestPreferences(), Day));
    }

    [Fact]
    public void A_cluster_is_one_entry_shown_through_its_best_story_with_the_other_outlets()
    {
        DigestStory[] stories =
        [
            Story(1, "Airbus wins order", source: "Reuters", cluster: 1, hoursAgo: 5, tags: [Company("Airbus")]),
            Story(2, "Airbus remporte une commande", source: "Les Echos", language: "fr", cluster: 1, hoursAgo: 4, tags: [Company("Airbus")]),
            Story(3, "Airbus order, again", source: "Reuters", cluster: 1, hoursAgo: 3, tags: [Company("Airbus")]),
            Story(4, "Order for planes", source: "BBC", cluster: 1, hoursAgo: 2),
        ];

        var english = Compose(new DigestPreferences { Companies = ["Airbus"] }, stories);
        var french = Compose(new DigestPreferences { Companies = ["Airbus"], Locale = "fr" }, stories);

        var entry = Assert.Single(english.Entries);
        Assert.Equal(1, entry.Story.ArticleId);
        Assert.Equal(2, entry.OtherOutlets);
        Assert.Equal(["BBC", "Les Echos"], entry.OtherSources);
        Assert.Equal(2, Assert.Single(french.Entries).Story.ArticleId);
        Assert.Equal(["BBC", "Reuters"], french.Entries[0].OtherSources);
    }

    [Fact]
    public void One_outlet_cannot_fill_the_digest_when_others_match()
    {
        var prolific = Enumerable.Range(1, 8).Select(i => Story(i, $"Airbus story {i}", source: "Wire", tags: [Company("Airbus", 0.95)]));
        var others = Enumerable.Range(11, 3).Select(i => Story(i, $"Airbus story {i}", source: $"Outlet {i}", hoursAgo: 10, tags: [Company("Airbus", 0.7)]));

        var digest = Compose(new DigestPreferences { Companies = ["Airbus"], MaxStories = 5 }, [.. prolific, .. others]);

        Assert.Equal(5, digest.Entries.Count);
        Assert.Equal(11, digest.MatchingStories);
        Assert.InRange(digest.Entries.Count(e => e.Story.Source == "Wire"), 1, 3);
        Assert.Equal("Wire", digest.Entries[0].Story.Source);
        Assert.True(digest.Entries.Zip(digest.Entries.Skip(1)).All(p => p.First.Score >= p.Second.Score), "entries read best first");
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 3)]
    [InlineData(500, 50)]
    public void Max_stories_is_clamped_between_1_and_50(int max, int expected)
    {
        var stories = Enumerable.Range(1, 60).Select(i => Story(i, $"Story {i}", source: $"S{i}")).ToArray();

        var digest = Compose(new DigestPreferences { MaxStories = max }, stories);

        Assert.Equal(expected, digest.Entries.Count);
    }

    [Fact]
    public void Ranking_is_deterministic_whatever_the_input_order()
    {
        var stories = Enumerable.Range(1, 12).Select(i => Story(i, $"Airbus {i}", source: $"S{i % 3}", tags: [Company("Airbus")])).ToArray();
        var preferences = new DigestPreferences { Companies = ["Airbus"] };

        Assert.Equal(Ids(Compose(preferences, stories)), Ids(Compose(preferences, [.. stories.Reverse()])));
    }

    [Fact]
    public void Quotes_of_the_day_come_from_followed_people_and_companies_one_per_speaker()
    {
        DigestQuote[] quotes =
        [
            Quote(1, "Lisa Su", "Short one.", companies: ["AMD"]),
            Quote(2, "Lisa Su", "Demand for accelerators will keep growing through next year, in every region we serve."),
            Quote(3, "Guillaume Faury", "Nous allons augmenter les cadences dès le printemps prochain, comme prévu.", language: "fr", companies: ["Airbus"]),
            Quote(4, "Someone Else", "This quote is about a company nobody here follows at all, sadly.", companies: ["Nokia"]),
            Quote(5, "Indirect Speaker", "That output would rise next year according to the plan announced.", companies: ["Airbus"]) with { Direct = false },
        ];
        var preferences = new DigestPreferences { People = ["lisa su"], Companies = ["Airbus"] };

        var digest = DigestComposer.Compose([Story(1, "Any", tags: [Company("Airbus")])], quotes, preferences, Day)!;

        Assert.Equal([2L, 3, 5], digest.QuotesOfTheDay.Select(q => q.QuoteId));
    }

    [Fact]
    public void No_quotes_of_the_day_without_followed_people_or_companies()
    {
        var digest = DigestComposer.Compose([Story(1, "Hydrogen")], [Quote(1, "Lisa Su", "A long enough quote about hydrogen and everything else.")], new DigestPreferences { Keywords = ["hydrogen"] }, Day)!;

        Assert.Empty(digest.QuotesOfTheDay);
    }

    [Fact]
    public void English_subject_and_preheader_name_the_top_story_and_the_count()
    {
        DigestStory[] stories =
        [
            Story(1, "Airbus lifts its delivery target after a record November", source: "A", tags: [Company("Airbus"), Theme("markets")]),
            Story(2, "Second story", source: "B", hoursAgo: 20, tags: [Company("Airbus", 0.5)]),
            Story(3, "Third story", source: "C", hoursAgo: 20, tags: [Company("Airbus", 0.5)]),
        ];

        var digest = Compose(new DigestPreferences { Companies = ["Airbus"] }, stories);

        Assert.Equal("NewsPulse: Airbus lifts its delivery target after a record November (+2 more)", digest.Subject);
        Assert.Equal("3 stories for you on 6 December 2026: Airbus, Markets", digest.Preheader);
        Assert.Equal("en", digest.Locale);
    }

    [Fact]
    public void French_subject_and_preheader_use_french_words_and_typography()
    {
        DigestStory[] stories =
        [
            Story(1, "Airbus relève son objectif de livraisons", source: "A", language: "fr", tags: [Company("Airbus"), Country("DE"), Theme("deals")]),
            Story(2, "Deuxième article", source: "B", language: "fr", hoursAgo: 20, tags: [Company("Airbus", 0.5)]),
        ];

        var digest = Compose(new DigestPreferences { Companies = ["Airbus"], Countries = ["DE"], Locale = "fr", MaxStories = 1 }, stories);

        Assert.Equal("NewsPulse\u00A0: Airbus relève son objectif de livraisons", digest.Subject);
        Assert.Equal("Le premier de 2 articles pour vous le 6 décembre 2026\u00A0: Airbus, Fusions et acquisitions", digest.Preheader);
        Assert.Equal(["Airbus", "Allemagne"], digest.Entries[0].Matched);
        Assert.Equal("mot-clé «\u00A0hydrogène\u00A0»", Assert.Single(Compose(new DigestPreferences { Keywords = ["hydrogène"], Locale = "fr" }, Story(3, "L'hydrogène")).Entries[0].Matched));
        Assert.Equal("fr", digest.Locale);
    }

    [Fact]
    public void A_long_subject_is_cut_at_a_word_boundary()
    {
        var title = string.Join(' ', Enumerable.Repeat("Semiconductor", 20));

        var digest = Compose(new DigestPreferences(), Story(1, title, source: "A"), Story(2, "Other", source: "B", hoursAgo: 20));

        Assert.InRange(digest.Subject.Length, 90, 110);
        Assert.EndsWith("Semiconductor\u2026 (+1 more)", digest.Subject, StringComparison.Ordinal);
    }
}
