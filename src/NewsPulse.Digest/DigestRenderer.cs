using System.Text;

namespace NewsPulse.Digest;

/// <summary>
/// Renders a digest as email HTML (tables, inline styles, dark mode, hidden preheader) and as plain text wrapped at 76
/// columns. Everything that comes from stories and quotes is HTML-encoded, and only http and https URLs become links.
/// </summary>
public static class DigestRenderer
{
    private const int LeadLength = 320;
    private const int SourcesShown = 5;
    private const string Indent = "   ";

    public static RenderedDigest Render(Digest digest, DigestLinks links)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(links);
        var text = DigestText.For(digest.Locale);
        return new RenderedDigest(Html(digest, links, text), Text(digest, links, text));
    }

    private static string Html(Digest digest, DigestLinks links, DigestText text)
    {
        var rows = new StringBuilder();
        rows.Append(HtmlEmail.Row(
            $"<h1 class=\"np-text\" style=\"{HtmlEmail.HeadingStyle}\">{HtmlEmail.Link(links.WebBaseUrl, "NewsPulse", "color:inherit;text-decoration:none;")} · {HtmlEmail.Encode(text.Heading)}</h1>\n"
            + HtmlEmail.Muted(HtmlEmail.Encode(IntroLine(digest, text))),
            rule: false));
        foreach (var entry in digest.Entries)
        {
            rows.Append(HtmlEmail.Row(EntryHtml(entry, text)));
        }

        if (digest.QuotesOfTheDay.Count > 0)
        {
            var quotes = new StringBuilder($"<h2 class=\"np-text\" style=\"margin:0 0 12px;font-size:17px;line-height:1.3;font-weight:700;color:#1f2328;\">{HtmlEmail.Encode(text.QuotesHeading)}</h2>\n");
            foreach (var quote in digest.QuotesOfTheDay)
            {
                var marks = DigestText.ForQuote(quote.Language, text);
                quotes.Append("<blockquote class=\"np-rule\"").Append(HtmlEmail.LangAttribute(quote.Language, text.Language))
                    .Append(" style=\"margin:0 0 14px;padding:0 0 0 12px;border-left:3px solid #d0d7de;\">\n")
                    .Append(HtmlEmail.Paragraph("<em>" + HtmlEmail.Encode(marks.OpenQuote + PlainText.Collapse(quote.Text) + marks.CloseQuote) + "</em>"))
                    .Append(HtmlEmail.Muted(HtmlEmail.Encode(Attribution(quote))))
                    .Append("</blockquote>\n");
            }

            rows.Append(HtmlEmail.Row(quotes.ToString()));
        }

        rows.Append(HtmlEmail.Row(
            HtmlEmail.Muted(HtmlEmail.Encode(WhyReceived(digest, text)))
            + HtmlEmail.Muted($"{HtmlEmail.Link(links.ManageUrl, text.Manage)} · {HtmlEmail.Link(links.UnsubscribeUrl, text.Unsubscribe)} · {HtmlEmail.Link(links.WebBaseUrl, text.OpenSite)}")));
        return HtmlEmail.Page(text.Language, digest.Subject, digest.Preheader, rows.ToString());
    }

    private static string EntryHtml(DigestEntry entry, DigestText text)
    {
        var story = entry.Story;
        var lang = HtmlEmail.LangAttribute(story.Language, text.Language);
        var html = new StringBuilder()
            .Append("<h2 class=\"np-text\"").Append(lang).Append(" style=\"margin:0 0 4px;font-size:18px;line-height:1.35;font-weight:600;color:#1f2328;\">")
            .Append(HtmlEmail.Link(story.Url, PlainText.Collapse(story.Title), HtmlEmail.LinkStyle.Replace("underline", "none", StringComparison.Ordinal)))
            .Append("</h2>\n")
            .Append(HtmlEmail.Muted(HtmlEmail.Encode(SourceLine(story, text))))
            .Append(HtmlEmail.Paragraph(HtmlEmail.Encode(PlainText.Truncate(story.Lead, LeadLength)), lang));
        if (entry.OtherOutlets > 0)
        {
            html.Append(HtmlEmail.Muted(HtmlEmail.Encode(CoverageLine(entry, text))));
        }

        if (entry.Matched.Count > 0)
        {
            html.Append(HtmlEmail.Muted(HtmlEmail.Encode(text.MatchesLabel + string.Join(", ", entry.Matched))));
        }

        return html.ToString();
    }

    private static string Text(Digest digest, DigestLinks links, DigestText text)
    {
        var output = new StringBuilder();
        output.Append("NewsPulse \u2014 ").Append(text.Heading).Append('\n');
        PlainText.Wrap(output, IntroLine(digest, text), PlainText.Width);
        output.Append('\n');
        for (var i = 0; i < digest.Entries.Count; i++)
        {
            var entry = digest.Entries[i];
            var story = entry.Story;
            var number = $"{i + 1}. ";
            PlainText.Wrap(output, number + story.Title, PlainText.Width, string.Empty);
            PlainText.Wrap(output, SourceLine(story, text), PlainText.Width, Indent);
            if (HtmlEmail.SafeUrl(story.Url) is { } url)
            {
                output.Append(Indent).Append('<').Append(url).Append(">\n");
            }

            PlainText.Wrap(output, PlainText.Truncate(story.Lead, LeadLength), PlainText.Width, Indent);
            if (entry.OtherOutlets > 0)
            {
                PlainText.Wrap(output, CoverageLine(entry, text), PlainText.Width, Indent);
            }

            if (entry.Matched.Count > 0)
            {
                PlainText.Wrap(output, text.MatchesLabel + string.Join(", ", entry.Matched), PlainText.Width, Indent);
            }

            output.Append('\n');
        }

        if (digest.QuotesOfTheDay.Count > 0)
        {
            output.Append(text.QuotesHeading.ToUpper(text.Culture)).Append("\n\n");
            foreach (var quote in digest.QuotesOfTheDay)
            {
                var marks = DigestText.ForQuote(quote.Language, text);
                PlainText.Wrap(output, marks.OpenQuote + quote.Text + marks.CloseQuote, PlainText.Width);
                PlainText.Wrap(output, Attribution(quote), PlainText.Width, Indent);
                output.Append('\n');
            }
        }

        output.Append("-- \n");
        PlainText.Wrap(output, WhyReceived(digest, text), PlainText.Width);
        foreach (var (label, url) in new[] { (text.Manage, links.ManageUrl), (text.Unsubscribe, links.UnsubscribeUrl), (text.OpenSite, links.WebBaseUrl) })
        {
            if (HtmlEmail.SafeUrl(url) is { } safe)
            {
                output.Append(label).Append(text.Colon).Append('<').Append(safe).Append(">\n");
            }
        }

        return output.ToString();
    }

    private static string IntroLine(Digest digest, DigestText text) =>
        digest.Entries.Count == 0 ? $"{text.Date(digest.Date)} \u2014 {text.NothingToday}"
        : digest.Following.Count == 0 ? $"{text.Date(digest.Date)} \u2014 {text.TopStoriesNote}"
        : text.Date(digest.Date);

    private static string SourceLine(DigestStory story, DigestText text) =>
        $"{PlainText.Collapse(story.Source)} · {text.Date(story.PublishedAt ?? story.FirstSeenAt)}";

    private static string CoverageLine(DigestEntry entry, DigestText text)
    {
        var shown = entry.OtherSources.Take(SourcesShown).Select(PlainText.Collapse);
        var rest = entry.OtherSources.Count > SourcesShown ? ", \u2026" : string.Empty;
        var names = entry.OtherSources.Count > 0 ? text.Colon + string.Join(", ", shown) + rest : string.Empty;
        return text.AlsoCoveredBy(entry.OtherOutlets) + names;
    }

    private static string Attribution(DigestQuote quote)
    {
        var parts = new[] { quote.Speaker, quote.SpeakerTitle, quote.SpeakerOrg }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => PlainText.Collapse(p!));
        return "\u2014 " + string.Join(", ", parts);
    }

    private static string WhyReceived(Digest digest, DigestText text) =>
        digest.Following.Count == 0 ? text.WhyReceived : $"{text.WhyReceived} {text.FollowingLabel}{string.Join(", ", digest.Following)}.";
}
