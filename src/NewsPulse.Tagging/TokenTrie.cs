namespace NewsPulse.Tagging;

/// <summary>
/// Many names at once over a tokenised text: a trie keyed by normalised words, scanned leftmost-longest, so
/// "Bank of America" wins over "America" and each word belongs to at most one match.
/// </summary>
/// <typeparam name="T">What a name stands for (a country, a company and its alias).</typeparam>
public sealed class TokenTrie<T>
{
    private readonly Node _root = new();

    private sealed class Node
    {
        public Dictionary<string, Node> Children { get; } = new(StringComparer.Ordinal);

        public List<T> Values { get; } = [];
    }

    /// <summary>A match: the values of the name, and the tokens [Start, End) it covers.</summary>
    public sealed record Match(IReadOnlyList<T> Values, int Start, int End);

    /// <summary>Adds a name (already split into normalised words) standing for <paramref name="value"/>.</summary>
    public void Add(IReadOnlyList<string> keys, T value)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return;
        }

        var node = _root;
        foreach (var key in keys)
        {
            if (!node.Children.TryGetValue(key, out var child))
            {
                child = new Node();
                node.Children[key] = child;
            }

            node = child;
        }

        node.Values.Add(value);
    }

    /// <summary>
    /// Leftmost-longest matches; <paramref name="accept"/> may turn down a candidate (a lower-case "apple"), in which
    /// case shorter names at the same place are tried.
    /// </summary>
    public List<Match> Scan(IReadOnlyList<MentionToken> tokens, Func<T, IReadOnlyList<MentionToken>, bool>? accept = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var matches = new List<Match>();
        var i = 0;
        while (i < tokens.Count)
        {
            var candidates = new List<(int End, List<T> Values)>();
            var node = _root;
            for (var j = i; j < tokens.Count && node.Children.TryGetValue(tokens[j].Key, out var next); j++)
            {
                node = next;
                if (node.Values.Count > 0)
                {
                    candidates.Add((j + 1, node.Values));
                }
            }

            Match? found = null;
            for (var c = candidates.Count - 1; c >= 0 && found is null; c--)
            {
                var span = tokens.Skip(i).Take(candidates[c].End - i).ToList();
                var accepted = accept is null ? candidates[c].Values : candidates[c].Values.Where(v => accept(v, span)).ToList();
                if (accepted.Count > 0)
                {
                    found = new Match(accepted, i, candidates[c].End);
                }
            }

            if (found is null)
            {
                i++;
                continue;
            }

            matches.Add(found);
            i = found.End;
        }

        return matches;
    }
}
