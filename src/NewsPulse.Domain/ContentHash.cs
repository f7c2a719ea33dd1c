using System.Security.Cryptography;
using System.Text;

namespace NewsPulse.Domain;

/// <summary>A fingerprint of an article's text that ignores case, spacing and paragraph breaks, for exact-duplicate detection.</summary>
public static class ContentHash
{
    public static byte[] Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = normalized.Length > 0;
                continue;
            }

            if (space)
            {
                normalized.Append(' ');
                space = false;
            }

            normalized.Append(char.ToLowerInvariant(c));
        }

        return SHA256.HashData(Encoding.UTF8.GetBytes(normalized.ToString()));
    }
}
