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

    /// <summary>
    /// A feed that says (or, having no declaration, implies) UTF-8 but whose bytes are not UTF-8 was almost always
    /// written in windows-1252 by a server that never said so: decoded as UTF-8 every accented letter would be lost,
    /// so it is recoded to real UTF-8 first. Anything with a BOM, an explicit other charset or valid UTF-8 is left as it is.
    /// </summary>
    public static byte[] RecodeMislabelledLegacyBytes(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (HasByteOrderMark(content) || System.Text.Unicode.Utf8.IsValid(content) || DeclaredLabel(content) is { } label && TextEncodings.FromLabel(label) is not UTF8Encoding)
        {
            return content;
        }

        return Encoding.UTF8.GetBytes(TextEncodings.Windows1252.GetString(content));
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
        if (HasByteOrderMark(content))
        {
            using var reader = new StreamReader(new MemoryStream(content), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }

        // No label or an unknown one: UTF-8 is the XML default and the best guess.
        return (TextEncodings.FromLabel(DeclaredLabel(content)) ?? Encoding.UTF8).GetString(content);
    }

    private static bool HasByteOrderMark(byte[] content) => content is [0xEF, 0xBB, 0xBF, ..] or [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..];

    /// <summary>The XML declaration's encoding label; the head is ASCII whatever the charset, so Latin-1 reads it safely.</summary>
    private static string? DeclaredLabel(byte[] content) =>
        DeclaredEncoding().Match(Encoding.Latin1.GetString(content, 0, Math.Min(content.Length, 512))) is { Success: true } declared ? declared.Groups["name"].Value : null;

    [GeneratedRegex(@"<!\[CDATA\[.*?\]\]>", RegexOptions.Singleline)]
    private static partial Regex CData();

    [GeneratedRegex(@"&(?:(?<name>[A-Za-z][A-Za-z0-9]{0,31});|#[0-9]{1,7};|#x[0-9A-Fa-f]{1,6};)?")]
    private static partial Regex Ampersand();

    [GeneratedRegex(@"(<\?xml[^>]*?encoding\s*=\s*[""'])(?<name>[A-Za-z0-9._:-]+)([""'])", RegexOptions.IgnoreCase)]
    private static partial Regex DeclaredEncoding();
}
