using System.Text;
using MimeKit;

namespace NewsPulse.Digest;

/// <summary>What every NewsPulse email has: addresses, date, Message-ID and a multipart/alternative body, text first.</summary>
internal static class MailMessages
{
    public static MimeMessage Create(string subject, string text, string html, MailboxAddress from, MailboxAddress to, string messageId, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(to);
        message.Subject = subject;
        message.Date = date;
        message.MessageId = messageId.Trim().TrimStart('<').TrimEnd('>');
        // RFC 2046: the last alternative is the preferred one, so clients that render HTML show it and others fall back to text.
        message.Body = new MultipartAlternative { Part("plain", text), Part("html", html) };
        return message;
    }

    /// <summary>
    /// An absolute http(s) URL, or an exception naming <paramref name="name"/>: a header or a link with anything else
    /// would reach the subscriber broken.
    /// </summary>
    public static string RequireUrl(string url, string name) =>
        HtmlEmail.SafeUrl(url) ?? throw new ArgumentException($"{name} must be an absolute http or https URL, not '{url}'.", name);

    // Quoted-printable keeps every line under SMTP's 998-octet limit (HTML lines can be long) while leaving the mostly
    // ASCII text readable in the raw message.
    private static TextPart Part(string subtype, string content)
    {
        var part = new TextPart(subtype) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.SetText(Encoding.UTF8, content);
        return part;
    }
}
