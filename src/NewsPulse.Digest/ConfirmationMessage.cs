using System.Text;
using MimeKit;

namespace NewsPulse.Digest;

/// <summary>The double opt-in email: one link that confirms a digest subscription, in English or French.</summary>
public static class ConfirmationMessage
{
    public static MimeMessage Build(string locale, string confirmUrl, MailboxAddress from, MailboxAddress to, string messageId, DateTimeOffset date)
    {
        var url = MailMessages.RequireUrl(confirmUrl, nameof(confirmUrl));
        var text = DigestText.For(locale);
        var button = $"<a class=\"np-link\" href=\"{HtmlEmail.Encode(url)}\" style=\"display:inline-block;padding:10px 18px;border-radius:6px;background-color:#0b5cad;color:#ffffff;font-weight:600;text-decoration:none;\">{HtmlEmail.Encode(text.ConfirmButton)}</a>";
        var html = HtmlEmail.Page(
            text.Language,
            text.ConfirmSubject,
            text.ConfirmIntro,
            HtmlEmail.Row(
                $"<h1 class=\"np-text\" style=\"{HtmlEmail.HeadingStyle}\">NewsPulse</h1>\n"
                + HtmlEmail.Paragraph(HtmlEmail.Encode(text.ConfirmIntro))
                + $"<p style=\"margin:16px 0;\">{button}</p>\n"
                + HtmlEmail.Muted(HtmlEmail.Encode(text.ConfirmIgnore)),
                rule: false));
        var plain = new StringBuilder();
        PlainText.Wrap(plain, text.ConfirmIntro, PlainText.Width);
        plain.Append('\n').Append(text.ConfirmButton).Append(text.Colon).Append('<').Append(url).Append(">\n\n");
        PlainText.Wrap(plain, text.ConfirmIgnore, PlainText.Width);
        return MailMessages.Create(text.ConfirmSubject, plain.ToString(), html, from, to, messageId, date);
    }
}
