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
    private readonly List<(string Keyword, string[] Words)> _keywords;
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

        _keywords = [.. preferences.Keywords.Select(k => (Keyword: k.Trim(), Words: TextKeys.Of(k))).Where(k => k.Words.Length > 0)];
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

    public bool FollowsSpeaker(DigestQuote quote) => _people.ContainsKey(TextKeys.Name(quote.Speaker));

    public bool FollowsCompanyOf(DigestQuote quote) => quote.Companies.Any(_companies.Contains);

    public StoryMatch? Match(DigestStory story)
    {
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

        foreach (var tag in story.Tags)
        {
            if (_tagWeights.TryGetValue(TagKey(tag.Kind, tag.Value), out var weight))
            {
                Add(weight * (0.5 + 0.5 * Math.Clamp(tag.Confidence, 0, 1)), _text.TagName(tag.Kind, tag.Value));
            }
        }

        foreach (var person in story.PeopleQuoted)
        {
            if (_people.TryGetValue(TextKeys.Name(person), out var followed))
            {
                Add(PersonWeight, followed);
            }
        }

        if (_keywords.Count > 0)
        {
            var title = TextKeys.Of(story.Title);
            var lead = TextKeys.Of(story.Lead);
            foreach (var (keyword, words) in _keywords)
            {
                var weight = TextKeys.ContainsPhrase(title, words) ? KeywordInTitleWeight
                    : TextKeys.ContainsPhrase(lead, words) ? KeywordInLeadWeight
                    : 0;
                if (weight > 0)
                {
                    Add(weight, _text.KeywordReason(keyword));
                }
            }
        }

        return reasons.Count > 0 || IsEmpty ? new StoryMatch(story, relevance, reasons) : null;
    }

    private static string TagKey(string kind, string value) => kind + ":" + value.Trim();

    private void AddTags(string kind, IEnumerable<string> values, double weight)
    {
        foreach (var value in values)
        {
            _tagWeights.TryAdd(TagKey(kind, value), weight);
        }
    }
}
