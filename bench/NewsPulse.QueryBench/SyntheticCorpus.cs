using System.Globalization;
using System.Text;
using NewsPulse.App.Hosting;
using NewsPulse.Tagging;

namespace NewsPulse.QueryBench;

/// <summary>How much to generate.</summary>
internal sealed record CorpusSize(long Articles, int People, long Quotes);

/// <summary>A tag of a generated article, with the value format article_tags stores (canonical name, ISO code, theme).</summary>
internal readonly record struct PlannedTag(string Kind, string Value, float Confidence);

/// <summary>What a generated article is about, before its words are written.</summary>
internal sealed record PlannedArticle(long Id, int FeedId, string Language, DateTimeOffset Published, long StoryCluster, IReadOnlyList<PlannedTag> Tags);

internal sealed record PlannedQuote(
    long ArticleId, long? PersonId, string Speaker, string Title, string Organisation, string Text, string Context, string Kind, string Verb, float Confidence, int Start);

internal sealed record PlannedRole(string Title, string Organisation, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);

/// <summary>
/// A deterministic synthetic news corpus: articles over two years from 200 feeds (English and French, 60/40) whose
/// words are drawn with the frequencies of the project's labelled stories (so full text has common and rare words),
/// tagged with Zipf-distributed companies, countries and themes of the tagger's own vocabulary, grouped in story
/// clusters, and quotes spread over people with a Zipf law (a few people are quoted thousands of times).
/// </summary>
internal sealed class SyntheticCorpus
{
    public const int Feeds = 200;

    public const string ModelVersion = "querybench-synthetic";

