namespace NewsPulse.Tagging.Tests;

public class MentionMatchingTests
{
    private static string[] Keys(string text) => [.. MentionTokenizer.Tokenize(text).Select(t => t.Key)];

    [Fact]
    public void French_elisions_hyphens_and_accents_never_hide_a_name()
    {
        Assert.Equal(["l", "inde", "d", "alibaba", "aux", "etats", "unis", "qu", "apple"], Keys("l'Inde, d’Alibaba, aux États-Unis qu'Apple"));
        Assert.Equal(["etats", "unis"], Keys("ETATS-UNIS"));
    }

    [Fact]
    public void Dotted_initials_are_one_word_and_ampersands_are_kept()
    {
        var tokens = MentionTokenizer.Tokenize("The U.S. and U.K. met AT&T in Washington D.C.");

        Assert.Equal(["the", "us", "and", "uk", "met", "at", "&", "t", "in", "washington", "dc"], tokens.Select(t => t.Key));
        Assert.Equal("US", tokens[1].Surface);
        Assert.Equal((4, 8), (tokens[1].Start, tokens[1].End));
    }

    [Fact]
    public void The_longest_name_at_the_leftmost_place_wins_and_words_are_not_reused()
    {
        var trie = new TokenTrie<string>();
        trie.Add(["america"], "US");
        trie.Add(["bank", "of", "america"], "Bank of America");
        trie.Add(["etats", "unis"], "US");

        var matches = trie.Scan(MentionTokenizer.Tokenize("Bank of America said the États-Unis and America agreed."));

        Assert.Equal([("Bank of America", 0, 3), ("US", 5, 7), ("US", 8, 9)], matches.Select(m => (m.Values[0], m.Start, m.End)));
    }

    [Fact]
    public void A_rejected_long_name_lets_a_shorter_one_at_the_same_place_match()
    {
        var trie = new TokenTrie<string>();
        trie.Add(["apple"], "Apple");
        trie.Add(["apple", "pie"], "Apple Pie Inc");

        var matches = trie.Scan(
            MentionTokenizer.Tokenize("Apple pie sales rose, apple growers said."),
            (value, span) => value != "Apple Pie Inc" && span[0].Surface == "Apple");

        Assert.Equal([("Apple", 0, 1)], matches.Select(m => (m.Values[0], m.Start, m.End)));
    }
}
