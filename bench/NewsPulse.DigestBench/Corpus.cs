using System.Text;
using NewsPulse.Tagging;

namespace NewsPulse.DigestBench;

/// <summary>A feed of the generated day.</summary>
internal sealed record FeedRow(string Name, string Url, string Language);

/// <summary>A stored tag: company name, ISO country code or theme name, as the tagger stores them.</summary>
internal sealed record TagRow(string Kind, string Value, float Confidence);

/// <summary>A quote with its offsets in the story text and the person who said it.</summary>
internal sealed record QuoteRow(int Person, string Text, int Start, int End, bool Direct, string Verb, string Title, string Organisation, float Confidence, string Context);

/// <summary>A story of the day; <paramref name="Cluster"/> is the index of the first story of its cluster (itself when alone).</summary>
internal sealed record StoryRow(
    int Feed, string Url, string Title, string Text, string Language, DateTimeOffset FirstExtractedAt, int Cluster, List<TagRow> Tags, List<QuoteRow> Quotes);

/// <summary>
/// One generated news day, the same for the same seed: about 100 feeds in English and French, the people quoted, and the
/// stories first extracted in the 24 hours before <c>now</c>, a fifth of them carried by 2 to 5 outlets (one cluster).
/// Companies, countries, themes, people, outlets and words are drawn Zipf-like, as in real news.
/// </summary>
internal sealed class Corpus
{
    /// <summary>Companies no story mentions, for subscribers who must get nothing.</summary>
    public const int UnusedCompanies = 20;

    private const int PeopleCount = 500;

    // With clusters of 2 to 5 outlets (3.5 on average), starting one for 1 story in 15 puts a fifth of the stories in clusters.
    private const double ClusterStart = 1.0 / 15;

    private readonly Random _random;
    private readonly Zipf _companyDraw;
    private readonly Zipf _countryDraw;
    private readonly Zipf _themeDraw = new(Themes.All.Count, 0.8);
    private readonly Zipf _peopleDraw = new(PeopleCount);
    private readonly Zipf _wordDraw = new(Words.English.Length, 0.9);

    private Corpus(int seed)
    {
        _random = new Random(seed);
        Companies = Shuffled(Knowledge.Companies.Select(c => c.Name).Distinct(StringComparer.Ordinal));
        Countries = Shuffled(Knowledge.Countries.Where(c => c.En.Count > 0 && c.Fr.Count > 0));
        _companyDraw = new Zipf(Companies.Count - UnusedCompanies);
        _countryDraw = new Zipf(Countries.Count, 1.1);
        Feeds = [.. Words.OutletStarts.SelectMany(start => Words.OutletEnds.Select(end => Feed(start, end)))];
        People = [.. Words.FirstNames.SelectMany(first => Words.Surnames.Select(last => $"{first} {last}")).OrderBy(_ => _random.Next()).Take(PeopleCount)];
    }

    /// <summary>Every company name, in the order the Zipf draw ranks them; the last <see cref="UnusedCompanies"/> never appear.</summary>
    public List<string> Companies { get; }

    public List<CountryEntry> Countries { get; }

    public List<FeedRow> Feeds { get; }

    public List<string> People { get; }

    public List<StoryRow> Stories { get; } = [];

    /// <summary>Words in the order their draw ranks them, for keywords that occur often, sometimes or rarely.</summary>
    public static IReadOnlyList<string> VocabularyOf(string language) => language == "fr" ? Words.French : Words.English;

    public static Corpus Generate(int stories, DateTimeOffset now, int seed)
    {
        var corpus = new Corpus(seed);
        while (corpus.Stories.Count < stories)
        {
            var copies = corpus._random.NextDouble() < ClusterStart ? corpus._random.Next(2, 6) : 1;
            corpus.AddStory(Math.Min(copies, stories - corpus.Stories.Count), now);
        }

        return corpus;
    }

    private static FeedRow Feed(string start, string end)
    {
        var language = start is "Le Courrier" or "L'Écho" or "Les Nouvelles" ? "fr" : "en";
        var slug = new string([.. MentionTokenizer.Normalize($"{start}-{end}").Where(c => char.IsAsciiLetterLower(c) || c == '-')]);
        return new FeedRow($"{start} {end}", $"https://{slug}.example/feed.xml", language);
    }

