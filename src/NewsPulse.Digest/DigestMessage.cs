using MimeKit;

namespace NewsPulse.Digest;

/// <summary>The digest as a MIME message ready for SMTP, with the list headers mailbox providers expect of bulk mail.</summary>
public static class DigestMessage
{
    /// <summary>
    /// multipart/alternative (text/plain, then text/html) in UTF-8, with Message-ID (<paramref name="messageId"/> without
    /// angle brackets), Date, List-Id and RFC 8058 one-click unsubscribe headers. Mailbox providers honour the one-click
    /// POST only for an https URL.
    /// </summary>
    public static MimeMessage Build(Digest digest, RenderedDigest rendered, DigestLinks links, MailboxAddress from, MailboxAddress to, string messageId, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(rendered);
        ArgumentNullException.ThrowIfNull(links);
        var unsubscribe = MailMessages.RequireUrl(links.UnsubscribeUrl, nameof(links.UnsubscribeUrl));
        var message = MailMessages.Create(digest.Subject, rendered.Text, rendered.Html, from, to, messageId, date);
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        // List-Id lets filters and providers group the digests, whatever the subject says that day.
        var domain = string.IsNullOrEmpty(from.Domain) ? "newspulse.invalid" : from.Domain;
        message.Headers.Add("List-Id", $"NewsPulse daily digest <daily-digest.{domain}>");
        // Precedence: bulk is not a standard (RFC 3834 only mentions it), but vacation responders still read it and stay
        // quiet, sparing the sender address a reply per subscriber on holiday. Auto-Submitted is left out: RFC 3834 makes
        // it a signal to treat the message as a machine notification, and some filters then hide what the subscriber asked for.
        message.Headers.Add("Precedence", "bulk");
        return message;
    }
}
