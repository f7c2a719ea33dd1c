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

    private const double CoverageWeight = 1.5;
    private const double FreshnessWeight = 0.5;
    private const double SameSourceDecay = 0.6;
    private const int SubjectLength = 110;
    private const int PreheaderTopics = 3;

    /// <summary>The digest for <paramref name="preferences"/>, or null when no story matches (the caller then sends nothing).</summary>
    public static Digest? Compose(IReadOnlyList<DigestStory> stories, IReadOnlyList<DigestQuote> quotes, DigestPreferences preferences, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentNullException.ThrowIfNull(quotes);
        ArgumentNullException.ThrowIfNull(preferences);
        var text = DigestText.For(preferences.Locale);
        var follows = new FollowSet(preferences, text);
        var matches = stories.Select(follows.Match).OfType<StoryMatch>().ToList();
        if (matches.Count == 0)
        {
            return null;
        }

        // Coverage counts every outlet of the cluster in the window, also those filtered out (another language, no
        // matching tag): they still say how widely the story was carried.
        var sourcesByCluster = stories
            .GroupBy(s => s.ClusterId)
            .ToDictionary(g => g.Key, g => g.Select(s => s.Source).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
        var newest = stories.Max(s => s.FirstSeenAt);
        var candidates = matches
            .GroupBy(m => m.Story.ClusterId)
            .Select(g => Candidate(g, sourcesByCluster[g.Key], follows, newest))
            .ToList();
        var entries = PickDiverse(candidates, Math.Clamp(preferences.MaxStories, 1, MaxStoriesLimit));
        return new Digest(
            date,
            text.Language,
            entries,
            QuoteSelector.Select(quotes, follows),
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
    private static DigestEntry Candidate(IEnumerable<StoryMatch> cluster, List<string> sources, FollowSet follows, DateTimeOffset newest)
    {
        var best = cluster
            .OrderByDescending(m => m.Reasons.Count)
            .ThenByDescending(m => follows.PrefersLanguage(m.Story.Language))
            .ThenByDescending(m => m.Relevance)
            .ThenBy(m => m.Story.FirstSeenAt)
            .ThenBy(m => m.Story.ArticleId)
            .First();
        var story = best.Story;
        var others = sources.Where(s => !string.Equals(s, story.Source, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        var salience = CoverageWeight * Math.Log2(2 + others.Count) + story.Tags.Select(t => Math.Clamp(t.Confidence, 0, 1)).DefaultIfEmpty(0).Max();
        var hoursOld = (newest - story.FirstSeenAt).TotalHours;
        var freshness = FreshnessWeight * (1 - Math.Clamp(hoursOld / 24, 0, 1));
        return new DigestEntry(story, others.Count, others, best.Relevance + salience + freshness, best.Reasons);
    }

    private static List<DigestEntry> PickDiverse(List<DigestEntry> candidates, int count)
    {
        var remaining = candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Story.ArticleId).ToList();
        var picked = new List<DigestEntry>(count);
        var picksBySource = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        double Adjusted(DigestEntry entry) => entry.Score * Math.Pow(SameSourceDecay, picksBySource.GetValueOrDefault(entry.Story.Source));
        while (picked.Count < count && remaining.Count > 0)
        {
            var best = 0;
            for (var i = 1; i < remaining.Count; i++)
            {
                if (Adjusted(remaining[i]) > Adjusted(remaining[best]))
                {
                    best = i;
                }
            }

            var entry = remaining[best];
            remaining.RemoveAt(best);
            // The reported score is the one the entry was picked with, so entries read best first.
            picked.Add(entry with { Score = Adjusted(entry) });
            picksBySource[entry.Story.Source] = picksBySource.GetValueOrDefault(entry.Story.Source) + 1;
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
}