    public static readonly DateTimeOffset Start = new(2024, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan Span = TimeSpan.FromDays(730);

    private const int FeedStream = 1;
    private const int TagStream = 2;
    private const int ClusterStream = 3;
    private const int TextStream = 4;
    private const int QuoteStream = 5;
    private const int PersonStream = 6;

    /// <summary>Roughly the words of one article, title included: what a word's document frequency is estimated with.</summary>
    private const int AverageWords = 250;

    // Countries news is mostly about come first, so the Zipf law gives them the most articles; the rest follow in file order.
    private static readonly string[] FrequentCountries =
        ["US", "CN", "FR", "DE", "GB", "JP", "IN", "KR", "TW", "NL", "CA", "IT", "ES", "CH", "BE", "IE", "SE", "IL", "AU", "BR"];

    private static readonly string[] FirstNames =
    [
        "Anne", "Marc", "Sophie", "Pierre", "Claire", "Julien", "Camille", "Nicolas", "Isabelle", "Thomas", "Nathalie", "Antoine",
        "Émilie", "François", "Hélène", "Olivier", "Chloé", "Mathieu", "Léa", "Sébastien", "Manon", "Laurent", "Inès", "Hugo",
        "Sarah", "James", "Emily", "Michael", "Jessica", "David", "Laura", "Daniel", "Rachel", "Andrew", "Megan", "Robert",
        "Priya", "Wei", "Yuki", "Carlos", "Fatima", "Ahmed", "Olga", "Lars", "Ingrid", "Kenji", "Mei", "Rahul",
        "Grace", "Oliver", "Hannah", "Samuel", "Zoe", "Benjamin", "Ava", "Lucas", "Maya", "Ethan", "Nora", "Adam",
    ];

    private static readonly string[] LastNames =
    [
        "Martin", "Bernard", "Dubois", "Durand", "Lefebvre", "Moreau", "Laurent", "Simon", "Michel", "Garnier", "Rousseau", "Fontaine",
        "Chevalier", "Girard", "Lambert", "Bonnet", "Mercier", "Faure", "Blanc", "Guerin", "Smith", "Johnson", "Williams", "Brown",
        "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "White", "Harris", "Clark",
        "Lewis", "Walker", "Hall", "Young", "Chen", "Wang", "Tanaka", "Suzuki", "Kim", "Park", "Patel", "Singh",
        "Nakamura", "Rossi", "Bianchi", "Müller", "Schmidt", "Fischer", "Weber", "Jansen", "de Vries", "Novak", "Kowalski", "Costa",
    ];

    private static readonly string[] EnglishTitles =
        ["chief executive", "chief financial officer", "analyst", "economist", "minister", "spokesperson", "chief technology officer", "researcher"];

    private static readonly string[] FrenchTitles =
        ["directeur général", "directrice financière", "analyste", "économiste", "ministre", "porte-parole", "directeur technique", "chercheuse"];

    private readonly ulong _seed;
    private readonly IReadOnlyList<string> _companies;
    private readonly IReadOnlyList<string> _countries;
    private readonly Dictionary<(string Code, string Language), string> _countryNames = [];
    private readonly Dictionary<string, string[]> _words = new(StringComparer.Ordinal);
    private readonly Zipf _companyRanks;
    private readonly Zipf _countryRanks;
    private readonly Zipf _themeRanks = new(Themes.All.Count, 0.8);
    private readonly Zipf _speakerRanks;

    public SyntheticCorpus(ulong seed, CorpusSize size)
    {
        if ((long)size.People > (long)FirstNames.Length * LastNames.Length * 26)
        {
            throw new ArgumentOutOfRangeException(nameof(size), "more people than distinct generated names");
        }

        _seed = seed;
        Size = size;
        _companies = [.. Knowledge.Companies.Select(c => c.Name).Where(name => TagVocabulary.BuiltIn.Resolve(TagKind.Company, name) == name).Distinct(StringComparer.Ordinal)];
        var countries = Knowledge.Countries.Where(c => c.En.Count > 0 && c.Fr.Count > 0).ToList();
        _countries = [.. FrequentCountries.Concat(countries.Select(c => c.Code)).Distinct(StringComparer.Ordinal).Where(code => countries.Any(c => c.Code == code))];
        foreach (var country in countries)
        {
            _countryNames[(country.Code, "en")] = country.En[0];
            _countryNames[(country.Code, "fr")] = country.Fr[0];
        }

        _companyRanks = new Zipf(_companies.Count, 1.0);
        _countryRanks = new Zipf(_countries.Count, 1.1);
        _speakerRanks = new Zipf(size.People, 0.8);
        foreach (var language in new[] { "en", "fr" })
        {
            // Every word of the project's labelled stories, repeated as often as it occurs: drawing from this pool
            // reproduces real English and French word frequencies.
            _words[language] =
            [
                .. LabelledStory.Load(Path.Combine(ProjectPaths.Root, "tests", "data", "tagging"))
                    .Where(s => s.Language == language)
                    .SelectMany(s => (s.Title + " " + s.Text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                    .Select(w => w.Trim('"', '«', '»', '(', ')', ',', '.', ';', ':', '!', '?', '“', '”', '’', '\''))
                    .Where(w => w.Any(char.IsLetter)),
            ];
        }
    }

    public CorpusSize Size { get; }

    public static string FeedLanguage(int feedId) => feedId % 5 is 2 or 4 ? "fr" : "en";

    public static string FeedName(int feedId) => FeedLanguage(feedId) == "fr" ? $"Le Fil Éco {feedId:000}" : $"Tech Wire {feedId:000}";

    public static string FeedUrl(int feedId) => $"https://feed{feedId:000}.example.org/rss";

    public PlannedArticle Article(long id)
    {
        var feedId = FeedOf(id);
        var random = new SplitMix(_seed, id, TagStream);
        var published = Start + (Span * ((id - 1) / (double)Size.Articles)) + TimeSpan.FromMinutes(random.Below(4320) - 2160);
        var tags = new List<PlannedTag>(8);
        AddTags(tags, "company", _companies, _companyRanks, Count(ref random, 0.15, 0.40, 0.25, 0.12), ref random);
        AddTags(tags, "country", _countries, _countryRanks, 1 + Count(ref random, 0.55, 0.30), ref random);
        AddTags(tags, "theme", Themes.All, _themeRanks, 1 + Count(ref random, 0.50, 0.35), ref random);
        return new PlannedArticle(id, feedId, FeedLanguage(feedId), published, StoryCluster(id), tags);
    }

    /// <summary>The article's title and text: sentences of drawn words in which its companies and countries are named.</summary>
    public (string Title, string Text) Write(PlannedArticle article)
    {
        var random = new SplitMix(_seed, article.Id, TextStream);
        var pool = _words[article.Language];
        var names = article.Tags.Where(t => t.Kind != "theme").Select(t => t.Kind == "country" ? _countryNames[(t.Value, article.Language)] : t.Value).ToArray();
        var title = Sentence(ref random, pool, 6 + random.Below(7), names, "");
        var text = new StringBuilder(2600);
        var words = 120 + random.Below(241);
        for (var written = 0; written < words;)
        {
            var length = 8 + random.Below(15);
            text.Append(Sentence(ref random, pool, length, names, ".")).Append(random.Chance(0.2) ? '\n' : ' ');
            written += length;
        }

        return (title, text.ToString().TrimEnd());
    }

    public PlannedQuote Quote(long id)
    {
        var random = new SplitMix(_seed, id, QuoteStream);
        var articleId = 1 + (long)(random.Unit() * Size.Articles);
        var language = FeedLanguage(FeedOf(articleId));
        var text = Sentence(ref random, _words[language], 10 + random.Below(20), [], "");
        long? personId = random.Chance(0.1) ? null : 1 + _speakerRanks.Sample(ref random);
        var role = personId is { } person ? Roles(person)[0] : null;
        var speaker = personId is { } named ? PersonName(named) : _companies[_companyRanks.Sample(ref random)];
        var kind = random.Chance(0.8) ? "direct" : "indirect";
        var (verb, context) = language == "fr" ? ("déclaré", $"« {text} », a déclaré {speaker}.") : ("said", $"\"{text},\" {speaker} said.");
        return new PlannedQuote(
            articleId, personId, speaker, role?.Title ?? "", role?.Organisation ?? (personId is null ? speaker : ""), text, context, kind, verb,
            0.6f + (0.4f * (float)random.Unit()), random.Below(1500));
    }

    /// <summary>A unique full name per person: first name, middle initial and last name from the lists, spread by a prime stride.</summary>
    public static string PersonName(long personId)
    {
        var combination = (personId - 1) * 7919 % ((long)FirstNames.Length * LastNames.Length * 26);
        var first = FirstNames[combination % FirstNames.Length];
        var initial = (char)('A' + (combination / FirstNames.Length % 26));
        return $"{first} {initial}. {LastNames[combination / FirstNames.Length / 26]}";
    }

    /// <summary>One or two distinct titles at a company, the first being how quotes describe the person.</summary>
    public IReadOnlyList<PlannedRole> Roles(long personId)
    {
        var random = new SplitMix(_seed, personId, PersonStream);
        var titles = FeedLanguage((int)(personId % Feeds)) == "fr" ? FrenchTitles : EnglishTitles;
        var first = random.Below(titles.Length);
        var roles = new List<PlannedRole>(2);
        foreach (var title in random.Chance(0.4) ? new[] { first, (first + 1 + random.Below(titles.Length - 1)) % titles.Length } : [first])
        {
            var seen = Start + TimeSpan.FromDays(random.Below(365));
            roles.Add(new PlannedRole(titles[title], _companies[_companyRanks.Sample(ref random)], seen, seen + TimeSpan.FromDays(random.Below(365))));
        }

        return roles;
    }

    /// <summary>Words of the language whose estimated share of articles lies within the bounds, most frequent first.</summary>
    public IReadOnlyList<string> WordsByArticleShare(string language, double minShare, double maxShare)
    {
        var pool = _words[language];
        return
        [
            .. pool.Where(w => w.Length >= 5 && w.All(char.IsLower))
                .CountBy(w => w, StringComparer.Ordinal)
                .Select(c => (Word: c.Key, Share: 1 - Math.Pow(1 - ((double)c.Value / pool.Length), AverageWords)))
                .Where(c => c.Share >= minShare && c.Share <= maxShare)
                .OrderByDescending(c => c.Share).ThenBy(c => c.Word, StringComparer.Ordinal)
                .Select(c => c.Word),
        ];
    }

    private int FeedOf(long articleId) => 1 + new SplitMix(_seed, articleId, FeedStream).Below(Feeds);

    /// <summary>A fifth of the articles retell a story of one of the ten articles before them, and share its cluster.</summary>
    private long StoryCluster(long id)
    {
        while (true)
        {
            var random = new SplitMix(_seed, id, ClusterStream);
            if (id <= 10 || !random.Chance(0.2))
            {
                return id;
            }

            id -= 1 + random.Below(10);
        }
    }

    /// <summary>How many of something, from the probabilities of 0, 1, 2...; what they leave is the last count's.</summary>
    private static int Count(ref SplitMix random, params ReadOnlySpan<double> probabilities)
    {
        var draw = random.Unit();
        for (var count = 0; count < probabilities.Length; count++)
        {
            draw -= probabilities[count];
            if (draw < 0)
            {
                return count;
            }
        }

        return probabilities.Length;
    }

    private static void AddTags(List<PlannedTag> tags, string kind, IReadOnlyList<string> values, Zipf ranks, int count, ref SplitMix random)
    {
        var first = tags.Count;
        while (tags.Count - first < count)
        {
            var value = values[ranks.Sample(ref random)];
            var confidence = 0.5f + (0.5f * (float)random.Unit());
            if (!tags.Skip(first).Any(t => t.Value == value))
            {
                tags.Add(new PlannedTag(kind, value, confidence));
            }
        }
    }

    private static string Sentence(ref SplitMix random, string[] pool, int length, string[] names, string end)
    {
        var sentence = new StringBuilder(length * 8);
        var namedAt = names.Length > 0 && random.Chance(0.35) ? random.Below(length) : -1;
        for (var i = 0; i < length; i++)
        {
            if (i > 0)
            {
                sentence.Append(' ');
            }

            sentence.Append(i == namedAt ? names[random.Below(names.Length)] : pool[random.Below(pool.Length)]);
        }

        sentence[0] = char.ToUpper(sentence[0], CultureInfo.InvariantCulture);
        return sentence.Append(end).ToString();
    }
}
