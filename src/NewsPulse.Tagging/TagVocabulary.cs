namespace NewsPulse.Tagging;

/// <summary>
/// Turns what a person types for a tag into its stored value: a company name or alias to the canonical name
/// ("Alphabet" -> "Google"), a country code or name in English or French to its ISO code ("Allemagne" -> "DE"),
/// a theme to its name. Case and diacritics do not matter.
/// </summary>
public sealed class TagVocabulary
{
    private readonly Dictionary<string, string> _companies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _countries = new(StringComparer.Ordinal);

    public TagVocabulary(IEnumerable<CompanyEntry> companies, IEnumerable<CountryEntry> countries)
    {
        ArgumentNullException.ThrowIfNull(companies);
        ArgumentNullException.ThrowIfNull(countries);
        // Canonical names first, so an alias shared with another company's name never hides that company.
        var companyList = companies.ToList();
        foreach (var company in companyList)
        {
            _companies.TryAdd(Key(company.Name), company.Name);
        }

        foreach (var company in companyList)
        {
            foreach (var alias in company.Aliases)
            {
                _companies.TryAdd(Key(alias), company.Name);
            }
        }

        foreach (var country in countries)
        {
            _countries.TryAdd(Key(country.Code), country.Code);
            foreach (var name in country.En.Concat(country.Fr))
            {
                _countries.TryAdd(Key(name), country.Code);
            }
        }
    }

    public static TagVocabulary BuiltIn { get; } = new(Knowledge.Companies, Knowledge.Countries);

    /// <summary>The stored value for <paramref name="input"/>, or null when it names no known company, country or theme.</summary>
    public string? Resolve(TagKind kind, string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var key = Key(input);
        return kind switch
        {
            TagKind.Company => _companies.GetValueOrDefault(key),
            TagKind.Country => _countries.GetValueOrDefault(key),
            _ => Themes.All.FirstOrDefault(t => Key(t) == key),
        };
    }

    private static string Key(string name) => string.Join(' ', MentionTokenizer.Tokenize(name).Select(t => t.Key));
}
