namespace NewsPulse.Digest;

/// <summary>
/// Chooses what one subscriber's digest says, from the stories and quotes first seen in its window. Pure and deterministic:
/// the same inputs give the same digest, ties going to the lower article id.
/// </summary>
/// <remarks>
/// An entry's score is relevance (the follows its story matched, see <see cref="FollowSet"/>) plus salience
/// (1.5 × log2(1 + outlets that carried the story) + the story's highest tag confidence) plus a little freshness
/// (up to 0.5 for the newest story of the window, nothing for one a day older). Entries are then picked greedily, each pick
/// multiplying the score of the remaining entries from the same source by 0.6, so one prolific outlet cannot fill the
/// digest while others have matching stories.
/// </remarks>
public static class DigestComposer
{
    public const int MaxStoriesLimit = 50;

    private const double SameSourceDecay = 0.6;
    private const int SubjectLength = 110;
    private const int PreheaderTopics = 3;

    /// <summary>The digest for <paramref name="preferences"/>, or null when no story matches (the caller then sends nothing).</summary>
    public static Digest? Compose(IReadOnlyList<DigestStory> stories, IReadOnlyList<DigestQuote> quotes, DigestPreferences preferences, DateOnly date) =>
        Compose(new DigestWindow(stories, quotes), preferences, date);

    /// <summary>
    /// The digest for <paramref name="preferences"/> from a window prepared once for every subscriber who shares it, or
    /// null when no story matches (the caller then sends nothing).
    /// </summary>
    public static Digest? Compose(DigestWindow window, DigestPreferences preferences, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(preferences);
        var text = DigestText.For(preferences.Locale);
        var follows = new FollowSet(preferences, text);
        var matches = follows.Matches(window);
        if (matches.Count == 0)
        {
            return null;
        }

        var candidates = matches
            .GroupBy(m => m.Story.ClusterId)
            .Select(g => Candidate(g, window, follows))
            .ToList();
        var entries = PickDiverse(candidates, Math.Clamp(preferences.MaxStories, 1, MaxStoriesLimit));
        return new Digest(
            date,
            text.Language,
            entries,
            QuoteSelector.Select(window, follows),
            candidates.Count,
            Subject(entries, text),
            Preheader(entries, candidates.Count, date, text))
        {
            Following = follows.Following,
        };
    }

    /// <summary>
    /// The digest that says nothing matched today, for senders configured to write anyway (so a subscriber can tell
    /// a quiet day from a broken subscription).
    /// </summary>
    public static Digest Empty(DigestPreferences preferences, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        var text = DigestText.For(preferences.Locale);
        return new Digest(date, text.Language, [], [], 0, text.SubjectPrefix + text.NothingToday, text.NothingToday)
        {
            Following = new FollowSet(preferences, text).Following,
        };
    }

    /// <summary>
    /// One entry per cluster, shown through its best story: the one matching most follows, then in a language the
    /// subscriber prefers, then the most relevant, then the first seen.
    /// </summary>
    private static DigestEntry Candidate(IEnumerable<StoryMatch> cluster, DigestWindow window, FollowSet follows)
    {
        // Most stories are their cluster's only match: no ordering needed.
        var best = cluster.Count() == 1 ? cluster.First() : cluster
            .OrderByDescending(m => m.Reasons.Count)
            .ThenByDescending(m => follows.PrefersLanguage(m.Story.Language))
            .ThenByDescending(m => m.Relevance)
            .ThenBy(m => m.Story.FirstSeenAt)
            .ThenBy(m => m.Story.ArticleId)
            .First();
        var others = window.OtherSources[best.Index];
        return new DigestEntry(best.Story, others.Count, others, best.Relevance + window.Salience[best.Index] + window.Freshness[best.Index], best.Reasons);
    }

    /// <summary>
    /// Picks greedily, each pick scaling the remaining entries of its source by 0.6. Entries of one source are all
    /// scaled alike, so the best entry left is always the first remaining one of some source: comparing those firsts
    /// (a tie going to the one ranked earlier) picks what a scan of every entry would.
    /// </summary>
    private static List<DigestEntry> PickDiverse(List<DigestEntry> candidates, int count)
    {
        var sources = candidates
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Story.ArticleId)
            .Select((entry, rank) => (Entry: entry, Rank: rank))
            .GroupBy(c => c.Entry.Story.Source, StringComparer.OrdinalIgnoreCase)
            .Select(g => new SourceQueue([.. g.Take(count)]))
            .ToList();
        var picked = new List<DigestEntry>(count);
        while (picked.Count < count)
        {
            SourceQueue? from = null;
            double best = 0;
            foreach (var source in sources.Where(s => s.Next < s.Entries.Count))
            {
                var adjusted = source.Entries[source.Next].Entry.Score * Math.Pow(SameSourceDecay, source.Next);
                if (from is null || adjusted > best || (adjusted.Equals(best) && source.Entries[source.Next].Rank < from.Entries[from.Next].Rank))
                {
                    (from, best) = (source, adjusted);
                }
            }

            if (from is null)
            {
                break;
            }

            // The reported score is the one the entry was picked with, so entries read best first.
            picked.Add(from.Entries[from.Next].Entry with { Score = best });
            from.Next++;
        }

        return picked;
    }

    private static string Subject(List<DigestEntry> entries, DigestText text)
    {
        var more = entries.Count > 1 ? " " + text.More(entries.Count - 1) : string.Empty;
        var room = SubjectLength - text.SubjectPrefix.Length - more.Length;
        return text.SubjectPrefix + PlainText.Truncate(entries[0].Story.Title, room) + more;
    }

    /// <summary>How many stories, and the companies and themes that recur most among them, weighed by tag confidence.</summary>
    private static string Preheader(List<DigestEntry> entries, int matching, DateOnly date, DigestText text)
    {
        var topics = entries
            .SelectMany(e => e.Story.Tags.Where(t => t.Kind is TagKinds.Company or TagKinds.Theme))
            .GroupBy(t => text.TagName(t.Kind, t.Value), StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Weight: g.Sum(t => Math.Clamp(t.Confidence, 0, 1))))
            .OrderByDescending(t => t.Weight)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .Take(PreheaderTopics)
            .Select(t => t.Name);
        var count = matching > entries.Count ? text.TopOf(entries.Count, matching) : text.Stories(entries.Count);
        return text.PreheaderLine(count, text.Date(date), string.Join(", ", topics));
    }

    /// <summary>One source's entries in rank order, and how many of them were picked (the next to consider).</summary>
    private sealed class SourceQueue(List<(DigestEntry Entry, int Rank)> entries)
    {
        public List<(DigestEntry Entry, int Rank)> Entries { get; } = entries;

        public int Next { get; set; }
    }
}
