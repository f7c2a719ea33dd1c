namespace NewsPulse.Digest;

/// <summary>
/// A subscriber's follows, keyed once for matching. Relevance adds a weight per follow matched: companies and people weigh
/// most (a subscriber names them deliberately), then countries, then themes (broad); a tag's weight is scaled by the
/// tagger's confidence, and a keyword counts more in the title than in the lead.
/// </summary>
internal sealed class FollowSet
{
    private const double CompanyWeight = 3.0;
    private const double PersonWeight = 3.0;
    private const double CountryWeight = 2.0;
    private const double ThemeWeight = 1.5;
    private const double KeywordInTitleWeight = 2.5;
    private const double KeywordInLeadWeight = 1.5;

    private readonly DigestText _text;
    private readonly Dictionary<string, double> _tagWeights = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _companies;
    private readonly Dictionary<string, string> _people = new(StringComparer.Ordinal);
    private readonly List<(string Keyword, string[] Words, string Reason)> _keywords;
    private readonly HashSet<string> _languages;

    public FollowSet(DigestPreferences preferences, DigestText text)
    {
        _text = text;
        _companies = new HashSet<string>(preferences.Companies, StringComparer.OrdinalIgnoreCase);
        AddTags(TagKinds.Company, preferences.Companies, CompanyWeight);
        AddTags(TagKinds.Country, preferences.Countries, CountryWeight);
        AddTags(TagKinds.Theme, preferences.Themes, ThemeWeight);
        foreach (var person in preferences.People)
        {
            _people.TryAdd(TextKeys.Name(person), person.Trim());
        }

        _keywords = [.. preferences.Keywords.Select(k => (Keyword: k.Trim(), Words: TextKeys.Of(k))).Where(k => k.Words.Length > 0).Select(k => (k.Keyword, k.Words, text.KeywordReason(k.Keyword)))];
        _languages = new HashSet<string>(preferences.Languages, StringComparer.OrdinalIgnoreCase);
        IsEmpty = _tagWeights.Count == 0 && _people.Count == 0 && _keywords.Count == 0;
        Following =
        [
            .. preferences.Companies.Select(c => text.TagName(TagKinds.Company, c)),
            .. preferences.Countries.Select(c => text.TagName(TagKinds.Country, c)),
            .. preferences.Themes.Select(t => text.TagName(TagKinds.Theme, t)),
            .. _people.Values,
            .. _keywords.Select(k => k.Keyword),
        ];
    }

    /// <summary>Nothing followed: every story in a wanted language matches, and coverage alone ranks them.</summary>
    public bool IsEmpty { get; }

    public bool FollowsPeopleOrCompanies => _people.Count > 0 || _companies.Count > 0;

    public IReadOnlyList<string> Following { get; }

    /// <summary>Stories of an unknown language pass only when the subscriber takes every language.</summary>
    public bool WantsLanguage(string? language) => _languages.Count == 0 || (language is not null && _languages.Contains(language));

    /// <summary>Languages the subscriber reads best: the ones they asked for, or else the email's own.</summary>
    public bool PrefersLanguage(string? language) =>
        _languages.Count > 0 ? WantsLanguage(language) : string.Equals(language, _text.Language, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The window's stories that pass the subscriber's filters, in window order. Only stories the window indexes under
    /// a follow can match one, so only those are looked at (all of them when nothing is followed).
    /// </summary>
    public List<StoryMatch> Matches(DigestWindow window)
    {
        // A keyword can only be in a story that holds its first word: the index says which, before its words are compared.
        var keywordStories = _keywords.Select(k => window.StoriesWithWord(k.Words[0])).ToArray();
        var tagWeights = new Dictionary<int, double>();
        foreach (var (key, weight) in _tagWeights)
        {
            if (window.TagId(key) is var id and >= 0)
            {
                tagWeights.TryAdd(id, weight);
            }
        }

        var candidates = IsEmpty
            ? Enumerable.Range(0, window.Stories.Count)
            : DigestWindow.Union(window.Stories.Count, _tagWeights.Keys.Select(window.StoriesTagged).Concat(_people.Keys.Select(window.StoriesQuoting)).Concat(keywordStories));
        var matches = new List<StoryMatch>();
        foreach (var index in candidates)
        {
            if (Match(window, index, tagWeights, keywordStories) is { } match)
            {
                matches.Add(match);
            }
        }

        return matches;
    }

    /// <summary>
    /// The window's quotes said by a followed person or from a story about a followed company, in window order, with
    /// which of the two each is.
    /// </summary>
    public List<(int Index, bool Person, bool Company)> QuoteCandidates(DigestWindow window)
    {
        var person = DigestWindow.Marks(window.Quotes.Count, _people.Keys.Select(window.QuotesBy));
        var company = DigestWindow.Marks(window.Quotes.Count, _companies.Select(window.QuotesAbout));
        var candidates = new List<(int Index, bool Person, bool Company)>();
        for (var i = 0; i < person.Length; i++)
        {
            if (person[i] || company[i])
            {
                candidates.Add((i, person[i], company[i]));
            }
        }

        return candidates;
    }

    private StoryMatch? Match(DigestWindow window, int index, Dictionary<int, double> tagWeights, int[][] keywordStories)
    {
        var story = window.Stories[index];
        if (!WantsLanguage(story.Language))
        {
            return null;
        }

        var relevance = 0.0;
        var reasons = new List<string>();
        void Add(double weight, string reason)
        {
            if (!reasons.Contains(reason, StringComparer.Ordinal))
            {
                relevance += weight;
                reasons.Add(reason);
            }
        }

        var tagIds = window.TagIds[index];
        for (var t = 0; t < tagIds.Length; t++)
        {
            if (tagWeights.TryGetValue(tagIds[t], out var weight))
            {
                var tag = story.Tags[t];
                Add(weight * (0.5 + 0.5 * Math.Clamp(tag.Confidence, 0, 1)), _text.TagName(tag.Kind, tag.Value));
            }
        }

        foreach (var person in window.PeopleKeys[index])
        {
            if (_people.TryGetValue(person, out var followed))
            {
                Add(PersonWeight, followed);
            }
        }

        for (var k = 0; k < _keywords.Count; k++)
        {
            var (_, words, reason) = _keywords[k];
            if (Array.BinarySearch(keywordStories[k], index) < 0)
            {
                continue;
            }

            var weight = TextKeys.ContainsPhrase(window.TitleWords[index], words) ? KeywordInTitleWeight
                : TextKeys.ContainsPhrase(window.LeadWords[index], words) ? KeywordInLeadWeight
                : 0;
            if (weight > 0)
            {
                Add(weight, reason);
            }
        }

        return reasons.Count > 0 || IsEmpty ? new StoryMatch(index, story, relevance, reasons) : null;
    }

    private void AddTags(string kind, IEnumerable<string> values, double weight)
    {
        foreach (var value in values)
        {
            _tagWeights.TryAdd(DigestWindow.TagKey(kind, value), weight);
        }
    }
}
