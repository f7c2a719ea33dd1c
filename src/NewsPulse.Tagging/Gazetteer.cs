namespace NewsPulse.Tagging;

/// <summary>What a gazetteer name stands for.</summary>
public enum MentionKind
{
    CountryName,
    Demonym,
    Capital,
    SeatOfPower,
    City,
    Region,
    CompanyName,
    Product,
}

/// <summary>One name in the gazetteer: whose it is, what sort of name it is, and whether its case must match.</summary>
/// <param name="Id">ISO code of the country, or canonical name of the company.</param>
/// <param name="Kind">What sort of name this is.</param>
/// <param name="Surface">The name as the knowledge file spells it (a country's without its leading article).</param>
/// <param name="CaseSensitive">The name is also an ordinary word or an acronym ("Apple", "US"), so only its own case counts.</param>
/// <param name="ProperNoun">The name is written with a capital (a company, a city, a capital): a lower-case word is not it.</param>
public sealed record GazetteerName(string Id, MentionKind Kind, string Surface, bool CaseSensitive, bool ProperNoun)
{
    /// <summary>The name's words as the tokenizer reads them, kept so a match is checked without tokenizing the name again.</summary>
    public IReadOnlyList<MentionToken> Tokens { get; } = MentionTokenizer.Tokenize(Surface);

    /// <summary>The normalised words joined by spaces: the name's key for features.</summary>
    public string Key { get; } = string.Join(' ', MentionTokenizer.Tokenize(Surface).Select(t => t.Key));

    /// <summary>An acronym such as "US" or "IBM": up to five letters, all capitals.</summary>
    public bool IsAcronym { get; } = Surface.Length <= 5 && Surface.Where(char.IsLetter).All(char.IsUpper);
}

/// <summary>A name found in a text: which name, and where (token positions and character offsets).</summary>
public sealed record GazetteerHit(GazetteerName Name, int FirstToken, int EndToken, int Start, int End);

/// <summary>
/// Every country and company name of the knowledge files in one token trie. Leading articles are dropped from
/// names ("les États-Unis" is matched as "États-Unis", so "aux États-Unis" and "des États-Unis" are found too);
/// names that are also ordinary words or acronyms must match in their own case. Pure once built.
/// </summary>
public sealed class Gazetteer
{
    private static readonly string[] LeadingArticles = ["le ", "la ", "les ", "l'", "l’", "the "];

    private readonly TokenTrie<GazetteerName> _trie = new();

    public Gazetteer(IEnumerable<CountryEntry> countries, IEnumerable<CompanyEntry> companies)
    {
        ArgumentNullException.ThrowIfNull(countries);
        ArgumentNullException.ThrowIfNull(companies);
        foreach (var country in countries)
        {
            AddAll(country.Code, MentionKind.CountryName, country.En.Concat(country.Fr), ambiguous: false);
            AddAll(country.Code, MentionKind.Demonym, country.DemonymsEn.Concat(country.DemonymsFr), ambiguous: false);
            AddAll(country.Code, MentionKind.Capital, country.Capitals, ambiguous: false);
            AddAll(country.Code, MentionKind.SeatOfPower, country.Seats, ambiguous: false);
            AddAll(country.Code, MentionKind.City, country.Cities, ambiguous: false);
            AddAll(country.Code, MentionKind.Region, country.Regions, ambiguous: false);
        }

        foreach (var company in companies)
        {
            AddAll(company.Name, MentionKind.CompanyName, company.Aliases.Prepend(company.Name), company.Ambiguous);
            AddAll(company.Name, MentionKind.Product, company.Products, company.Ambiguous);
        }
    }

    /// <summary>The gazetteer of the built-in knowledge files.</summary>
    public static Gazetteer BuiltIn { get; } = new(Knowledge.Countries, Knowledge.Companies);

    public List<GazetteerHit> Find(string text) => Find(MentionTokenizer.Tokenize(text));

    public List<GazetteerHit> Find(IReadOnlyList<MentionToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var hits = new List<GazetteerHit>();
        foreach (var match in _trie.Scan(tokens, CaseAgrees))
        {
            foreach (var name in match.Values.DistinctBy(v => (v.Id, v.Kind)))
            {
                hits.Add(new GazetteerHit(name, match.Start, match.End, tokens[match.Start].Start, tokens[match.End - 1].End));
            }
        }

        return hits;
    }

    private void AddAll(string id, MentionKind kind, IEnumerable<string> names, bool ambiguous)
    {
        foreach (var raw in names.Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            // An article before a country, a seat of power or a region is grammar ("les États-Unis", "the Kremlin");
            // in a city's name it is part of the name ("The Valley", "La Haye").
            var name = kind is MentionKind.Capital or MentionKind.City ? raw.Trim() : WithoutArticle(raw.Trim());
            var tokens = MentionTokenizer.Tokenize(name);
            if (tokens.Count == 0)
            {
                continue;
            }

            // Demonyms are adjectives, written lower-case in French ("chinoise"), so only names proper need case care.
            var acronym = name.Length <= 5 && name.Where(char.IsLetter).All(char.IsUpper);
            var caseSensitive = kind != MentionKind.Demonym && (ambiguous || acronym);
            // French demonyms and some country names ("États-Unis") may be written in any case; other names are
            // proper nouns, so "office", "progress" or "split" in running text are not Office, Progress or Split.
            var properNoun = kind is not (MentionKind.Demonym or MentionKind.CountryName) && char.IsUpper(tokens[0].Surface[0]);
            _trie.Add([.. tokens.Select(t => t.Key)], new GazetteerName(id, kind, name, caseSensitive, properNoun));
        }
    }

    private static string WithoutArticle(string name)
    {
        foreach (var article in LeadingArticles)
        {
            if (name.Length > article.Length && name.StartsWith(article, StringComparison.OrdinalIgnoreCase))
            {
                return name[article.Length..];
            }
        }

        return name;
    }

    /// <summary>A case-sensitive name matches only when every word has the case it has in the name.</summary>
    private static bool CaseAgrees(GazetteerName name, IReadOnlyList<MentionToken> span)
    {
        if (name.ProperNoun && !char.IsUpper(span[0].Surface[0]))
        {
            return false;
        }

        if (!name.CaseSensitive)
        {
            return true;
        }

        var expected = name.Tokens;
        return expected.Count == span.Count && expected.Zip(span).All(pair => SameCase(pair.First.Surface, pair.Second.Surface));
    }

    private static bool SameCase(string expected, string actual) =>
        expected.Length == actual.Length && expected.Zip(actual).All(pair => char.IsUpper(pair.First) == char.IsUpper(pair.Second));
}
