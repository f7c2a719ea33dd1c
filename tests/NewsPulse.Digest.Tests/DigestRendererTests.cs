using System.Net;
using static NewsPulse.Digest.Tests.Stories;

namespace NewsPulse.Digest.Tests;

/// <summary>The HTML and plain-text bodies: content, encoding, link safety, dark mode and locale.</summary>
public class DigestRendererTests
{
    internal static readonly DigestLinks Links = new("https://newspulse.example/subscriptions/abc", "https://newspulse.example/unsubscribe/abc?t=x&y=1", "https://newspulse.example/");

    private static void AssertContainsAll(string actual, params string[] expected) =>
        Assert.All(expected, e => Assert.Contains(e, actual, StringComparison.Ordinal));

    private static Digest Sample(string locale = "en", params DigestStory[] extra)
    {
        DigestStory[] stories =
        [
            Story(1, "Airbus wins a record order", source: "Reuters", cluster: 1, lead: "The plane maker said on Friday that it had won its largest order ever.", tags: [Company("Airbus")]),
            Story(2, "Commande record pour Airbus", source: "Les Echos", language: "fr", cluster: 1, tags: [Company("Airbus")]),
            Story(3, "Another outlet", source: "BBC", cluster: 1),
            .. extra,
        ];
        DigestQuote[] quotes = [Quote(7, "Guillaume Faury", "Nous allons augmenter les cadences dès le printemps prochain.", language: "fr", companies: ["Airbus"])];
        return DigestComposer.Compose(stories, quotes, new DigestPreferences { Companies = ["Airbus"], Locale = locale, Languages = locale == "fr" ? [] : ["en"] }, Day)!;
    }

    [Fact]
    public void Html_has_the_entry_the_coverage_the_quote_and_the_footer_links()
    {
        var html = DigestRenderer.Render(Sample(), Links).Html;

        AssertContainsAll(
            html,
            "<html lang=\"en\"",
            "href=\"https://news.example/1\"",
            ">Airbus wins a record order</a>",
            "Reuters · 6 December 2026",
            "Also covered by 2 outlets: BBC, Les Echos",
            "Matches: Airbus",
            "Quotes of the day",
            "<blockquote class=\"np-rule\" lang=\"fr\"");
        Assert.Contains("«\u00A0Nous allons augmenter", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        AssertContainsAll(
            html,
            "href=\"https://newspulse.example/unsubscribe/abc?t=x&amp;y=1\"",
            ">Manage preferences</a>",
            "You follow: Airbus.");
    }

    [Fact]
    public void Html_is_email_safe_layout_with_dark_mode_and_a_hidden_preheader()
    {
        var digest = Sample();
        var html = DigestRenderer.Render(digest, Links).Html;

        AssertContainsAll(
            html,
            "<meta name=\"color-scheme\" content=\"light dark\">",
            "<meta name=\"supported-color-schemes\" content=\"light dark\">",
            "@media (prefers-color-scheme: dark)",
            "max-width:640px",
            "role=\"presentation\"");
        var body = html[html.IndexOf("<body", StringComparison.Ordinal)..];
        Assert.StartsWith("<div style=\"display:none;", body[(body.IndexOf('\n') + 1)..], StringComparison.Ordinal);
        Assert.Contains(digest.Preheader, body, StringComparison.Ordinal);
    }

    [Fact]
    public void Story_text_is_encoded_and_only_http_links_are_links()
    {
        var hostile = Story(9, "<script>alert(1)</script> Airbus", source: "Evil & Co", lead: "\"quoted\" <b>bold</b>", url: "javascript:alert(1)", tags: [Company("Airbus")]);

        var rendered = DigestRenderer.Render(Sample("en", hostile), Links);

        Assert.All(["<script>", "<b>bold", "javascript:"], markup => Assert.DoesNotContain(markup, rendered.Html, StringComparison.OrdinalIgnoreCase));
        // The text part is not HTML: the title stays as written there, but the URL is still not offered.
        Assert.DoesNotContain("javascript:", rendered.Text, StringComparison.OrdinalIgnoreCase);
        AssertContainsAll(rendered.Html, "&lt;script&gt;alert(1)&lt;/script&gt; Airbus", "Evil &amp; Co");
    }

    [Fact]
    public void French_digest_speaks_french_and_marks_english_entries()
    {
        var extra = Story(5, "Airbus opens a plant in Alabama", source: "CNBC", hoursAgo: 20, tags: [Company("Airbus")]);

        var rendered = DigestRenderer.Render(Sample("fr", extra), Links);

        Assert.Contains("<html lang=\"fr\"", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("Votre résumé quotidien", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("Également couvert par 2 médias\u00A0: BBC, Reuters", WebUtility.HtmlDecode(rendered.Html), StringComparison.Ordinal);
        AssertContainsAll(
            rendered.Html,
            "Les Echos · 6 décembre 2026",
            "<h2 class=\"np-text\" lang=\"en\"",
            ">Se désabonner</a>");
        Assert.Contains("Citations du jour", rendered.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Se désabonner\u00A0: <https://newspulse.example/unsubscribe/abc?t=x&y=1>", rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_part_has_the_same_content_wrapped_with_links_in_angle_brackets()
    {
        var longLead = string.Join(' ', Enumerable.Repeat("Airbus delivered more aircraft than expected.", 6));
        var extra = Story(5, "Airbus deliveries", source: "CNBC", lead: longLead, hoursAgo: 20, tags: [Company("Airbus")]);

        var text = DigestRenderer.Render(Sample("en", extra), Links).Text;

        AssertContainsAll(
            text,
            "1. Airbus wins a record order\n",
            "   <https://news.example/1>\n",
            "Also covered by 2 outlets: BBC, Les Echos",
            "QUOTES OF THE DAY",
            "Unsubscribe: <https://newspulse.example/unsubscribe/abc?t=x&y=1>");
        Assert.DoesNotContain("<p", text, StringComparison.Ordinal);
        Assert.All(text.Split('\n').Where(l => !l.Contains('<', StringComparison.Ordinal)), l => Assert.True(l.Length <= 76, l));
    }

    [Fact]
    public void An_empty_digest_says_nothing_matched_and_what_the_subscriber_follows()
    {
        var digest = DigestComposer.Empty(new DigestPreferences { Companies = ["Airbus"], Locale = "fr" }, Day);
        var rendered = DigestRenderer.Render(digest, Links);

        Assert.Empty(digest.Entries);
        Assert.Equal("NewsPulse\u00A0: Aucun article ne correspond aujourd’hui à ce que vous suivez.", digest.Subject);
        AssertContainsAll(rendered.Text, "Aucun article ne correspond", "Airbus");
        AssertContainsAll(rendered.Html, "Aucun article ne correspond", "Airbus");
    }
}
