namespace NewsPulse.Ingest.Fetching;

/// <summary>
/// A parsed robots.txt (RFC 9309) for one crawler: the groups naming our product token, else the <c>*</c> groups.
/// The longest matching rule decides; on a tie Allow wins; <c>*</c> matches any run of characters and a final
/// <c>$</c> anchors the end. Pure: text in, decisions out.
/// </summary>
public sealed class RobotsRules
{
    private readonly List<(bool Allow, string Pattern)> _rules;

    private RobotsRules(List<(bool Allow, string Pattern)> rules) => _rules = rules;

    public static RobotsRules AllowAll { get; } = new([]);

    /// <param name="robotsTxt">The file's text.</param>
    /// <param name="productToken">Our crawler's name as it appears in User-agent lines, e.g. NewsPulse.</param>
    public static RobotsRules Parse(string robotsTxt, string productToken)
    {
        ArgumentNullException.ThrowIfNull(robotsTxt);
        ArgumentNullException.ThrowIfNull(productToken);
        var ours = new List<(bool, string)>();
        var anyone = new List<(bool, string)>();
        var foundOurs = false;
        var groupAgents = new List<string>();
        var inRules = false;
        foreach (var rawLine in robotsTxt.Split('\n'))
        {
            var line = rawLine.Split('#', 2)[0].Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key is "user-agent")
            {
                // A User-agent line after rules starts a new group.
                if (inRules)
                {
                    groupAgents.Clear();
                    inRules = false;
                }

                groupAgents.Add(value);
                foundOurs |= value.Equals(productToken, StringComparison.OrdinalIgnoreCase);
                continue;
            }

            if (key is not ("allow" or "disallow") || groupAgents.Count == 0)
            {
                continue;
            }

            inRules = true;
            if (value.Length == 0)
            {
                continue; // "Disallow:" with no path allows everything.
            }

            var rule = (key == "allow", value);
            if (groupAgents.Any(a => a.Equals(productToken, StringComparison.OrdinalIgnoreCase)))
            {
                ours.Add(rule);
            }

            if (groupAgents.Contains("*"))
            {
                anyone.Add(rule);
            }
        }

        return new RobotsRules(foundOurs ? ours : anyone);
    }

    /// <summary>Whether a path (with its query) may be fetched.</summary>
    public bool IsAllowed(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        if (pathAndQuery.Equals("/robots.txt", StringComparison.Ordinal))
        {
            return true;
        }

        var best = -1;
        var allowed = true;
        foreach (var (allow, pattern) in _rules)
        {
            if (pattern.Length < best || !Matches(pattern, pathAndQuery))
            {
                continue;
            }

            if (pattern.Length > best || allow)
            {
                allowed = pattern.Length > best ? allow : allowed || allow;
                best = pattern.Length;
            }
        }

        return allowed;
    }

    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var parts = (anchored ? pattern[..^1] : pattern).Split('*');
        if (!path.StartsWith(parts[0], StringComparison.Ordinal))
        {
            return false;
        }

        var position = parts[0].Length;
        for (var i = 1; i < parts.Length; i++)
        {
            var found = path.IndexOf(parts[i], position, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position = found + parts[i].Length;
        }

        if (!anchored)
        {
            return true;
        }

        // With a trailing $, the last literal part must end exactly at the end of the path.
        var last = parts[^1];
        return parts.Length == 1 ? position == path.Length : path.EndsWith(last, StringComparison.Ordinal) && path.Length - last.Length >= position - last.Length;
    }
}
