using System.Globalization;
using System.Text.RegularExpressions;
using NewsPulse.Domain;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NewsPulse.Ingest.Feeds;

/// <summary>
/// Reads feeds.yaml. Works on the YAML node tree rather than deserialising into classes so every
/// error can name the line and column it comes from.
/// </summary>
public static partial class FeedsFileParser
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan MinPollInterval = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxPollInterval = TimeSpan.FromDays(7);

    private static readonly string[] KnownKeys = ["name", "url", "language", "interval", "category", "enabled"];

    /// <summary>Reads and validates a feeds file from disk.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="baseUrl">Base for relative feed URLs (the demo's local sample server); null to require absolute URLs.</param>
    public static FeedsFile Load(string path, Uri? baseUrl = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new FeedsFile(path, [], [new FeedsFileError(path, 0, 0, $"cannot read the feeds file: {ex.Message}")]);
        }

        return Parse(text, path, baseUrl);
    }

    /// <summary>
    /// Validates one feed given field by field (the CLI's <c>feeds add</c>, the admin API) by the very rules of a
    /// feeds file: each field becomes a quoted YAML scalar, so no value can smuggle in structure.
    /// </summary>
    /// <param name="url">The feed's URL.</param>
    /// <param name="name">Its display name; null for the URL's host.</param>
    /// <param name="language">ISO 639-1 hint, or null.</param>
    /// <param name="interval">Polling interval (90s, 15m, 2h, 1d), or null for the default.</param>
    /// <param name="category">Category, or null.</param>
    /// <param name="source">Labels the errors, e.g. "command line".</param>
    public static FeedsFile ParseFields(string url, string? name, string? language, string? interval, string? category, string source)
    {
        ArgumentNullException.ThrowIfNull(url);
        var yaml = new System.Text.StringBuilder("feeds:\n");
        yaml.Append(CultureInfo.InvariantCulture, $"  - name: {QuoteScalar(name ?? (Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? parsed.Host : url))}\n    url: {QuoteScalar(url)}\n");
        foreach (var (key, value) in new[] { ("language", language), ("interval", interval), ("category", category) })
        {
            if (value is not null)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"    {key}: {QuoteScalar(value)}\n");
            }
        }

        return Parse(yaml.ToString(), source);
    }

    private static string QuoteScalar(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) + "\"";

    /// <summary>Validates feeds-file text; <paramref name="fileName"/> only labels the errors.</summary>
    public static FeedsFile Parse(string yaml, string fileName, Uri? baseUrl = null)
    {
        var errors = new List<FeedsFileError>();
        var feeds = new List<FeedDefinition>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException?.Message ?? ex.Message;
            errors.Add(new FeedsFileError(fileName, (int)ex.Start.Line, (int)ex.Start.Column, $"invalid YAML: {StripMark(message)}"));
            return new FeedsFile(fileName, feeds, errors);
        }

        void Error(YamlNode node, string message) =>
            errors.Add(new FeedsFileError(fileName, (int)node.Start.Line, (int)node.Start.Column, message));

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new FeedsFileError(fileName, 1, 1, "expected a mapping with a 'feeds:' list at the top of the file"));
            return new FeedsFile(fileName, feeds, errors);
        }

        if (!root.Children.TryGetValue(new YamlScalarNode("feeds"), out var feedsNode))
        {
            Error(root, "missing the top-level 'feeds:' list");
            return new FeedsFile(fileName, feeds, errors);
        }

        foreach (var key in root.Children.Keys)
        {
            if (key is YamlScalarNode { Value: not "feeds" } unknown)
            {
                Error(unknown, $"unknown top-level key '{unknown.Value}' (expected 'feeds')");
            }
        }

        if (feedsNode is not YamlSequenceNode list)
        {
            if (feedsNode is not YamlScalarNode { Value: null or "" })
            {
                Error(feedsNode, "'feeds' must be a list of feeds, each starting with '- name:'");
            }

            return new FeedsFile(fileName, feeds, errors);
        }

        var seenUrls = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var entry in list.Children)
        {
            var errorsBefore = errors.Count;
            var feed = ParseEntry(entry, baseUrl, Error);
            if (feed is null || errors.Count > errorsBefore)
            {
                continue;
            }

            var key = ArticleUrl.Normalize(feed.Url).AbsoluteUri;
            if (seenUrls.TryGetValue(key, out var firstLine))
            {
                Error(entry, $"duplicate feed URL {feed.Url} (first listed on line {firstLine})");
                continue;
            }

            seenUrls[key] = entry.Start.Line;
            feeds.Add(feed);
        }

        return new FeedsFile(fileName, feeds, errors);
    }

    private static FeedDefinition? ParseEntry(YamlNode entry, Uri? baseUrl, Action<YamlNode, string> error)
    {
        if (entry is not YamlMappingNode map)
        {
            error(entry, "each feed must be a mapping with at least 'name' and 'url'");
            return null;
        }

        var values = new Dictionary<string, YamlScalarNode>(StringComparer.Ordinal);
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (!KnownKeys.Contains(key))
            {
                error(keyNode, $"unknown key '{key}' (expected one of: {string.Join(", ", KnownKeys)})");
                continue;
            }

            present.Add(key);
            if (valueNode is not YamlScalarNode scalar)
            {
                error(valueNode, $"'{key}' must be a single value, not a list or mapping");
                continue;
            }

            values[key] = scalar;
        }

        var name = RequiredText(map, values, present, "name", error);
        var url = RequiredText(map, values, present, "url", error) is { } rawUrl ? ParseUrl(values["url"], rawUrl, baseUrl, error) : null;
        var language = OptionalLanguage(values, error);
        var interval = values.TryGetValue("interval", out var intervalNode) ? ParseInterval(intervalNode, error) : DefaultPollInterval;
        var category = values.TryGetValue("category", out var categoryNode) && !string.IsNullOrWhiteSpace(categoryNode.Value)
            ? categoryNode.Value.Trim()
            : null;
        var enabled = true;
        if (values.TryGetValue("enabled", out var enabledNode) && !bool.TryParse(enabledNode.Value, out enabled))
        {
            error(enabledNode, $"'enabled' must be true or false, not '{enabledNode.Value}'");
        }

        return name is null || url is null || interval is null
            ? null
            : new FeedDefinition(name, url, language, interval.Value, category, enabled);
    }

    private static string? RequiredText(
        YamlMappingNode map, Dictionary<string, YamlScalarNode> values, HashSet<string> present, string key, Action<YamlNode, string> error)
    {
        if (values.TryGetValue(key, out var node) && !string.IsNullOrWhiteSpace(node.Value))
        {
            return node.Value.Trim();
        }

        // A key given with a list or mapping was reported already; only a missing or empty one is reported here.
        if (present.Contains(key) && node is null)
        {
            return null;
        }

        error(node ?? (YamlNode)map, $"feed is missing its '{key}'");
        return null;
    }

    private static Uri? ParseUrl(YamlScalarNode node, string raw, Uri? baseUrl, Action<YamlNode, string> error)
    {
        if (Uri.TryCreate(raw, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" && !string.IsNullOrEmpty(absolute.Host))
        {
            return absolute;
        }

        if (Uri.TryCreate(raw, UriKind.Absolute, out var other) && other.Scheme is not "file")
        {
            error(node, $"'url' must use http or https, not '{other.Scheme}': {raw}");
            return null;
        }

        if (baseUrl is not null && Uri.TryCreate(baseUrl, raw, out var resolved))
        {
            return resolved;
        }

        error(node, $"'url' must be an absolute http(s) URL: '{raw}'");
        return null;
    }

    private static string? OptionalLanguage(Dictionary<string, YamlScalarNode> values, Action<YamlNode, string> error)
    {
        if (!values.TryGetValue("language", out var node) || string.IsNullOrWhiteSpace(node.Value))
        {
            return null;
        }

        var language = node.Value.Trim().ToLowerInvariant();
        if (!LanguageCode().IsMatch(language))
        {
            error(node, $"'language' must be a two-letter ISO 639-1 code such as en or fr, not '{node.Value}'");
            return null;
        }

        return language;
    }

    private static TimeSpan? ParseInterval(YamlScalarNode node, Action<YamlNode, string> error)
    {
        var raw = node.Value?.Trim() ?? string.Empty;
        TimeSpan? interval = null;
        var match = IntervalPattern().Match(raw);
        if (match.Success)
        {
            var amount = double.Parse(match.Groups["amount"].Value, CultureInfo.InvariantCulture);
            interval = match.Groups["unit"].Value switch
            {
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
        }
        else if (TimeSpan.TryParse(raw, CultureInfo.InvariantCulture, out var clock))
        {
            interval = clock;
        }

        if (interval is null)
        {
            error(node, $"'interval' must look like 90s, 15m, 2h, 1d or hh:mm:ss, not '{raw}'");
            return null;
        }

        if (interval < MinPollInterval || interval > MaxPollInterval)
        {
            error(node, $"'interval' {raw} is outside the allowed range of 1m to 7d");
            return null;
        }

        return interval;
    }

    private static string StripMark(string message)
    {
        // YamlDotNet prefixes messages with "(Line: x, Col: y, Idx: z) - (...)": the location is reported separately.
        var dash = message.LastIndexOf("): ", StringComparison.Ordinal);
        return dash >= 0 ? message[(dash + 3)..] : message;
    }

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex LanguageCode();

    [GeneratedRegex(@"^(?<amount>\d+(\.\d+)?)\s*(?<unit>[smhd])$")]
    private static partial Regex IntervalPattern();
}