    private void AddStory(int outlets, DateTimeOffset now)
    {
        var language = _random.NextDouble() < 0.65 ? "en" : "fr";
        var feeds = Feeds.Select((f, i) => (Feed: f, Index: i)).Where(f => f.Feed.Language == language).Select(f => f.Index).ToList();
        var feedDraw = new Zipf(feeds.Count, 0.7);
        var chosen = new List<int>();
        while (chosen.Count < outlets)
        {
            var feed = feeds[feedDraw.Next(_random)];
            if (!chosen.Contains(feed))
            {
                chosen.Add(feed);
            }
        }

        var companies = _companyDraw.Distinct(_random, Companies, _random.Next(100) switch { < 15 => 0, < 55 => 1, < 85 => 2, _ => 3 });
        var countries = _countryDraw.Distinct(_random, Countries, _random.Next(1, 3));
        var themes = _themeDraw.Distinct(_random, Themes.All, _random.Next(1, 3));
        var (title, text, quotes) = Write(language, companies, countries);
        var first = now - TimeSpan.FromHours(0.05 + _random.NextDouble() * 22.5);
        var cluster = Stories.Count;
        foreach (var feed in chosen)
        {
            var jitter = (float)(_random.NextDouble() * 0.1);
            var tags = companies.Select(c => new TagRow("company", c, 0.85f + jitter))
                .Concat(countries.Select(c => new TagRow("country", c.Code, 0.75f + jitter)))
                .Concat(themes.Select(t => new TagRow("theme", t, 0.55f + 2 * jitter + (float)_random.NextDouble() * 0.2f)))
                .ToList();

            // A closing line naming the outlet keeps every copy's text distinct, as the content-hash index requires.
            var copyText = $"{text}\n\n{(language == "fr" ? "Publié par" : "Reported by")} {Feeds[feed].Name}.";
            Stories.Add(new StoryRow(
                feed, $"{Feeds[feed].Url.Replace("feed.xml", string.Empty, StringComparison.Ordinal)}{Stories.Count + 1}", title, copyText, language,
                first + TimeSpan.FromMinutes(_random.Next(0, 90)), cluster, tags, quotes));
        }
    }

    private (string Title, string Text, List<QuoteRow> Quotes) Write(string language, List<string> companies, List<CountryEntry> countries)
    {
        var fr = language == "fr";
        string Country(CountryEntry c) => fr ? c.Fr[0] : c.En[0];
        var subject = companies.Count > 0 ? companies[0] : Country(countries[0]);
        var verbs = fr ? Words.FrenchVerbs : Words.EnglishVerbs;
        var title = $"{subject} {verbs[_random.Next(verbs.Length)]} {Word(fr)} {Word(fr)} {(fr ? "en" : "in")} {Country(countries[^1])}";
        var names = companies.Concat(countries.Select(Country)).ToList();
        var text = new StringBuilder();
        var quotes = new List<QuoteRow>();
        var quoteCount = _random.Next(2, 5);
        var paragraphs = _random.Next(5, 8);
        for (var p = 0; p < paragraphs; p++)
        {
            if (p > 0)
            {
                text.Append("\n\n");
            }

            var sentences = _random.Next(3, 6);
            for (var s = 0; s < sentences; s++)
            {
                if (s > 0)
                {
                    text.Append(' ');
                }

                // Quotes go after the opening paragraph, one per paragraph at most, like the reporting they come from.
                if (s == 1 && p > 0 && quotes.Count < quoteCount)
                {
                    quotes.Add(Quote(text, fr, companies));
                }
                else
                {
                    text.Append(Sentence(fr, s == 0 || _random.NextDouble() < 0.2 ? names[_random.Next(names.Count)] : null)).Append('.');
                }
            }
        }

        return (title, text.ToString(), quotes);
    }

    private QuoteRow Quote(StringBuilder text, bool fr, List<string> companies)
    {
        var person = _peopleDraw.Next(_random);
        var name = People[person];
        var role = Words.Titles[_random.Next(Words.Titles.Length)];
        var organisation = companies.Count > 0 && _random.NextDouble() < 0.6 ? companies[_random.Next(companies.Count)] : Companies[_companyDraw.Next(_random)];
        var words = Sentence(fr, null);
        var direct = _random.NextDouble() < 0.7;
        var sentenceStart = text.Length;
        int start;
        string verb;
        if (direct)
        {
            verb = fr ? "a déclaré" : "said";
            text.Append(fr ? "« " : "\u201C");
            start = text.Length;
            text.Append(words).Append(fr ? " », " : ",\u201D ").Append(verb).Append(' ').Append(name).Append(", ").Append(role).Append(fr ? " chez " : " at ").Append(organisation).Append('.');
        }
        else
        {
            verb = fr ? "a estimé" : "said";
            text.Append(name).Append(' ').Append(verb).Append(fr ? " que " : " that ");
            start = text.Length;
            text.Append(char.ToLowerInvariant(words[0])).Append(words, 1, words.Length - 1).Append('.');
        }

        var end = start + words.Length;
        return new QuoteRow(
            person, text.ToString(start, words.Length), start, end, direct, verb, role, organisation, 0.7f + (float)_random.NextDouble() * 0.3f,
            text.ToString(sentenceStart, text.Length - sentenceStart));
    }

    private string Sentence(bool fr, string? name)
    {
        var joiners = fr ? Words.FrenchJoiners : Words.EnglishJoiners;
        var length = _random.Next(8, 17);
        var words = new List<string>(length + 1);
        for (var i = 0; i < length; i++)
        {
            words.Add(_random.NextDouble() < 0.35 ? joiners[_random.Next(joiners.Length)] : Word(fr));
        }

        if (name is not null)
        {
            words.Insert(_random.Next(words.Count), name);
        }

        var sentence = string.Join(' ', words);
        return char.ToUpperInvariant(sentence[0]) + sentence[1..];
    }

    private string Word(bool fr) => (fr ? Words.French : Words.English)[_wordDraw.Next(_random)];

    private List<T> Shuffled<T>(IEnumerable<T> items) => [.. items.OrderBy(_ => _random.Next())];
}
