using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NewsPulse.Domain;

/// <summary>
/// Article identity by URL: the same story reached through tracking links, a different
/// host case or a fragment must map to one stored article.
/// </summary>
public static class ArticleUrl
{
    private static readonly string[] TrackingParameterPrefixes = ["utm_", "mc_"];

    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "_ga", "ref_src", "cmpid", "xtor",
    };

    /// <summary>
    /// Lower-case scheme and host, no default port, no fragment, no tracking parameters,
    /// remaining query parameters sorted.
    /// </summary>
    public static Uri Normalize(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException($"An article URL must be absolute: '{url}'.", nameof(url));
        }

        var builder = new UriBuilder(url)
        {
            Scheme = url.Scheme.ToLowerInvariant(),
            Host = url.Host.ToLowerInvariant(),
            Fragment = string.Empty,
        };
        if (url.IsDefaultPort)
        {
            builder.Port = -1;
        }

        builder.Query = NormalizeQuery(url.Query);
        return builder.Uri;
    }

    /// <summary>SHA-256 of the normalised URL: the fixed-size key the articles table is unique on.</summary>
    public static byte[] Hash(Uri url) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(url).AbsoluteUri));

    private static string NormalizeQuery(string query)
    {
        if (query.Length <= 1)
        {
            return string.Empty;
        }

        var kept = query[1..]
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !IsTracking(pair.Split('=', 2)[0]))
            .Order(StringComparer.Ordinal)
            .ToArray();
        return string.Join('&', kept);
    }

    private static bool IsTracking(string name)
    {
        var decoded = Uri.UnescapeDataString(name).ToLower(CultureInfo.InvariantCulture);
        return TrackingParameters.Contains(decoded)
            || TrackingParameterPrefixes.Any(prefix => decoded.StartsWith(prefix, StringComparison.Ordinal));
    }
}
