using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsPulse.Ingest.Feeds;

/// <summary>
/// Mends the XML mistakes real feeds make so often that readers are expected to forgive them: text or a byte-order
/// mark before the XML declaration, HTML entities (&amp;nbsp;, &amp;eacute;) that XML does not define, and bare
/// ampersands. Only used when a feed fails to parse as it is; CDATA sections are left alone.
/// </summary>
public static partial class FeedRepair
{
    private static readonly HashSet<string> XmlEntities = new(StringComparer.Ordinal) { "amp", "lt", "gt", "quot", "apos" };

    /// <summary>The repaired document as UTF-8, or null when it is not XML or nothing needed mending.</summary>
    public static byte[]? TryRepair(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var text = Decode(content);
        var start = text.IndexOf('<', StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var repaired = new StringBuilder(text.Length + 64);
        var body = text[start..];
        var position = 0;
        foreach (Match cdata in CData().Matches(body))
        {
            repaired.Append(MendEntities(body[position..cdata.Index])).Append(cdata.Value);
            position = cdata.Index + cdata.Length;
        }

        repaired.Append(MendEntities(body[position..]));
        var result = DeclaredEncoding().Replace(repaired.ToString(), "${1}utf-8${2}", 1);
        return result == text ? null : Encoding.UTF8.GetBytes(result);
    }

    private static string MendEntities(string xml) =>
        Ampersand().Replace(xml, match =>
        {
            var name = match.Groups["name"];
            if (!name.Success)
            {
                return match.Value.StartsWith("&#", StringComparison.Ordinal) ? match.Value : "&amp;";
            }

            if (XmlEntities.Contains(name.Value))
            {
                return match.Value;
            }

            var decoded = WebUtility.HtmlDecode(match.Value);
            return decoded == match.Value
                ? "&amp;" + match.Value[1..]
                : string.Concat(decoded.EnumerateRunes().Select(r => $"&#x{r.Value.ToString("X", CultureInfo.InvariantCulture)};"));
        });

    /// <summary>BOM first, then the XML declaration's encoding, else UTF-8.</summary>
    private static string Decode(byte[] content)
    {
        if (content is [0xEF, 0xBB, 0xBF, ..] or [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            using var reader = new StreamReader(new MemoryStream(content), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }

        var head = Encoding.Latin1.GetString(content, 0, Math.Min(content.Length, 512));
        var declared = DeclaredEncoding().Match(head);
        var encoding = Encoding.UTF8;
        if (declared.Success)
        {
            try
            {
                encoding = Encoding.GetEncoding(declared.Groups["name"].Value);
            }
            catch (ArgumentException)
            {
                // An unknown label: UTF-8 is the XML default and the best guess.
            }
        }

        return encoding.GetString(content);
    }

    [GeneratedRegex(@"<!\[CDATA\[.*?\]\]>", RegexOptions.Singleline)]
    private static partial Regex CData();

    [GeneratedRegex(@"&(?:(?<name>[A-Za-z][A-Za-z0-9]{0,31});|#[0-9]{1,7};|#x[0-9A-Fa-f]{1,6};)?")]
    private static partial Regex Ampersand();

    [GeneratedRegex(@"(<\?xml[^>]*?encoding\s*=\s*[""'])(?<name>[A-Za-z0-9._:-]+)([""'])", RegexOptions.IgnoreCase)]
    private static partial Regex DeclaredEncoding();
}
