using System.Text;
using MimeKit;
using static NewsPulse.Digest.Tests.Stories;

namespace NewsPulse.Digest.Tests;

/// <summary>The MIME messages: structure, charset, headers, and a round trip through MimeKit's parser.</summary>
public class MessageTests
{
    private static readonly MailboxAddress From = new("NewsPulse", "digest@newspulse.example");
    private static readonly MailboxAddress To = new("Camille Dupré", "camille@example.org");
    private static readonly DateTimeOffset SendAt = new(2026, 12, 6, 7, 0, 5, TimeSpan.FromHours(1));

    private static MimeMessage RoundTrip(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        stream.Position = 0;
        return MimeMessage.Load(stream);
    }

    private static MimeMessage DigestMessageFor(string locale)
    {
        var digest = DigestComposer.Compose(
            [Story(1, "Airbus wins a record order é", source: "Reuters", tags: [Company("Airbus")]), Story(2, "Airbus again", source: "BBC", tags: [Company("Airbus")])],
            [],
            new DigestPreferences { Companies = ["Airbus"], Locale = locale },
            Day)!;
        return DigestMessage.Build(digest, DigestRenderer.Render(digest, DigestRendererTests.Links), DigestRendererTests.Links, From, To, "20261206.42@newspulse.example", SendAt);
    }

    private static void AssertAlternative(MimeMessage message, string subject, string textContains, string htmlContains)
    {
        var parsed = RoundTrip(message);
        Assert.Equal(subject, parsed.Subject);
        var alternative = Assert.IsType<MultipartAlternative>(parsed.Body);
        Assert.Collection(
            alternative,
            part => Assert.True(part.ContentType.IsMimeType("text", "plain")),
            part => Assert.True(part.ContentType.IsMimeType("text", "html")));
        var text = (TextPart)alternative[0];
        var html = (TextPart)alternative[1];
        Assert.All([text, html], p => Assert.Equal("utf-8", p.ContentType.Charset, ignoreCase: true));
        Assert.Contains(textContains, text.Text, StringComparison.Ordinal);
        Assert.Contains(htmlContains, html.Text, StringComparison.Ordinal);
        Assert.Equal(message.TextBody, parsed.TextBody);
        Assert.Equal(message.HtmlBody, parsed.HtmlBody);
    }

    [Fact]
    public void Digest_message_is_multipart_alternative_in_utf8_and_round_trips()
    {
        var message = DigestMessageFor("fr");

        AssertAlternative(message, "NewsPulse\u00A0: Airbus wins a record order é (+1 autre)", "Airbus wins a record order é", "Se désabonner");
    }

    [Fact]
    public void Digest_message_carries_the_list_and_one_click_unsubscribe_headers()
    {
        var parsed = RoundTrip(DigestMessageFor("en"));

        Assert.Equal("20261206.42@newspulse.example", parsed.MessageId);
        Assert.Equal(SendAt, parsed.Date);
        Assert.Equal("<https://newspulse.example/unsubscribe/abc?t=x&y=1>", parsed.Headers["List-Unsubscribe"]?.Trim());
        Assert.Equal("List-Unsubscribe=One-Click", parsed.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("NewsPulse daily digest <daily-digest.newspulse.example>", parsed.Headers["List-Id"]);
        Assert.Equal("bulk", parsed.Headers["Precedence"]);
        Assert.False(parsed.Headers.Contains("Auto-Submitted"));
        Assert.Equal(From, Assert.Single(parsed.From));
        Assert.Equal("Camille Dupré", Assert.IsType<MailboxAddress>(Assert.Single(parsed.To)).Name);
    }

    [Fact]
    public void A_long_unsubscribe_url_survives_header_folding()
    {
        var digest = DigestComposer.Compose([Story(1, "Any")], [], new DigestPreferences(), Day)!;
        var links = DigestRendererTests.Links with { UnsubscribeUrl = "https://newspulse.example/unsubscribe/" + new string('a', 43) + "?token=" + new string('b', 86) };

        var message = DigestMessage.Build(digest, DigestRenderer.Render(digest, links), links, From, To, "a@b.example", SendAt);

        Assert.Equal($"<{links.UnsubscribeUrl}>", RoundTrip(message).Headers["List-Unsubscribe"]?.Trim());
    }

    [Fact]
    public void Message_id_given_with_angle_brackets_is_not_doubled()
    {
        var digest = DigestComposer.Compose([Story(1, "Any")], [], new DigestPreferences(), Day)!;

        var message = DigestMessage.Build(digest, DigestRenderer.Render(digest, DigestRendererTests.Links), DigestRendererTests.Links, From, To, "<a.1@newspulse.example>", SendAt);

        Assert.Equal("a.1@newspulse.example", RoundTrip(message).MessageId);
    }

    [Fact]
    public void An_unsubscribe_url_that_is_not_http_is_refused()
    {
        var digest = DigestComposer.Compose([Story(1, "Any")], [], new DigestPreferences(), Day)!;
        var links = DigestRendererTests.Links with { UnsubscribeUrl = "javascript:void(0)" };

        Assert.Throws<ArgumentException>(() => DigestMessage.Build(digest, DigestRenderer.Render(digest, links), links, From, To, "a@b.example", SendAt));
    }

    [Theory]
    [InlineData("en", "Confirm your NewsPulse daily digest", "Confirm my subscription: <https://newspulse.example/confirm/t0k?x=1&y=2>")]
    [InlineData("fr", "Confirmez votre abonnement au résumé quotidien NewsPulse", "Confirmer mon abonnement\u00A0: <https://newspulse.example/confirm/t0k?x=1&y=2>")]
    public void Confirmation_message_has_both_parts_in_the_subscribers_language(string locale, string subject, string textLine)
    {
        var message = ConfirmationMessage.Build(locale, "https://newspulse.example/confirm/t0k?x=1&y=2", From, To, "c.1@newspulse.example", SendAt);

        AssertAlternative(message, subject, textLine, "href=\"https://newspulse.example/confirm/t0k?x=1&amp;y=2\"");
        Assert.Equal("c.1@newspulse.example", message.MessageId);
        Assert.Contains($"lang=\"{locale}\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.WebName, ((TextPart)message.BodyParts.First()).ContentType.Charset, ignoreCase: true);
    }
}
