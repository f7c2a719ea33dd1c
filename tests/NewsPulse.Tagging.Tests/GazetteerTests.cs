namespace NewsPulse.Tagging.Tests;

public class GazetteerTests
{
    private static readonly Gazetteer Sample = new(
        [
            new CountryEntry
            {
                Code = "US",
                En = ["United States", "U.S.", "US"],
                Fr = ["États-Unis", "les États-Unis"],
                DemonymsEn = ["American"],
                DemonymsFr = ["américain", "américaines"],
                Capitals = ["Washington"],
                Seats = ["the White House", "la Maison-Blanche"],
            },
            new CountryEntry { Code = "CN", En = ["China"], Fr = ["Chine", "la Chine"], DemonymsFr = ["chinois", "chinoises"], Capitals = ["Beijing", "Pékin"] },
            new CountryEntry { Code = "RU", En = ["Russia"], Fr = ["Russie"], Seats = ["the Kremlin", "le Kremlin"] },
        ],
        [
            new CompanyEntry { Name = "Apple", Aliases = ["Apple Inc."], Products = ["iPhone"], Ambiguous = true },
            new CompanyEntry { Name = "Alibaba", Aliases = ["Alibaba Group"], Products = ["Qwen"] },
            new CompanyEntry { Name = "Progress Software", Aliases = ["Progress"] },
        ]);

    private static (string Id, MentionKind Kind, string Text)[] Hits(string text) =>
        [.. Sample.Find(text).Select(h => (h.Name.Id, h.Name.Kind, text[h.Start..h.End]))];

    [Fact]
    public void French_names_are_found_after_articles_elisions_and_contractions()
    {
        Assert.Equal(
            [("US", MentionKind.CountryName, "États-Unis"), ("CN", MentionKind.Demonym, "chinoises"), ("CN", MentionKind.Capital, "Pékin"), ("RU", MentionKind.SeatOfPower, "Kremlin")],
            Hits("Aux États-Unis, les autorités chinoises et Pékin ont répondu au Kremlin."));
    }

    [Fact]
    public void Ambiguous_names_and_acronyms_match_only_in_their_own_case()
    {
        Assert.Equal(
            [("US", MentionKind.CountryName, "U.S."), ("Apple", MentionKind.CompanyName, "Apple")],
            Hits("The U.S. told us that Apple growers and apple sellers agreed."));
    }

    [Fact]
    public void A_product_stands_for_its_maker_and_the_longest_alias_wins()
    {
        Assert.Equal(
            [("Alibaba", MentionKind.Product, "Qwen"), ("Alibaba", MentionKind.CompanyName, "Alibaba Group"), ("US", MentionKind.SeatOfPower, "White House")],
            Hits("Qwen, from Alibaba Group, was discussed at the White House."));
    }

    [Fact]
    public void Proper_names_written_in_lower_case_are_ordinary_words()
    {
        Assert.Equal([("Progress Software", MentionKind.CompanyName, "Progress")], Hits("Progress said talks made progress in washington."));
    }
}
