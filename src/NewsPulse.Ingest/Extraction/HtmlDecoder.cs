using System.Text;
using System.Text.RegularExpressions;

namespace NewsPulse.Ingest.Extraction;

/// <summary>
/// Bytes to text for HTML pages: the charset comes from a byte-order mark, then the HTTP header, then a
/// <c>&lt;meta charset&gt;</c> in the first 2 KB, else UTF-8. A page labelled (or assumed) UTF-8 whose bytes are
/// not valid UTF-8 is read as windows-1252, the usual truth behind that mislabel.
/// </summary>
public static partial class HtmlDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(byte[] body, string? contentType)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (FromBom(body, out var bomLength) is { } bomEncoding)
        {
            return bomEncoding.GetString(body, bomLength, body.Length - bomLength);
        }

        var encoding = FromName(CharsetParameter().Match(contentType ?? string.Empty).Groups[1].Value)
            ?? FromMeta(body)
            ?? StrictUtf8;
        if (encoding.CodePage == Encoding.UTF8.CodePage)
        {
            try
            {
                return StrictUtf8.GetString(body);
            }
            catch (DecoderFallbackException)
            {
                return TextEncodings.Windows1252.GetString(body);
            }
        }

        return encoding.GetString(body);
    }

    private static Encoding? FromBom(byte[] body, out int length)
    {
        (Encoding? encoding, length) = body switch
        {
            [0xEF, 0xBB, 0xBF, ..] => ((Encoding?)new UTF8Encoding(false), 3),
            [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
            [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
            _ => (null, 0),
        };
        return encoding;
    }

    private static Encoding? FromMeta(byte[] body)
    {
        // The prescan only needs ASCII-compatible bytes, so Latin-1 reads it safely whatever the real charset.
        var head = Encoding.Latin1.GetString(body, 0, Math.Min(body.Length, 2048));
        var declared = FromName(MetaCharset().Match(head).Groups[1].Value);

        // A <meta> that could be read byte by byte cannot be in UTF-16 whatever it claims; browsers take UTF-8 then.
        return declared is UnicodeEncoding ? StrictUtf8 : declared;
    }

    // Browsers read pages labelled ISO-8859-1 as windows-1252 (curly quotes, euro sign); do the same.
    private static Encoding? FromName(string name) => TextEncodings.FromLabel(name) switch
    {
        { CodePage: 28591 } => TextEncodings.Windows1252,
        var encoding => encoding,
    };

    [GeneratedRegex(@"charset\s*=\s*[""']?([\w.:-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetParameter();

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?([\w.:-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();
}
