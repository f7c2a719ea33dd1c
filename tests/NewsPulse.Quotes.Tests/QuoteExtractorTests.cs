namespace NewsPulse.Quotes.Tests;

/// <summary>Quote marks, attribution patterns and speaker resolution, on sentences written for these tests.</summary>
public class QuoteExtractorTests
{
    private static readonly QuoteExtractor Extractor = new();

    private static List<ExtractedQuote> Extract(string text, string language) => Extractor.Extract(text, language);

    [Fact]
    public void Spans_index_the_text_without_the_marks_and_the_spaces_inside_guillemets()
    {
        const string text = "« La demande ralentit\u00A0», estime Wei Sun. «\u202FLe second semestre sera difficile », a-t-elle ajouté.";

        var quotes = Extract(text, "fr");

        Assert.Equal(["La demande ralentit", "Le second semestre sera difficile"], quotes.Select(q => q.Text));
        Assert.All(quotes, q => Assert.Equal(q.Text, text[q.Start..q.End]));
        Assert.All(quotes, q => Assert.Equal("Wei Sun", q.Speaker));
        Assert.Equal(["estimer", "ajouter"], quotes.Select(q => q.Verb));
        Assert.Equal("elle", quotes[1].Mention);
    }

    [Fact]
    public void Attribution_after_the_quote_resolves_surnames_and_descriptions()
    {
        const string text = "\"Demand is cooling,\" said Ray Wang, research director at Futurum Group. Analysts agreed.\n\"Inventories are rising,\" Wang said.";

        var quotes = Extract(text, "en");

        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal(("Ray Wang", "research director", "Futurum Group"), (q.Speaker, q.SpeakerTitle, q.SpeakerOrg)));
        Assert.Equal("Wang", quotes[1].Mention);
        Assert.All(quotes, q => Assert.Equal(QuoteKind.Direct, q.Kind));
    }

    [Fact]
    public void A_split_quote_and_a_paragraph_that_continues_it_keep_the_speaker()
    {
        const string text = "“We will hire,” said Anna Berg, chief executive of Nordlys. “Not everyone believes it.”\n“But the orders are there and they keep coming in,” she went on to tell the room.";

        var quotes = Extract(text, "en");

        Assert.Equal(3, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("Anna Berg", q.Speaker));
    }

    [Fact]
    public void A_quote_running_over_paragraphs_is_one_quote()
    {
        const string text = "Marc Dubois, économiste chez Natixis, prévient : « Les taux vont rester élevés.\n« Les ménages le sentiront dès cet hiver. »\nLe marché a reculé.";

        var quote = Assert.Single(Extract(text, "fr"), q => q.Kind == QuoteKind.Direct);

        Assert.StartsWith("Les taux", quote.Text, StringComparison.Ordinal);
        Assert.EndsWith("dès cet hiver.", quote.Text, StringComparison.Ordinal);
        Assert.Equal(("Marc Dubois", "économiste", "Natixis"), (quote.Speaker, quote.SpeakerTitle, quote.SpeakerOrg));
    }

    [Fact]
    public void Apostrophes_scare_quotes_and_titles_are_not_quotes()
    {
        const string text = "L’écart s’est creusé. The company's \"open\" model and its report \"Chips and Power\" don't count. Its slogan \"Think different\" neither.";

        Assert.DoesNotContain(Extract(text, "en"), q => q.Kind == QuoteKind.Direct);
    }

    [Fact]
    public void Indirect_speech_is_marked_indirect_with_the_reported_clause()
    {
        const string english = "Sarah Kim, an analyst at IDC, said that shipments would fall 5% this year. According to Tom Reed, prices will hold.";
        const string french = "Selon Paul Girard, le marché rebondira l’an prochain. Claire Petit estime que les cadences resteront tendues.";

        var en = Extract(english, "en");
        var fr = Extract(french, "fr");

        Assert.Equal(["shipments would fall 5% this year", "prices will hold"], en.Select(q => q.Text));
        Assert.Equal(["Sarah Kim", "Tom Reed"], en.Select(q => q.Speaker));
        Assert.Equal(["le marché rebondira l’an prochain", "les cadences resteront tendues"], fr.Select(q => q.Text));
        Assert.Equal(["Paul Girard", "Claire Petit"], fr.Select(q => q.Speaker));
        Assert.All(en.Concat(fr), q => Assert.Equal(QuoteKind.Indirect, q.Kind));
    }

    [Fact]
    public void Organisations_speak_and_first_persons_never_do()
    {
        const string text = "Nvidia launched a chip. \"Supply is tight,\" the company said. « Nous sommes prêts », dit-on chez le fabricant. \"We are ready,\" I said.";

        var quotes = Extract(text, "en");

        var supply = Assert.Single(quotes);
        Assert.Equal("Nvidia", supply.Speaker);
    }
}
